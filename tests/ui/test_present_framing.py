"""Presentation on a real projector: B centres and frames the top bottleneck, and nothing is
clipped at 1024x768 or 1920x1080 (lane titles, the side panel's words; the side column
scrolls when it holds more than the window's height)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea

from app.analysis import analyze
from app.io.templates import load_template
from app.ui.canvas.scene import DiagramScene
from app.ui.paint.wrap import wrap
from app.ui.present.presentation import PresentationController
from app.ui.session import Session

SIZES = [QSize(1024, 768), QSize(1920, 1080)]
CASES = [(lang, name) for lang in ("en", "zh")
         for name in ("full-funnel", "lifecycle", "online-course")]


@pytest.fixture
def present(qtbot, fonts):
    made = []

    def start(name: str, lang: str, size: QSize):
        session = Session(load_template(name, lang))
        scene = DiagramScene(session, lang)
        scene.set_report(analyze(session.diagram, lang))
        controller = PresentationController(scene, session, None, lang)
        window = controller.enter(full_screen=False, size=size)
        qtbot.waitExposed(window)
        made.append((controller, scene))
        return controller, window

    yield start
    for controller, _ in made:
        controller.leave()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
@pytest.mark.parametrize(("lang", "name"), CASES)
def test_b_centres_and_frames_the_bottleneck(present, lang, name, size):
    controller, window = present(name, lang, size)
    controller.set_step(1)
    controller.show_bottleneck()
    view, scene = window.view, controller.scene
    source, _, target = controller.bottleneck.partition("->")
    room = QRectF(view.viewport().rect()).adjusted(*view.frozen.reserved(), 0, 0)
    framed = QRectF()
    for node_id in (source, target):
        box = view.mapFromScene(scene.item_rect(node_id)).boundingRect()
        assert room.contains(QRectF(box)), (node_id, box, room)  # whole, beside the strips
        framed = framed.united(QRectF(box))
    centre = framed.center()
    assert abs(centre.x() - room.center().x()) < room.width() * 0.15
    assert abs(centre.y() - room.center().y()) < room.height() * 0.15
    # framed: the pair fills a good part of the room, not a speck in the middle
    assert framed.width() > room.width() * 0.4 or framed.height() > room.height() * 0.4
    assert scene.selected_ids() == ([], [controller.bottleneck])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
@pytest.mark.parametrize(("lang", "name"), CASES)
def test_nothing_is_clipped(present, lang, name, size):
    controller, window = present(name, lang, size)
    for step in (1, 3):
        controller.set_step(step)
        controller.step_node(1)  # the spotlight and what-if panels filled in
        for _ in range(3):  # the layouts settle as they would between two key presses
            QApplication.processEvents()
        view = window.view
        frozen = view.frozen
        strip = frozen.lane_strip()
        assert strip is not None
        for band in controller.scene.layout.lanes:  # every lane title whole in the strip
            y0 = view.mapFromScene(QPointF(0, band.rect.y)).y()
            y1 = view.mapFromScene(QPointF(0, band.rect.bottom)).y()
            top = frozen.phase_strip().height() if frozen.phase_strip() else 0
            span = min(y1, strip.bottom()) - max(y0, top) - 4
            if y1 < top or y0 > strip.bottom():
                continue
            step_px = frozen.font.pixelSize() * 1.25
            lines = wrap(band.title, frozen.metrics, strip.width() - 14, max(1, int(span
                                                                                  // step_px)))
            assert not lines[-1].endswith("…"), (band.title, lines)
        for label in window.findChildren(QLabel):
            if not label.isVisible() or not label.text():
                continue
            rect = label.rect()
            need = (label.heightForWidth(rect.width()) if label.wordWrap()
                    else label.sizeHint().height())
            assert rect.height() >= need - 1, (label.text(), rect.height(), need)
            if not label.wordWrap():
                assert rect.width() >= label.sizeHint().width() - 1, label.text()
            # in the window, or in the side column, which scrolls rather than cut a word
            scroller = window.findChild(QScrollArea, "side")
            inside = scroller.widget().isAncestorOf(label)
            holder = scroller.widget() if inside else window
            corner = label.mapTo(holder, rect.bottomRight())
            assert holder.rect().contains(corner), label.text()
        # the column scrolls down, never sideways: its words are all within its width
        scroller = window.findChild(QScrollArea, "side")
        assert scroller.widget().width() <= scroller.viewport().width()
        assert scroller.widget().minimumSizeHint().width() <= scroller.viewport().width()
        # Apply and Reset in sight, not below the fold of the scrolling column
        for button in (window.whatif.apply_button, window.whatif.reset_button):
            assert button.isVisible() and button.visibleRegion().boundingRect() == button.rect()
            box = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
            assert window.rect().contains(box), (button.text(), box)
