"""The inspector's form for a lane or a phase: name, colour, order, delete."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.model import Lane, Phase
from app.model.axes import LANE, Axis
from app.model.commands import SetLanes, SetPhases
from app.ui.panels import band_dialogs
from app.ui.panels.axis_words import words
from app.ui.panels.fields import Form, LineField
from app.ui.session import Session


def colour_icon(colour: str | None, size: int = 14) -> QIcon:
    """A small square of `colour` for the colour button."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour or "#BDC3C7"))
    return QIcon(pixmap)


class BandForm(Form):
    """A lane's or phase's fields; `axis` says which (LANE or PHASE)."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.axis: Axis = LANE
        self.band_id: str | None = None
        self.id_label = self.add_row("id", QLabel(self))
        self.name = self.add_row("name", LineField(self))
        self.colour = self.add_row("color", QPushButton(self))
        self.nodes_label = self.add_row("count", QLabel(self))
        row = QWidget(self)
        buttons = QHBoxLayout(row)
        buttons.setContentsMargins(0, 0, 0, 0)
        self.earlier = QPushButton(row)
        self.later = QPushButton(row)
        self.delete = QPushButton(row)
        for button in (self.earlier, self.later, self.delete):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.tail.addWidget(row)
        self.name.committed.connect(lambda t: self.commit("name", lambda: {"name": t.strip()}))
        self.colour.clicked.connect(self._pick_colour)
        self.earlier.clicked.connect(lambda: self._move(-1))
        self.later.clicked.connect(lambda: self._move(+1))
        self.delete.clicked.connect(self._delete)
        self.retranslate()

    def _move(self, delta: int) -> None:
        if self.band_id is not None:
            band_dialogs.move_band(self.session, self.axis, self.band_id, delta)

    def _delete(self) -> None:
        if self.band_id is not None:
            band_dialogs.delete_band(self.session, self.axis, self.band_id, parent=self)

    def _band(self) -> Lane | Phase | None:
        return None if self.band_id is None else self.axis.find(self.session.diagram,
                                                                self.band_id)

    def command(self, changes: dict[str, Any]) -> SetLanes | SetPhases:
        new = [b.model_copy(update=changes) if b.id == self.band_id else b
               for b in self.axis.items(self.session.diagram)]
        return self.axis.replace(new, words(self.axis).rename)

    def _pick_colour(self) -> None:
        band = self._band()
        if band is None or self.band_id is None:
            return
        colour = band_dialogs.choose_colour(self, getattr(band, "color", None))
        if colour is not None:
            band_dialogs.recolour_lane(self.session, self.band_id, colour)

    def show_band(self, axis: Axis, band_id: str) -> None:
        """Show the fields of lane or phase `band_id`."""
        if (axis, band_id) != (self.axis, self.band_id):
            self.clear_errors()
        self.axis, self.band_id = axis, band_id
        self.retranslate()

    def exists(self) -> bool:
        return self._band() is not None

    def refresh(self) -> None:
        band = self._band()
        if band is None:
            return
        axis = self.axis
        count = len(axis.holding(self.session.diagram, band.id))
        self.heading.setText(words(axis).heading.replace("%1", band.title))
        self.id_label.setText(band.id)
        self.name.show_value(band.name)
        self.nodes_label.setText(str(count))
        self.colour.setVisible(axis.coloured)
        self._labels["color"].setVisible(axis.coloured)
        if isinstance(band, Lane):  # axis.coloured
            self.colour.setIcon(colour_icon(band.color))
            self.colour.setText(band.color or self.tr("Theme colour"))
        ids = [b.id for b in axis.items(self.session.diagram)]
        self.earlier.setEnabled(ids.index(band.id) > 0)
        self.later.setEnabled(ids.index(band.id) < len(ids) - 1)
        self.delete.setEnabled(not axis.required or len(ids) > 1)

    def retranslate(self) -> None:
        said = words(self.axis)
        self.set_label("id", self.tr("Id"))
        self.set_label("name", self.tr("Name"))
        self.set_label("color", self.tr("Colour"))
        self.set_label("count", self.tr("Nodes"))
        self.earlier.setText(said.earlier)
        self.later.setText(said.later)
        self.delete.setText(said.delete_button)
        self.refresh()
