"""At fit, node titles drawn large (semantic zoom) stay inside what the view can show (not
cut at the diagram's left or right edge), cover no neighbouring title, and keep a hyphenated
word whole ("Lead / sign-up", not "Lead / sign- / up") when a little smaller size allows."""

import pytest
from PySide6.QtCore import QRectF

from app.io.templates import load_template, template_names
from app.ui.canvas import semantic

TEMPLATES = [(lang, name) for lang in ("en", "zh") for name in template_names(lang)]


def _blocks(view):
    """Per node: its title's lines and block in scene coordinates, as painted at fit."""
    scene, zoom = view.scene(), view.zoom()
    out = {}
    for node_id, item in scene.nodes.items():
        px, lines, block = semantic.place_title(item.look.size, item.node.title, zoom,
                                                scene.title_room(node_id))
        block = block.translated(item.pos())
        step = semantic.line_height(px)
        words = [QRectF(block.center().x() - advance / 2, block.top() + i * step, advance,
                        step) for i, (_, advance) in enumerate(lines)]
        out[node_id] = ([line for line, _ in lines], block, words)
    return out


@pytest.mark.parametrize(("lang", "name"), TEMPLATES)
def test_fit_titles_stay_inside_the_view_and_apart(fit_view, lang, name):
    view = fit_view(load_template(name, lang))
    assert semantic.active(view.zoom())
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    b = view.scene().layout.bounds
    blocks = _blocks(view)
    outside = {n: (round(r.left()), round(r.right()), round(r.top()), round(r.bottom()))
               for n, (_, r, _) in blocks.items()
               if r.left() < max(shown.left(), view.sceneRect().left()) - 0.5
               or r.right() > min(shown.right(), b.right) + 0.5
               or r.top() < max(shown.top(), view.sceneRect().top()) - 0.5
               or r.bottom() > min(shown.bottom(), b.bottom) + 0.5}
    assert outside == {}, (round(shown.left()), round(shown.right()))
    ids = sorted(blocks)
    # no line of a title on a line of another one (their blocks' corners may meet diagonally)
    overlapping = [(a, c) for i, a in enumerate(ids) for c in ids[i + 1:]
                   if any(x.intersects(y) for x in blocks[a][2] for y in blocks[c][2])]
    assert overlapping == []


def test_the_full_funnel_edge_titles_show_whole(fit_view):
    view = fit_view(load_template("full-funnel", "en"))
    blocks = _blocks(view)
    titles = {view.scene().nodes[n].node.title: lines for n, (lines, _, _) in blocks.items()}
    # first column at the left edge, last one at the top right: whole, not cut or elided
    assert " ".join(titles["Social media"]) == "Social media"
    assert " ".join(titles["Referral program"]) == "Referral program"
    assert titles["Lead sign-up"] == ["Lead", "sign-up"]


def test_a_hyphenated_word_stays_whole_before_the_least_size(qtbot):
    semantic._font(10)  # (fonts need the QApplication qtbot brings)
    zoom = 0.216
    # room for "Lead" / "sign-up" at the least size, not at the usual one
    least = round(semantic.MIN_TITLE_PX / zoom)
    room = semantic._widest_word("Lead sign-up", least, False) + semantic.GAP_PX / zoom + 2
    px, lines = semantic.title_block("Lead sign-up", zoom, (room, semantic.FAR))
    assert [line for line, _ in lines] == ["Lead", "sign-up"]
    assert px * zoom >= semantic.MIN_TITLE_PX - 0.5
    # too narrow even at the least size: the break after the hyphen is still allowed
    px, lines = semantic.title_block("Lead sign-up", zoom, (room * 0.6, semantic.FAR))
    assert [line for line, _ in lines] == ["Lead", "sign-", "up"]


def test_a_title_wider_than_a_diamonds_middle_gets_a_plate():
    """In a diamond the outline slopes through a title wider than its middle 60%."""
    assert semantic.needs_plate("decision", (164.0, 80.0), 120.0, 20.0, 0.0)
    assert not semantic.needs_plate("decision", (164.0, 80.0), 90.0, 20.0, 0.0)
    assert not semantic.needs_plate("step", (164.0, 80.0), 120.0, 20.0, 0.0)
    assert semantic.needs_plate("step", (164.0, 80.0), 170.0, 20.0, 0.0)
