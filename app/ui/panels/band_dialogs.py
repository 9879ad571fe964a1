"""Lanes and phases: add, rename, recolour, reorder and delete,
each one SetLanes or SetPhases undo step.

Deleting a lane that holds nodes asks where they go (another lane, or delete them); deleting
a phase asks whether its nodes move to another phase or simply lose their phase. The
question is a small dialog that tests replace through the `ask` argument.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPoint
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

from app.model import Lane, Phase
from app.model.commands import SetLanes, SetPhases, fresh_id
from app.ui.session import Session

#: kind -> field name of a node that refers to a band of that kind
NODE_KEY = {"lanes": "lane", "phases": "phase"}
#: marker for "delete the nodes" in the reassignment question
DELETE_NODES = "\0delete"


# lupdate finds `translate("Context", "literal")`: keep the literal in the call.
translate = QCoreApplication.translate


def bands(session: Session, kind: str) -> tuple[Lane, ...] | tuple[Phase, ...]:
    return session.diagram.lanes if kind == "lanes" else session.diagram.phases


def _set(session: Session, kind: str, new_bands, text: str, reassign=None) -> bool:
    command = SetLanes if kind == "lanes" else SetPhases
    return session.execute(command(tuple(new_bands), reassign or {}, text=text))


def add_band(session: Session, kind: str, after: str | None = None) -> str | None:
    """Add a lane or phase (after `after`, else at the end); returns its id."""
    current = list(bands(session, kind))
    if kind == "lanes":
        band = Lane(
            id=fresh_id("lane", (b.id for b in current)), name=translate("Bands", "New lane")
        )
        text = translate("Bands", "Add lane")
    else:
        band = Phase(
            id=fresh_id("phase", (b.id for b in current)), name=translate("Bands", "New phase")
        )
        text = translate("Bands", "Add phase")
    ids = [b.id for b in current]
    position = ids.index(after) + 1 if after in ids else len(current)
    current.insert(position, band)
    return band.id if _set(session, kind, current, text) else None


def rename_band(session: Session, kind: str, band_id: str, name: str) -> bool:
    """Give a band a new display name."""
    new = [
        b.model_copy(update={"name": name.strip()}) if b.id == band_id else b
        for b in bands(session, kind)
    ]
    return _set(
        session,
        kind,
        new,
        translate("Bands", "Rename lane")
        if kind == "lanes"
        else translate("Bands", "Rename phase"),
    )


def recolour_lane(session: Session, lane_id: str, color: str | None) -> bool:
    """Give a lane a colour ("#2E86DE"), or None for the theme's."""
    new = [
        b.model_copy(update={"color": color}) if b.id == lane_id else b
        for b in session.diagram.lanes
    ]
    return _set(session, "lanes", new, translate("Bands", "Recolour lane"))


def move_band(session: Session, kind: str, band_id: str, delta: int) -> bool:
    """Move a band up/left (-1) or down/right (+1)."""
    current = list(bands(session, kind))
    index = next((i for i, b in enumerate(current) if b.id == band_id), None)
    if index is None or not 0 <= index + delta < len(current):
        return False
    current[index], current[index + delta] = current[index + delta], current[index]
    return _set(
        session,
        kind,
        current,
        translate("Bands", "Move lane") if kind == "lanes" else translate("Bands", "Move phase"),
    )


def delete_band(
    session: Session,
    kind: str,
    band_id: str,
    ask: Callable[[str, str, list[tuple[str, str]]], str | None] | None = None,
    parent: QWidget | None = None,
) -> bool:
    """Delete a band; if nodes are in it, `ask` where they go (None from `ask`: cancelled)."""
    key = NODE_KEY[kind]
    current = bands(session, kind)
    if kind == "lanes" and len(current) == 1:
        session.refuse(
            translate("Bands", "A diagram needs at least one lane; add another lane first.")
        )
        return False
    band = next((b for b in current if b.id == band_id), None)
    if band is None:
        return False
    inside = [n for n in session.diagram.nodes if getattr(n, key) == band_id]
    reassign: dict[str, str | None] = {}
    if inside:
        others = [(b.title, b.id) for b in current if b.id != band_id]
        question = (
            translate("Bands", "“%1” holds %2 node(s). Where should they go?")
            .replace("%1", band.title)
            .replace("%2", str(len(inside)))
        )
        asker = ask or (
            lambda title, text, choices: ReassignDialog.choose(parent, title, text, choices, kind)
        )
        answer = asker(band.title, question, others)
        if answer is None:
            return False
        reassign[band_id] = None if answer == DELETE_NODES else answer
    new = [b for b in current if b.id != band_id]
    return _set(
        session,
        kind,
        new,
        translate("Bands", "Delete lane")
        if kind == "lanes"
        else translate("Bands", "Delete phase"),
        reassign,
    )


def choose_colour(parent: QWidget | None, current: str | None) -> str | None:
    """Ask for a lane colour; None when cancelled."""
    colour = QColorDialog.getColor(
        QColor(current or "#2E86DE"), parent, translate("Bands", "Lane colour")
    )
    return colour.name().upper() if colour.isValid() else None


def ask_rename(parent: QWidget | None, kind: str, current: str) -> str | None:
    """Ask for a band's new name; None when cancelled."""
    title = (
        translate("Bands", "Rename lane") if kind == "lanes" else translate("Bands", "Rename phase")
    )
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
        kind: str,
    ):
        super().__init__(parent)
        self.setWindowTitle(translate("Bands", "Delete “%1”").replace("%1", title))
        self.combo = QComboBox(self)
        prefix = (
            translate("Bands", "Move them to lane “%1”")
            if kind == "lanes"
            else translate("Bands", "Move them to phase “%1”")
        )
        for name, band_id in choices:
            self.combo.addItem(prefix.replace("%1", name), band_id)
        if kind == "lanes":
            self.combo.addItem(
                translate("Bands", "Delete them too (with their connections)"), DELETE_NODES
            )
        else:
            self.combo.addItem(translate("Bands", "Leave them without a phase"), DELETE_NODES)
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
    def choose(cls, parent, title, text, choices, kind) -> str | None:
        dialog = cls(parent, title, text, choices, kind)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.combo.currentData()


def band_menu(
    session: Session,
    kind: str,
    band_id: str,
    parent: QWidget,
    on_select: Callable[[str, str], None] | None = None,
) -> QMenu:
    """The context menu of a lane or phase header."""
    menu = QMenu(parent)
    band = next((b for b in bands(session, kind) if b.id == band_id), None)
    if band is None:
        return menu
    lanes = kind == "lanes"
    menu.addAction(translate("Bands", "Rename…"), lambda: _rename(session, kind, band, parent))
    if lanes:
        menu.addAction(translate("Bands", "Colour…"), lambda: _recolour(session, band, parent))
    menu.addAction(
        translate("Bands", "Move up") if lanes else translate("Bands", "Move left"),
        lambda: move_band(session, kind, band_id, -1),
    )
    menu.addAction(
        translate("Bands", "Move down") if lanes else translate("Bands", "Move right"),
        lambda: move_band(session, kind, band_id, +1),
    )
    menu.addSeparator()
    menu.addAction(
        translate("Bands", "Add lane below") if lanes else translate("Bands", "Add phase after"),
        lambda: _added(session, kind, band_id, on_select),
    )
    menu.addAction(
        translate("Bands", "Delete…"), lambda: delete_band(session, kind, band_id, parent=parent)
    )
    if on_select is not None:
        menu.addSeparator()
        menu.addAction(translate("Bands", "Show in inspector"), lambda: on_select(kind, band_id))
    return menu


def show_band_menu(
    session: Session, kind: str, band_id: str, parent: QWidget, global_pos: QPoint, on_select=None
) -> None:
    """Pop up the band's context menu at `global_pos`."""
    band_menu(session, kind, band_id, parent, on_select).exec(global_pos)


def _rename(session: Session, kind: str, band, parent: QWidget) -> None:
    name = ask_rename(parent, kind, band.name or band.id)
    if name is not None:
        rename_band(session, kind, band.id, name)


def _recolour(session: Session, band: Lane, parent: QWidget) -> None:
    colour = choose_colour(parent, band.color)
    if colour is not None:
        recolour_lane(session, band.id, colour)


def _added(session, kind, after, on_select) -> None:
    new_id = add_band(session, kind, after)
    if new_id and on_select is not None:
        on_select(kind, new_id)
