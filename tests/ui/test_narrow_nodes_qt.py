"""Nodes as narrow as their texts (the compact layout) still hold those texts in Qt's real
fonts: no title line and no owner of a template is elided by the painter, in either language."""

import pytest

from app.io.templates import load_template, template_names
from app.render.canvas_geometry import label_width
from app.render.labels import owner_text
from app.render.layout import layout
from app.render.rect import Rect
from app.render.shapes import text_box
from app.render.sizes import small_line_width, title_lines
from app.render.theme import NODE_WIDTH

TEMPLATES = [(lang, name) for lang in ("en", "zh") for name in template_names(lang)]


@pytest.mark.parametrize(("lang", "name"), TEMPLATES)
def test_narrowed_nodes_hold_their_title_and_owner_in_the_real_font(qapp, lang, name):
    from app.ui.fonts import register_fonts
    from app.ui.paint.styles import styles

    register_fonts()
    metrics = styles().metrics
    diagram = load_template(name, lang)
    geometry = layout(diagram)
    narrowed = 0
    for node in diagram.nodes:
        box = geometry.nodes[node.id]
        kind, local = node.kind.value, Rect(0.0, 0.0, box.w, box.h)
        narrowed += box.w < NODE_WIDTH
        room = label_width(kind, local, text_box(kind, local).w)
        for line in title_lines(node)[0]:
            assert metrics["label"].horizontalAdvance(line) <= room, (node.id, line, box.w)
        owner = owner_text(node, lang)
        if box.w < NODE_WIDTH:  # (a diamond of the standard width elides a long owner)
            assert metrics["owner"].horizontalAdvance(owner) <= small_line_width(
                kind, box.w, box.h), (node.id, owner, box.w)
    assert narrowed >= 3  # the test looks at narrowed nodes, not only standard ones
