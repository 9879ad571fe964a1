"""What the designer calls a lane or a phase, in the user's language: one table per axis.

Menus, dialogs, the inspector and the presentation ask `words(axis)` instead of choosing
between two strings themselves. Each string stays in the translation context it always had,
so the catalogue keeps its translations.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from app.model.axes import LANE, PHASE, Axis

# lupdate finds `translate("Context", "literal")`: keep the literal in the call.
translate = QCoreApplication.translate


@dataclass(frozen=True)
class AxisWords:
    """The words for one axis (lanes or phases) in the current language."""

    new_name: str  # the name a new one gets
    add: str  # undo step
    add_next: str  # header menu: add one next to this one
    rename: str  # undo step and dialog title
    move: str  # undo step
    earlier: str  # up (lanes) or left (phases)
    later: str  # down or right
    delete: str  # undo step
    delete_button: str  # the inspector's button (asks before deleting)
    heading: str  # the inspector's heading; %1 is the title
    move_nodes_to: str  # where a deleted one's nodes go; %1 is the other's title
    drop_nodes: str  # ... or what happens to them otherwise
    step: str  # the presentation's reveal; %1/%2 step of steps, %3 the title


def _lane_words() -> AxisWords:
    return AxisWords(
        new_name=translate("Bands", "New lane"),
        add=translate("Bands", "Add lane"),
        add_next=translate("Bands", "Add lane below"),
        rename=translate("Bands", "Rename lane"),
        move=translate("Bands", "Move lane"),
        earlier=translate("Bands", "Move up"),
        later=translate("Bands", "Move down"),
        delete=translate("Bands", "Delete lane"),
        delete_button=translate("BandForm", "Delete lane…"),
        heading=translate("BandForm", "Lane: %1"),
        move_nodes_to=translate("Bands", "Move them to lane “%1”"),
        drop_nodes=translate("Bands", "Delete them too (with their connections)"),
        step=translate("PresentationWindow", "Lane %1/%2: %3"),
    )


def _phase_words() -> AxisWords:
    return AxisWords(
        new_name=translate("Bands", "New phase"),
        add=translate("Bands", "Add phase"),
        add_next=translate("Bands", "Add phase after"),
        rename=translate("Bands", "Rename phase"),
        move=translate("Bands", "Move phase"),
        earlier=translate("Bands", "Move left"),
        later=translate("Bands", "Move right"),
        delete=translate("Bands", "Delete phase"),
        delete_button=translate("BandForm", "Delete phase…"),
        heading=translate("BandForm", "Phase: %1"),
        move_nodes_to=translate("Bands", "Move them to phase “%1”"),
        drop_nodes=translate("Bands", "Leave them without a phase"),
        step=translate("PresentationWindow", "Phase %1/%2: %3"),
    )


_WORDS = {LANE: _lane_words, PHASE: _phase_words}


def words(axis: Axis) -> AxisWords:
    """The words for `axis`, asked anew each time: the language can change at run time."""
    return _WORDS[axis]()
