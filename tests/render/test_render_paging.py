"""Cutting a diagram into pages: never under 7 pt text, fewest pages, headers repeated, a
small overlap at every cut, and `pages_wide` as draw.io's "fit to N pages wide"."""

import pytest

from app.render import paging

A4_LANDSCAPE = (1032.0, 637.0)  # diagram room of an A4 landscape page, pixels at 96 dpi
HEADERS = (156.0, 60.0)  # lane header column, phase header row (picture units)


def covered(pieces, length):
    """Every point of [0, length] lies in some piece; neighbours overlap by OVERLAP."""
    end = 0.0
    for start, size in pieces:
        assert start <= end + 1e-6
        end = max(end, start + size)
    return end >= length - 1e-6


def test_a_small_diagram_is_one_page_at_most_at_100_percent():
    plan = paging.plan((600.0, 400.0), A4_LANDSCAPE, HEADERS)
    assert plan.count == 1 and plan.scale == paging.MAX_SCALE
    tile = plan.tiles[0]
    assert (tile.x, tile.y, tile.w, tile.h) == (0.0, 0.0, 600.0, 400.0)


def test_a_picture_that_fits_readably_shrinks_onto_one_page():
    plan = paging.plan((1080.0, 500.0), A4_LANDSCAPE, HEADERS)
    assert plan.count == 1
    assert plan.scale == pytest.approx(1032.0 / 1080.0, rel=1e-3)
    assert paging.min_text_pt(plan.scale) >= paging.MIN_TEXT_PT


@pytest.mark.parametrize("width", [2500.0, 4212.0, 9000.0])
def test_a_wide_diagram_is_split_never_under_7_pt(width):
    plan = paging.plan((width, 600.0), A4_LANDSCAPE, HEADERS)
    assert plan.count > 1 and plan.rows == 1
    assert paging.min_text_pt(plan.scale) >= paging.MIN_TEXT_PT - 1e-9
    pieces = [(t.x, t.w) for t in plan.tiles]
    assert covered(pieces, width)
    for before, after in zip(plan.tiles, plan.tiles[1:], strict=False):
        assert before.x + before.w - after.x == pytest.approx(paging.OVERLAP)
        assert after.repeat_lanes and not before.repeat_phases
    # a later page holds its part beside the repeated lane headers, within the page
    for tile in plan.tiles[1:]:
        assert (HEADERS[0] + tile.w) * plan.scale <= A4_LANDSCAPE[0] + 0.5
    # the fewest pages readable, at the largest scale that needs no more
    assert paging.plan_at(paging.MIN_SCALE, (width, 600.0), A4_LANDSCAPE, HEADERS).count \
        == plan.count
    assert paging.plan_at(plan.scale * 1.01, (width, 600.0), A4_LANDSCAPE,
                          HEADERS).count > plan.count or plan.scale == paging.MAX_SCALE


def test_a_tall_diagram_gets_rows_with_the_phase_headers_repeated():
    plan = paging.plan((900.0, 2000.0), A4_LANDSCAPE, HEADERS)
    assert plan.rows > 1
    later = [t for t in plan.tiles if t.row > 0]
    assert later and all(t.repeat_phases for t in later)
    assert covered(sorted({(t.y, t.h) for t in plan.tiles}), 2000.0)


def test_pages_wide_spreads_over_that_many_pages_across():
    plan = paging.plan((4212.0, 600.0), (1497.0, 900.0), HEADERS, pages_wide=4)
    assert plan.columns == 4
    plan = paging.plan((2000.0, 600.0), A4_LANDSCAPE, HEADERS, pages_wide=2)
    assert plan.columns == 2 and plan.count == 2


def test_pages_wide_never_makes_text_unreadable():
    plan = paging.plan((4212.0, 600.0), A4_LANDSCAPE, HEADERS, pages_wide=1)
    assert plan.scale == paging.MIN_SCALE
    assert plan.columns > 1  # readable text wins over the page count asked for


def test_best_plan_takes_the_orientation_with_fewer_pages():
    rooms = {"landscape": A4_LANDSCAPE, "portrait": (703.0, 966.0)}
    key, plan = paging.best_plan((600.0, 900.0), rooms, HEADERS)
    assert key == "portrait" and plan.count == 1
    key, plan = paging.best_plan((1000.0, 500.0), rooms, HEADERS)
    assert key == "landscape" and plan.count == 1
