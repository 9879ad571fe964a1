"""The lane ruler shows every lane title whole where it can: a lane too short at fit for its
title on one line takes a smaller font and a second line before "…" ("Customer success" in
aarrr, not "Customer …")."""

import pytest
from PySide6.QtWidgets import QGraphicsView

from app.io.templates import load_template, template_names
from app.render.layout import layout
from app.ui.canvas.frozen import FrozenHeaders

TEMPLATES = [(lang, name) for lang in ("en", "zh") for name in template_names(lang)]


@pytest.fixture
def frozen(qtbot):
    from app.ui.fonts import register_fonts

    register_fonts()
    view = QGraphicsView()
    qtbot.addWidget(view)
    return FrozenHeaders(view)


def _shown(frozen, title: str, height: float) -> str:
    _, _, _, lines = frozen.lane_title(title, frozen.lane_width - 14, height - 4)
    return " ".join(lines)


@pytest.mark.parametrize(("lang", "name"), TEMPLATES)
def test_every_lane_title_shows_whole_at_fit(frozen, lang, name):
    geometry = layout(load_template(name, lang))
    b = geometry.bounds
    scale = min(840 / b.w, 760 / b.h)  # the designer's canvas at 1440x900, fitted
    cut = {band.title: _shown(frozen, band.title, band.rect.h * scale)
           for band in geometry.lanes
           if _shown(frozen, band.title, band.rect.h * scale).replace(" ", "")
           != band.title.replace(" ", "")}
    assert cut == {}


def test_a_short_lane_takes_a_smaller_font_before_an_ellipsis(frozen):
    font, _, _, lines = frozen.lane_title("Customer success", 94, 26)
    assert " ".join(lines) == "Customer success"
    assert font.pixelSize() < frozen.font.pixelSize()
    font, _, _, lines = frozen.lane_title("Customer success", 94, 40)  # room for two lines
    assert lines == ["Customer", "success"] and font.pixelSize() == frozen.font.pixelSize()
    _, _, _, lines = frozen.lane_title("Growth", 94, 26)  # fits: the usual font, one line
    assert lines == ["Growth"]
    font, _, _, lines = frozen.lane_title("Customer success and account management", 94, 12)
    assert lines[-1].endswith("…") and font.pixelSize() == frozen.font.pixelSize()
