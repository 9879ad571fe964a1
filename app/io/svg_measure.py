"""The legibility counts (app.render.measure) of a diagram exactly as its SVG draws it."""

from __future__ import annotations

from app.io.svg_facts import gather, resolve_lang
from app.io.svg_scene import edge_pictures, node_pictures
from app.model import Diagram
from app.render.labels import edge_text
from app.render.layout import layout
from app.render.measure import Counts, DrawnEdge, DrawnLabel, Drawing, measure


def drawing_of(diagram: Diagram, lang: str | None = None) -> Drawing:
    """Node boxes, edge paths, label plates and cut texts of `diagram`'s SVG."""
    lang = resolve_lang(lang, diagram)
    facts = gather(diagram, lang)
    geometry = layout(diagram)
    edges, labels = [], []
    by_id = {edge.id: edge for edge in diagram.edges}
    for picture in edge_pictures(facts, geometry):
        edges.append(DrawnEdge(picture.id, picture.source, picture.target, picture.path))
        if picture.plate is not None:
            shown = [t for t in picture_texts(picture)]
            whole = edge_text(by_id[picture.id], lang)
            cut = any(t.endswith("…") for t in shown) and not whole.endswith("…")
            labels.append(DrawnLabel(picture.id, picture.plate, cut, len(shown)))
    titles = []
    nodes = diagram.node_index()
    for picture in node_pictures(facts, geometry):
        lines = [t[2] for t in picture.texts if t[3] == "node-label"]
        whole = nodes[picture.id].title
        cut = any(t.endswith("…") for t in lines) and not whole.endswith("…")
        titles.append((picture.id, cut, len(lines)))
    return Drawing(dict(geometry.nodes), edges, labels, titles, geometry.bounds)


def picture_texts(picture) -> list[str]:
    """The lines of an edge picture's label (one text, or several once labels wrap)."""
    text = picture.text
    if text is None:
        return []
    if isinstance(text, list):
        return [t[2] for t in text]
    return [text[2]]


def counts_of(diagram: Diagram, lang: str | None = None) -> Counts:
    """The legibility counts of `diagram`'s SVG."""
    return measure(drawing_of(diagram, lang))
