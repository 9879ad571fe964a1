"""Lanes and phases: add, rename, recolour, reorder and delete, each one undo step
(SetLanes or SetPhases, as the axis says).

Deleting a lane that holds nodes asks where they go (another lane, or delete them); deleting
a phase asks whether its nodes move to another phase or simply lose their phase. The
question is a small dialog that tests replace through the `ask` argument.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from app.model import Lane
from app.model.axes import LANE, Axis
from app.ui.panels.axis_words import words
from app.ui.session import Session

#: marker for "delete the nodes" in the reassignment question
DELETE_NODES = "\0delete"


# lupdate finds `translate("Context", "literal")`: keep the literal in the call.
translate = QCoreApplication.translate


def add_band(session: Session, axis: Axis, after: str | None = None) -> str | None:
    """Add a lane or phase (after `after`, else at the end); returns its id."""
    diagram = session.diagram
    current = list(axis.items(diagram))
    band = axis.new(diagram, words(axis).new_name)
    ids = [b.id for b in current]
    position = ids.index(after) + 1 if after in ids else len(current)
    current.insert(position, band)
    return band.id if session.execute(axis.replace(current, words(axis).add)) else None


def rename_band(session: Session, axis: Axis, band_id: str, name: str) -> bool:
    """Give a lane or phase a new display name."""
    new = [
        b.model_copy(update={"name": name.strip()}) if b.id == band_id else b
        for b in axis.items(session.diagram)
    ]
    return session.execute(axis.replace(new, words(axis).rename))


def recolour_lane(session: Session, lane_id: str, color: str | None) -> bool:
    """Give a lane a colour ("#2E86DE"), or None for the theme's."""
    new = [
        b.model_copy(update={"color": color}) if b.id == lane_id else b
        for b in session.diagram.lanes
    ]
    return session.execute(LANE.replace(new, translate("Bands", "Recolour lane")))


def move_band(session: Session, axis: Axis, band_id: str, delta: int) -> bool:
    """Move a lane up (-1) or down (+1), a phase left (-1) or right (+1)."""
    current = list(axis.items(session.diagram))
    index = next((i for i, b in enumerate(current) if b.id == band_id), None)
    if index is None or not 0 <= index + delta < len(current):
        return False
    current[index], current[index + delta] = current[index + delta], current[index]
    return session.execute(axis.replace(current, words(axis).move))


def delete_band(
    session: Session,
    axis: Axis,
    band_id: str,
    ask: Callable[[str, str, list[tuple[str, str]]], str | None] | None = None,
    parent: QWidget | None = None,
) -> bool:
    """Delete a lane or phase; if nodes are in it, `ask` where they go (None: cancelled)."""
    current = axis.items(session.diagram)
    if axis.required and len(current) == 1:
        session.refuse(
            translate("Bands", "A diagram needs at least one lane; add another lane first.")
        )
        return False
    band = axis.find(session.diagram, band_id)
    if band is None:
        return False
    inside = axis.holding(session.diagram, band_id)
    reassign: dict[str, str | None] = {}
    if inside:
        others = [(b.title, b.id) for b in current if b.id != band_id]
        question = (
            translate("Bands", "“%1” holds %2 node(s). Where should they go?")
            .replace("%1", band.title)
            .replace("%2", str(len(inside)))
        )
        asker = ask or (
            lambda title, text, choices: ReassignDialog.choose(parent, title, text, choices, axis)
        )
        answer = asker(band.title, question, others)
        if answer is None:
            return False
        reassign[band_id] = None if answer == DELETE_NODES else answer
    new = [b for b in current if b.id != band_id]
    return session.execute(axis.replace(new, words(axis).delete, reassign))


def choose_colour(parent: QWidget | None, current: str | None) -> str | None:
    """Ask for a lane colour; None when cancelled."""
    colour = QColorDialog.getColor(
        QColor(current or "#2E86DE"), parent, translate("Bands", "Lane colour")
    )
    return colour.name().upper() if colour.isValid() else None


def ask_rename(parent: QWidget | None, axis: Axis, current: str) -> str | None:
    """Ask for a lane's or phase's new name; None when cancelled."""
    title = words(axis).rename
    name, ok = QInputDialog.getText(parent, title, translate("Bands", "Name:"), text=current)
    return name if ok and name.strip() else None


class ReassignDialog(QDialog):
    """Where do the nodes of a deleted lane (or phase) go?"""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        text: str,
        choices: list[tuple[str, str]],
        axis: Axis,
    ):
        super().__init__(parent)
        self.setWindowTitle(translate("Bands", "Delete “%1”").replace("%1", title))
        self.combo = QComboBox(self)
        said = words(axis)
        for name, band_id in choices:
            self.combo.addItem(said.move_nodes_to.replace("%1", name), band_id)
        self.combo.addItem(said.drop_nodes, DELETE_NODES)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(text, self))
        layout.addWidget(self.combo)
        layout.addWidget(buttons)

    @classmethod
    def choose(cls, parent, title, text, choices, axis: Axis) -> str | None:
        dialog = cls(parent, title, text, choices, axis)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.combo.currentData()


def band_menu(
    session: Session,
    axis: Axis,
    band_id: str,
    parent: QWidget,
    on_select: Callable[[Axis, str], None] | None = None,
) -> QMenu:
    """The context menu of a lane or phase header."""
    menu = QMenu(parent)
    band = axis.find(session.diagram, band_id)
    if band is None:
        return menu
    said = words(axis)
    menu.addAction(translate("Bands", "Rename…"), lambda: _rename(session, axis, band, parent))
    if axis.coloured:
        menu.addAction(translate("Bands", "Colour…"), lambda: _recolour(session, band, parent))
    menu.addAction(said.earlier, lambda: move_band(session, axis, band_id, -1))
    menu.addAction(said.later, lambda: move_band(session, axis, band_id, +1))
    menu.addSeparator()
    menu.addAction(said.add_next, lambda: _added(session, axis, band_id, on_select))
    menu.addAction(
        translate("Bands", "Delete…"), lambda: delete_band(session, axis, band_id, parent=parent)
    )
    if on_select is not None:
        menu.addSeparator()
        menu.addAction(translate("Bands", "Show in inspector"), lambda: on_select(axis, band_id))
    return menu


def _rename(session: Session, axis: Axis, band, parent: QWidget) -> None:
    name = ask_rename(parent, axis, band.name or band.id)
    if name is not None:
        rename_band(session, axis, band.id, name)


def _recolour(session: Session, band: Lane, parent: QWidget) -> None:
    colour = choose_colour(parent, band.color)
    if colour is not None:
        recolour_lane(session, band.id, colour)


def _added(session: Session, axis: Axis, after: str, on_select) -> None:
    new_id = add_band(session, axis, after)
    if new_id and on_select is not None:
        on_select(axis, new_id)
