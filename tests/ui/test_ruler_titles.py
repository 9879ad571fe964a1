"""The rulers show every title whole where they can. A phase is at least as wide as its title
at 100%; a phase partly scrolled out of view keeps its title whole (sliding out with it)
instead of "Reach …"; a phase too narrow at fit takes two lines, then "…". A lane too short
at fit for its title on one line takes a smaller font and a second line before "…"
("Customer success" in aarrr, not "Customer …")."""

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


@pytest.mark.parametrize(("lang", "name"), TEMPLATES)
def test_every_phase_is_wide_enough_for_its_title_at_100(frozen, lang, name):
    geometry = layout(load_template(name, lang))
    narrow = {}
    for band in geometry.phases:
        font, lines, _ = frozen.phase_title(band.title, (band.rect.x, band.rect.right),
                                            (band.rect.x, band.rect.right), 26)
        if lines != [band.title] or font.pixelSize() != frozen.font.pixelSize():
            narrow[band.title] = (round(band.rect.w), lines)
    assert narrow == {}


def test_a_phase_partly_in_view_keeps_its_title_whole(frozen):
    title = "触达与教育"
    need = frozen.metrics.horizontalAdvance(title)
    # the phase runs from x=800 to 1068; the view ends at 840 (40 px of it shown)
    font, lines, rect = frozen.phase_title(title, (800, 840), (800, 1068), 26)
    assert lines == [title] and font.pixelSize() == frozen.font.pixelSize()
    assert rect.left() == pytest.approx(806) and rect.width() == pytest.approx(need)
    # scrolled the other way: the phase's start is hidden, its title ends at the shown end
    font, lines, rect = frozen.phase_title(title, (0, 40), (-228, 40), 26)
    assert lines == [title] and rect.right() == pytest.approx(34)


def test_a_narrow_phase_wraps_to_two_lines_then_elides(frozen):
    # at fit "Reach & educate" has about 60 px: two lines at the smallest font
    font, lines, rect = frozen.phase_title("Reach & educate", (100, 160), (100, 160), 26)
    assert lines == ["Reach &", "educate"]
    assert font.pixelSize() < frozen.font.pixelSize() and rect.width() == pytest.approx(48)
    # a ruler too low for two lines: elided as before
    _, lines, _ = frozen.phase_title("Reach & educate", (100, 160), (100, 160), 16)
    assert len(lines) == 1 and lines[0].endswith("…")
    # a title that fits stays at the usual font, on one line
    font, lines, _ = frozen.phase_title("Reach", (100, 160), (100, 160), 26)
    assert lines == ["Reach"] and font.pixelSize() == frozen.font.pixelSize()


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
