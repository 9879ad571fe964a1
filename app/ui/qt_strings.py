"""Qt's own words that its shipped Chinese catalogue (qtbase_zh_CN.qm) lacks.

Qt 6 reworded a few labels of its file dialog ("Look in:" became "&Look in:") and the
catalogue PySide6 ships was not updated, so a Chinese user saw them in English. They are
listed here under Qt's own context, so lupdate puts them in FunnelFlow's catalogue, which
is installed next to Qt's and answers for them. Nothing imports this module: it only holds
the strings for lupdate.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_STRINGS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QDockWidgetTitleButton", "Float"),
)
