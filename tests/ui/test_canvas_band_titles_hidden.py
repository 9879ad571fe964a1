"""In the designer the rulers show the lane and phase titles: the scene's own headers draw no
title (its bottom pixels used to peek out under the phase ruler, "线索获取" cut at the top),
while a render without a view (export, print) still draws them."""

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from app.io.templates import load_template
from app.ui.paint.styles import text_draws


def _view(qtbot, diagram):
    from app.ui.canvas.scene import DiagramScene
    from app.ui.canvas.view import DiagramView
    from app.ui.session import Session

    scene = DiagramScene(Session(diagram))
    view = DiagramView(scene)
    qtbot.addWidget(view)
    view.resize(880, 780)
    view.show()
    qtbot.waitExposed(view)
    return view


def _band_titles_when(paint) -> int:
    text_draws["band"] = 0
    paint()
    return text_draws["band"]


def test_the_designer_draws_no_header_titles_beside_its_rulers(qtbot):
    view = _view(qtbot, load_template("lead-nurture", "zh"))
    view.zoom_reset()
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().minimum())
    view.verticalScrollBar().setValue(view.verticalScrollBar().minimum())
    assert view.rulers.sizes() == (view.frozen.lane_width, view.frozen.phase_height)
    # the scene's own phase header lies (partly) in view at the top: the bug's situation
    top = view.mapFromScene(0, view.scene().layout.phases[0].header.bottom).y()
    assert top >= 0
    assert _band_titles_when(lambda: view.viewport().grab()) == 0
    # without the rulers (turned off) the headers draw their titles again
    view.frozen.enabled = False
    view.rulers.place()
    assert _band_titles_when(lambda: view.viewport().grab()) > 0


def test_a_render_without_a_view_draws_the_header_titles(qtbot):
    view = _view(qtbot, load_template("lead-nurture", "zh"))
    scene = view.scene()
    image = QImage(800, 400, QImage.Format.Format_ARGB32)
    painter = QPainter(image)

    area = QRectF(0, 0, 800, 400)  # at 100%: the first lanes' and phases' headers

    def render():
        scene.render(painter, area, area)

    count = _band_titles_when(render)
    painter.end()
    layout = scene.layout
    expected = sum(1 for band in (*layout.lanes, *layout.phases)
                   if QRectF(band.header.x, band.header.y, band.header.w,
                             band.header.h).intersects(area))
    assert expected >= 3 and count >= expected
