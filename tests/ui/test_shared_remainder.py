"""A second outgoing edge without a conversion shares the remainder: the canvas and the
inspector say so ("≈50% (shared)"), never silently."""

from __future__ import annotations

from app.model import Diagram, Edge
from app.model.commands import AddItems
from app.render.labels import edge_text, shared_rate
from app.ui.canvas.scene import DiagramScene
from app.ui.panels.edge_form import EdgeForm
from app.ui.session import Session

DIAGRAM = {
    "funnelflow": 1, "lanes": [{"id": "m"}],
    "nodes": [{"id": "ads", "kind": "entry", "lane": "m", "volume": 640},
              {"id": "deal", "kind": "goal", "lane": "m"},
              {"id": "other", "kind": "goal", "lane": "m"}],
    "edges": [{"from": "ads", "to": "deal"}],
}


def test_shared_rate_is_what_the_siblings_leave():
    d = Diagram.model_validate(DIAGRAM)
    assert shared_rate(d.edges, d.edges[0]) is None  # alone it passes everyone: nothing shared
    two = d.evolve(edges=d.edges + (Edge(source="ads", target="other"),))
    assert shared_rate(two.edges, two.edges[0]) == 0.5
    measured = two.evolve(edges=(two.edges[0], Edge.model_validate(
        {"from": "ads", "to": "other", "conversion": "20%"})))
    assert shared_rate(measured.edges, measured.edges[0]) == 0.8
    assert edge_text(two.edges[0], "en", 0.5) == "≈50% (shared)"
    assert edge_text(two.edges[0], "zh", 0.5) == "≈50%（均分）"


def test_a_new_sibling_edge_shows_shared_on_the_canvas_and_in_the_inspector(qtbot, fonts):
    session = Session(Diagram.model_validate(DIAGRAM))
    scene = DiagramScene(session, "en")
    assert scene.edges["ads->deal"].look.text == ""
    session.execute(AddItems(edges=(Edge(source="ads", target="other"),)))
    assert scene.edges["ads->deal"].look.text == "≈50% (shared)"
    assert scene.edges["ads->other"].look.text == "≈50% (shared)"
    form = EdgeForm(session)
    qtbot.addWidget(form)
    form.show_edge("ads", "deal")
    assert not form.shared_note.isHidden()
    assert "2 connections" in form.shared_note.text() and "≈50%" in form.shared_note.text()
    session.undo_stack.undo()
    assert scene.edges["ads->deal"].look.text == ""
    form.show_edge("ads", "deal")
    assert form.shared_note.isHidden()


def test_exports_say_shared_too():
    from app.export.mermaid_export import render_mermaid
    from app.export.svg_export import render_svg

    two = Diagram.model_validate({**DIAGRAM, "edges": [{"from": "ads", "to": "deal"},
                                                        {"from": "ads", "to": "other"}]})
    assert render_svg(two, lang="en").count("≈50% (shared)") == 2
    assert render_mermaid(two, lang="zh").count("≈50%（均分）") == 2
    one = Diagram.model_validate(DIAGRAM)
    assert "shared" not in render_svg(one, lang="en")


def test_a_shared_rate_keeps_its_word_on_its_line():
    """"≈50% (shared)" is one phrase: drawn on one line (its plate a little wider than the
    92 px other labels wrap at), never "≈50%" over "(shared)"; a label before it still wraps."""
    from app.render import theme
    from app.render.sizes import label_lines, plate_size

    assert label_lines("≈50% (shared)") == (("≈50% (shared)",), False)
    assert label_lines("≈16.67% (shared)") == (("≈16.67% (shared)",), False)
    assert label_lines("Signup ≈50% (shared)") == (("Signup", "≈50% (shared)"), False)
    assert label_lines("Free trial 3.2% / 5%") == (("Free trial", "3.2% / 5%"), False)
    width, _ = plate_size(label_lines("≈16.67% (shared)")[0])
    # still fits the gap between two columns
    assert theme.EDGE_LABEL_MAX_WIDTH < width < theme.COLUMN_WIDTH - theme.NODE_WIDTH
