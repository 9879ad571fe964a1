"""A node shows its owner line whole ("Marketing manager", not "Marketing ma…" in a diamond;
"Payments product owner", not "Payments product ow…" in an exit): it grows for it as nodes do
for their titles, up to NODE_WIDE."""

import pytest

from app.io.templates import load_template, template_names
from app.render import theme
from app.render.layout import layout
from app.render.sizes import NODE_WIDE, node_size, safe_width, small_line_width

TEMPLATES = [(lang, name) for lang in ("en", "zh") for name in template_names(lang)]


def _owner_fits(kind: str, owner: str, w: float, h: float) -> bool:
    return safe_width(owner, theme.FONT_SMALL_PX) <= small_line_width(kind, w, h)


@pytest.mark.parametrize(("lang", "name"), TEMPLATES)
def test_every_owner_shows_whole_within_the_width_limit(lang, name):
    diagram = load_template(name, lang)
    geometry = layout(diagram)
    cut = {}
    for node in diagram.nodes:
        if not node.owner:
            continue
        rect = geometry.nodes[node.id]
        assert rect.w >= node_size(node)[0]
        if not _owner_fits(node.kind.value, node.owner, rect.w, rect.h) and rect.w < NODE_WIDE:
            cut[node.id] = (node.owner, rect.w)
    assert cut == {}


@pytest.mark.parametrize(("owner", "width"), [
    ("Marketing manager", 212.0), ("Growth manager", 188.0), ("Sales manager", 164.0),
    ("市场经理", 164.0)])
def test_a_diamond_grows_for_a_long_owner_only(owner, width):
    from app.model import NodeKind

    decision = next(n for n in load_template("full-funnel", "en").nodes
                    if n.kind is NodeKind.decision)  # "Purchase decision"
    node = decision.model_copy(update={"owner": owner})
    w, h = node_size(node)
    assert w == width
    assert _owner_fits("decision", owner, w, h)
    # a step keeps its own width: it had room for the owner already
    step = node.model_copy(update={"kind": NodeKind.step})
    assert node_size(step)[0] <= theme.NODE_WIDTH
