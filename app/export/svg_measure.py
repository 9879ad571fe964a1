"""The legibility counts (app.render.measure) of a diagram exactly as its SVG draws it."""

from __future__ import annotations

from app.analysis.messages import message_language
from app.export.facts import gather
from app.export.svg_scene import edge_pictures, node_pictures
from app.model import Diagram
from app.render.canvas_geometry import BADGE_RADIUS
from app.render.layout import layout
from app.render.measure import Counts, Drawing, DrawnEdge, DrawnLabel, measure
from app.render.rect import Rect


def drawing_of(diagram: Diagram, lang: str | None = None) -> Drawing:
    """Node boxes, edge paths, label plates (with their badges) and cut texts of the SVG."""
    lang = message_language(lang, diagram)
    facts = gather(diagram, lang)
    geometry = layout(diagram)
    edges, labels = [], []
    for picture in edge_pictures(facts, geometry):
        edges.append(DrawnEdge(picture.id, picture.source, picture.target, picture.path))
        boxes = [] if picture.plate is None else [picture.plate]
        if picture.badge is not None:
            bx, by = picture.badge
            boxes.append(Rect(bx - BADGE_RADIUS, by - BADGE_RADIUS, 2 * BADGE_RADIUS,
                              2 * BADGE_RADIUS))
        if boxes:
            x, y = min(b.x for b in boxes), min(b.y for b in boxes)
            box = Rect(x, y, max(b.right for b in boxes) - x, max(b.bottom for b in boxes) - y)
            labels.append(DrawnLabel(picture.id, box, picture.whole is not None,
                                     len(picture.text or ())))
    titles = []
    for node in node_pictures(facts, geometry):
        lines = [t for t in node.texts if t[3] == "node-label"]
        titles.append((node.id, node.whole is not None, len(lines)))
    return Drawing(dict(geometry.nodes), edges, labels, titles, geometry.bounds)


def counts_of(diagram: Diagram, lang: str | None = None) -> Counts:
    """The legibility counts of `diagram`'s SVG."""
    return measure(drawing_of(diagram, lang))
