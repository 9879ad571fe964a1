"""The one place that draws a diagram with QPainter: canvas items and PNG/PDF exports alike.

Drawing is split in two. A *look* (`node_look`, `edge_look`) is everything one item draws,
worked out once when its node or edge changes: paths, pens, elided texts and their positions.
`paint_node` / `paint_edge` / `paint_band` then only replay it, so a repaint allocates nothing
and the canvas and an export, which call the same functions, cannot draw differently.
Below a readable text size (theme.MIN_READABLE_PX on screen) text and decorations are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QIcon,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)

from app.model import Diagram, Edge, Node
from app.render import theme
from app.render.canvas_geometry import (
    BADGE_RADIUS,
    HANDLE_RADIUS,
    MARK_RADIUS,
    connect_handle,
    label_pill,
    label_width,
    severity_marker_center,
    status_mark_center,
)
from app.render.labels import edge_text, elide, owner_text
from app.render.layout import Band, Layout, Rect, layout
from app.render.shapes import (
    EdgeGeometry,
    edge_geometry,
    node_outline,
    split_cubic,
    status_mark,
    text_box,
)

#: counts of texts drawn, per kind; tests read it to check the level of detail
text_draws = {"node": 0, "edge": 0, "band": 0}

_SEVERITY_GLYPH = {"error": "×", "warning": "!", "info": "i"}
_LABEL_GAP = 3.0
_FONT_PX = {"label": theme.FONT_LABEL_PX, "owner": theme.FONT_SMALL_PX,
            "no-owner": theme.FONT_SMALL_PX, "volume": theme.FONT_SMALL_PX,
            "edge": theme.FONT_EDGE_PX, "header": theme.FONT_HEADER_PX, "mark": 9.5}


# -- paths, fonts, pens: made once ------------------------------------------------------------
def append_commands(path: QPainterPath, commands) -> QPainterPath:
    """Add app/render path commands (M, L, C, Z) to `path`; the one translation to Qt."""
    for command in commands:
        op = command[0]
        if op == "M":
            path.moveTo(command[1], command[2])
        elif op == "L":
            path.lineTo(command[1], command[2])
        elif op == "C":
            path.cubicTo(*command[1:7])
        elif op == "Z":
            path.closeSubpath()
    return path


def _build_path(commands) -> QPainterPath:
    return append_commands(QPainterPath(), commands)


@lru_cache(maxsize=4096)
def _cached_path(commands: tuple) -> QPainterPath:
    return _build_path(commands)


def path_from_commands(commands) -> QPainterPath:
    """A QPainterPath from app.render.shapes path commands (cached: shapes repeat a lot)."""
    return _cached_path(tuple(commands))


class Styles:
    """Fonts, metrics, pens and brushes, made once (they need a QGuiApplication)."""

    def __init__(self) -> None:
        from app.ui.fonts import ui_families

        def font(key: str, bold: bool = False, italic: bool = False) -> QFont:
            f = QFont()
            f.setFamilies(ui_families())
            f.setStyleHint(QFont.StyleHint.SansSerif)
            f.setPixelSize(round(_FONT_PX[key]))
            f.setBold(bold)
            f.setItalic(italic)
            return f

        self.fonts = {
            "label": font("label", bold=True),
            "owner": font("owner"),
            "no-owner": font("no-owner", italic=True),
            "volume": font("volume"),
            "edge": font("edge"),
            "header": font("header", bold=True),
            "mark": font("mark", bold=True),
        }
        self.metrics = {key: QFontMetricsF(f) for key, f in self.fonts.items()}
        ink, muted = QColor(theme.INK), QColor(theme.MUTED_INK)
        self.text_pens = {"label": QPen(ink), "owner": QPen(muted), "volume": QPen(muted),
                          "no-owner": QPen(QColor(theme.tint(theme.MUTED_INK, 0.25))),
                          "edge": QPen(ink), "header": QPen(ink), "mark": QPen(Qt.white)}
        self.node_fill = {k: QBrush(QColor(c)) for k, c in theme.NODE_FILL.items()}
        self.node_pen = {k: _pen(c, 1.6) for k, c in theme.NODE_BORDER.items()}
        self.status_brush = {k: QBrush(QColor(c)) for k, c in theme.STATUS_COLOR.items()}
        self.severity_brush = {k: QBrush(QColor(c)) for k, c in theme.SEVERITY_COLOR.items()}
        # The conversion reads in its status colour; unmeasured stays plain ink.
        self.edge_text_pens = {k: QPen(QColor(theme.INK if k == "unmeasured" else c))
                               for k, c in theme.EDGE_COLOR.items()}
        self.edge_brush = {k: QBrush(QColor(c)) for k, c in theme.EDGE_COLOR.items()}
        self.selection_pen = _pen(theme.SELECTION, 3.0)
        self.selection_brush = QBrush(QColor(theme.SELECTION))
        self.white = QBrush(QColor(theme.CANVAS))
        self.pill_pen = {k: _pen(theme.tint(c, 0.45), 1.0) for k, c in theme.EDGE_COLOR.items()}
        self.grid_pen = _pen(theme.GRID_INK, 1.0)
        self.header_fill = QBrush(QColor(theme.HEADER_FILL))
        self.handle_pen = _pen(theme.INK, 1.2)
        self.no_pen = QPen(Qt.NoPen)
        marks = {}
        for status in theme.STATUS_COLOR:
            commands, glyph = status_mark(status, 0.0, 0.0, MARK_RADIUS)
            marks[status] = (path_from_commands(commands), glyph)
        self.marks = marks  # centred on 0,0; painted translated
        square = QPainterPath()
        square.addRoundedRect(QRectF(-MARK_RADIUS, -MARK_RADIUS, 2 * MARK_RADIUS,
                                     2 * MARK_RADIUS), 2.5, 2.5)
        self.severity_shape = square  # a rounded square: never confused with a status mark
        badge = QPainterPath()
        badge.addEllipse(QPointF(0, 0), BADGE_RADIUS, BADGE_RADIUS)
        self.badge_shape = badge


def _pen(color: str, width: float, dash: tuple[float, ...] | None = None) -> QPen:
    pen = QPen(QColor(color), width)
    pen.setJoinStyle(Qt.RoundJoin)
    pen.setCapStyle(Qt.RoundCap)
    if dash:
        pen.setDashPattern([d / width for d in dash])  # Qt dashes are in pen widths
    return pen


_styles: Styles | None = None


def styles() -> Styles:
    """The shared Styles (created on first use, under a running QGuiApplication)."""
    global _styles
    if _styles is None:
        _styles = Styles()
    return _styles


_MEASURED_CHARS = 2000


def _fit(text: str, width: float, key: str) -> tuple[str, float]:
    """`text` elided like the SVG writer does, then cut further if the real font is wider."""
    text = text[:_MEASURED_CHARS]  # more never fits: measuring a huge label costs (issue 17)
    text = elide(text, width, _FONT_PX[key])
    metrics = styles().metrics[key]
    advance = metrics.horizontalAdvance(text)
    if advance > width:
        text = metrics.elidedText(text, Qt.ElideRight, width)
        advance = metrics.horizontalAdvance(text)
    return text, advance


def _readable(painter: QPainter, px: float) -> bool:
    scale = painter.worldTransform().m22() or painter.worldTransform().m12()
    return abs(scale) * px >= theme.MIN_READABLE_PX


# -- nodes ------------------------------------------------------------------------------------
@dataclass(eq=False)
class NodeLook:
    """Everything one node draws, in its own coordinates (top-left corner at 0, 0)."""

    kind: str
    size: tuple[float, float]
    outlines: tuple[QPainterPath, ...]
    texts: tuple[tuple[float, float, str, str], ...]  # x, baseline, text, font key
    status: str
    severity: str | None


@lru_cache(maxsize=64)
def _outlines(kind: str, w: float, h: float) -> tuple[QPainterPath, ...]:
    return tuple(_build_path(p) for p in node_outline(kind, Rect(0.0, 0.0, w, h)))


def outline_paths(kind: str, w: float, h: float) -> tuple[QPainterPath, ...]:
    """A node kind's outline(s) in a w x h box with its top-left corner at 0, 0 (cached)."""
    return _outlines(kind, w, h)


def node_look(node: Node, size: tuple[float, float], *, status: str = "unmeasured",
              severity: str | None = None, volume: str = "", lang: str = "en") -> NodeLook:
    """Work out how `node` is drawn in a box of `size`: outline, texts, marks."""
    kind = node.kind.value
    w, h = size
    box = text_box(kind, Rect(0.0, 0.0, w, h))
    # The label keeps clear of the corner marks; the smaller lines may use the whole box.
    label_w = label_width(kind, Rect(0.0, 0.0, w, h), box.w)
    has_owner = bool(node.owner and node.owner.strip())
    lines = [(node.title, "label", label_w),
             (owner_text(node, lang), "owner" if has_owner else "no-owner", box.w)]
    if volume:
        lines.append((volume, "volume", box.w))
    metrics = styles().metrics
    total = sum(metrics[key].height() for _, key, _ in lines) + _LABEL_GAP * (len(lines) - 1)
    y = box.cy - total / 2
    texts = []
    for text, key, width in lines:
        fitted, advance = _fit(text, width, key)
        texts.append((box.cx - advance / 2, y + metrics[key].ascent(), fitted, key))
        y += metrics[key].height() + _LABEL_GAP
    return NodeLook(kind, (w, h), _outlines(kind, w, h), tuple(texts), status, severity)


def paint_node(painter: QPainter, look: NodeLook, *, selected: bool = False,
               handle: bool = False) -> None:
    """Paint a node at the painter's origin: outline, texts, status mark, severity marker."""
    s = styles()
    painter.setPen(s.node_pen[look.kind])
    painter.setBrush(s.node_fill[look.kind])
    for outline in look.outlines:
        painter.drawPath(outline)
    if selected:
        painter.setPen(s.selection_pen)
        painter.setBrush(Qt.NoBrush)
        painter.drawPath(look.outlines[0])
    if not _readable(painter, theme.FONT_LABEL_PX):
        return  # too small to read: the outline alone shows where the node is
    w, h = look.size
    rect = Rect(0.0, 0.0, w, h)
    small = _readable(painter, theme.FONT_SMALL_PX)
    for x, y, text, key in look.texts:
        if key == "label" or small:
            painter.setFont(s.fonts[key])
            painter.setPen(s.text_pens[key])
            painter.drawText(QPointF(x, y), text)
            text_draws["node"] += 1
    shape, glyph = s.marks[look.status]
    _mark(painter, status_mark_center(rect, look.kind), shape, s.status_brush[look.status],
          glyph)
    if look.severity:
        _mark(painter, severity_marker_center(rect, look.kind), s.severity_shape,
              s.severity_brush[look.severity], _SEVERITY_GLYPH[look.severity])
    if handle:
        cx, cy = connect_handle(rect)
        painter.setPen(s.handle_pen)
        painter.setBrush(s.selection_brush)
        painter.drawEllipse(QPointF(cx, cy), HANDLE_RADIUS, HANDLE_RADIUS)
        painter.setPen(QPen(Qt.white, 1.6))
        painter.drawLine(QPointF(cx - 3, cy), QPointF(cx + 3, cy))
        painter.drawLine(QPointF(cx, cy - 3), QPointF(cx, cy + 3))


def _mark(painter: QPainter, center: tuple[float, float], shape: QPainterPath,
          brush: QBrush, glyph: str) -> None:
    s = styles()
    painter.save()
    painter.translate(*center)
    painter.setPen(s.no_pen)
    painter.setBrush(brush)
    painter.drawPath(shape)
    painter.setFont(s.fonts["mark"])
    painter.setPen(s.text_pens["mark"])
    metrics = s.metrics["mark"]
    painter.drawText(QPointF(-metrics.horizontalAdvance(glyph) / 2,
                             (metrics.ascent() - metrics.descent()) / 2), glyph)
    text_draws["node"] += 1
    painter.restore()


def node_handle_margin() -> float:
    """How far a node's drawing reaches past its box (connect handle, selection stroke)."""
    return HANDLE_RADIUS + 2.0


# -- edges ------------------------------------------------------------------------------------
class EdgeLook:
    """Everything one edge draws, in scene coordinates.

    Where it goes (route, label text, bounds) is worked out at once; the Qt paths, pens and
    plate are made on first use: most edges of a big diagram are never painted up close.
    """

    def __init__(self, geometry: EdgeGeometry, status: str, width: float, handoff: bool,
                 text: str, advance: float) -> None:
        self.status, self.width, self.handoff = status, width, handoff
        self.text, self._advance, self.geometry = text, advance, geometry  # the route
        cx, cy = geometry.label_x, geometry.label_y
        self._pill = None  # the label plate as a layout Rect
        if text:
            self._pill = label_pill(cx, cy, advance, _edge_line_height() - 4)
        self._badge = None  # the handoff badge's centre
        if handoff:  # the badge sits left of the label plate, or on the curve when there is none
            self._badge = (self._pill.x - BADGE_RADIUS - 2, cy) if self._pill else (cx, cy)
        # The curve lies inside the hull of its control points: bounds without a QPainterPath.
        xs, ys = _points(geometry.path, geometry.arrow)
        margin = width + HANDLE_RADIUS + 2
        self.bounds = QRectF(min(xs) - margin, min(ys) - margin,
                             max(xs) - min(xs) + 2 * margin, max(ys) - min(ys) + 2 * margin)
        label = self._pill
        if self._badge is not None:
            bx, by = self._badge
            disc = Rect(bx - BADGE_RADIUS, by - BADGE_RADIUS, 2 * BADGE_RADIUS, 2 * BADGE_RADIUS)
            label = disc if label is None else _union(label, disc)
        # (the label's room includes 2 px for the selection stroke)
        self.label_bounds = (None if label is None else
                             QRectF(label.x - 2, label.y - 2, label.w + 4, label.h + 4))

    @cached_property
    def curve(self) -> QPainterPath:
        return _build_path(self.geometry.path)

    @cached_property
    def pieces(self) -> tuple[tuple[QPainterPath, QRectF, QPen, QPen], ...] | None:
        """A long curve cut in pieces (path, bounds, pen, solid pen), each dashed on from
        where the one before stopped: the on-screen pieces look exactly like the whole curve,
        and a repaint strokes only those. None for a curve short enough to draw whole."""
        command = self.geometry.path[-1]
        if command[0] != "C":
            return None
        p0, (c1x, c1y, c2x, c2y, ex, ey) = self.geometry.path[0][1:3], command[1:7]
        size = max(self.bounds.width(), self.bounds.height())
        count = int(size // _PIECE)
        if count < 3:
            return None
        pen, solid = self.pen, self.solid_pen
        result, travelled = [], 0.0
        for i in range(count):
            a, b, c, d = split_cubic(p0, (c1x, c1y), (c2x, c2y), (ex, ey),
                                     i / count, (i + 1) / count)
            path = QPainterPath(QPointF(*a))
            path.cubicTo(*b, *c, *d)
            piece_pen = pen
            if self.handoff:
                piece_pen = QPen(pen)
                piece_pen.setDashOffset(travelled / pen.widthF())
            m = solid.widthF()
            bounds = path.controlPointRect().adjusted(-m, -m, m, m)
            result.append((path, bounds, piece_pen, solid))
            travelled += path.length()
        return tuple(result)

    @cached_property
    def arrow(self) -> QPainterPath:
        return _build_path(self.geometry.arrow)

    @property
    def pen(self) -> QPen:
        return _edge_pen(self.status, self.width, self.handoff)

    @property
    def solid_pen(self) -> QPen:
        """The same without dashes: drawn when too small to see them (and cheaper)."""
        return _edge_pen(self.status, self.width, False)

    @cached_property
    def pill(self) -> QRectF | None:
        p = self._pill
        return None if p is None else QRectF(p.x, p.y, p.w, p.h)

    @cached_property
    def badge(self) -> QPointF | None:
        return None if self._badge is None else QPointF(*self._badge)

    @cached_property
    def text_pos(self) -> QPointF:
        metrics = styles().metrics["edge"]
        return QPointF(self.geometry.label_x - self._advance / 2,
                       self.geometry.label_y + (metrics.ascent() - metrics.descent()) / 2)

    @cached_property
    def ends(self) -> tuple[QPointF, QPointF]:
        path = self.geometry.path
        return QPointF(*path[0][1:3]), QPointF(*path[-1][-2:])


def _points(*paths) -> tuple[list[float], list[float]]:
    xs, ys = [], []
    for path in paths:
        for command in path:
            xs.extend(command[1::2])
            ys.extend(command[2::2])
    return xs, ys


def _union(a: Rect, b: Rect) -> Rect:
    x, y = min(a.x, b.x), min(a.y, b.y)
    return Rect(x, y, max(a.right, b.right) - x, max(a.bottom, b.bottom) - y)


#: curves longer than a few of these are stroked piece by piece (see EdgeLook.pieces)
_PIECE = 400.0


@lru_cache(maxsize=1)
def _edge_line_height() -> float:
    return styles().metrics["edge"].height()


@lru_cache(maxsize=128)
def _edge_pen(status: str, width: float, handoff: bool) -> QPen:
    return _pen(theme.EDGE_COLOR[status], width, theme.HANDOFF_DASH if handoff else None)


def edge_look(edge: Edge, src: Rect, dst: Rect, *, status: str = "unmeasured",
              width: float | None = None, handoff: bool = False, lang: str = "en") -> EdgeLook:
    """Work out how `edge` is drawn between the boxes `src` and `dst`."""
    geometry = edge_geometry(src, dst)
    width = theme.EDGE_MIN_WIDTH if width is None else round(width, 1)
    text, advance = _fit(edge_text(edge, lang), theme.EDGE_LABEL_MAX_WIDTH, "edge") if (
        edge.label or edge.conversion) else ("", 0.0)
    return EdgeLook(geometry, status, width, handoff, text, advance)


def paint_edge(painter: QPainter, look: EdgeLook, *, selected: bool = False,
               exposed: QRectF | None = None) -> None:
    """Paint an edge's curve (dashed across lanes) and arrow head; end handles when selected.

    `exposed` is the part of the scene being repainted: of a long curve only the pieces
    there are stroked (the canvas passes it; exports draw everything).
    """
    s = styles()
    painter.setBrush(Qt.NoBrush)
    if selected:
        painter.setPen(s.selection_pen)
        painter.drawPath(look.curve)
    # Dashing a long curve costs more than all else on screen; too small to see, skip it.
    dashed = _readable(painter, theme.FONT_EDGE_PX)
    pieces = look.pieces if exposed is not None else None
    if pieces:
        for path, bounds, pen, solid_pen in pieces:
            if bounds.intersects(exposed):
                painter.setPen(pen if dashed else solid_pen)
                painter.drawPath(path)
    else:
        painter.setPen(look.pen if dashed else look.solid_pen)
        painter.drawPath(look.curve)
    painter.setPen(s.no_pen)
    painter.setBrush(s.edge_brush[look.status])
    painter.drawPath(look.arrow)
    if selected:
        painter.setPen(s.handle_pen)
        painter.setBrush(s.selection_brush)
        for end in look.ends:
            painter.drawEllipse(end, HANDLE_RADIUS, HANDLE_RADIUS)


def paint_edge_label(painter: QPainter, look: EdgeLook, *, selected: bool = False) -> None:
    """Paint an edge's handoff badge and its label plate; drawn above nodes so none hides it."""
    if look.label_bounds is None or not _readable(painter, theme.FONT_EDGE_PX):
        return
    s = styles()
    if look.badge is not None:
        _mark(painter, (look.badge.x(), look.badge.y()), s.badge_shape,
              s.edge_brush[look.status], "⇄")
    if look.pill is not None:
        painter.setPen(s.selection_pen if selected else s.pill_pen[look.status])
        painter.setBrush(s.white)
        painter.drawRoundedRect(look.pill, 4.0, 4.0)
        painter.setFont(s.fonts["edge"])
        painter.setPen(s.edge_text_pens[look.status])
        painter.drawText(look.text_pos, look.text)
        text_draws["edge"] += 1


# -- lanes and phases -------------------------------------------------------------------------
def paint_band(painter: QPainter, band: Band, kind: str) -> None:
    """Paint a lane (tinted band, coloured header on the left) or a phase (header, separator)."""
    s = styles()
    r, h = band.rect, band.header
    header = QRectF(h.x, h.y, h.w, h.h)
    if kind == "lanes":
        painter.fillRect(QRectF(r.x, r.y, r.w, r.h), QColor(theme.tint(band.color, 0.94)))
        painter.fillRect(header, QColor(theme.tint(band.color, 0.78)))
        painter.fillRect(QRectF(h.x, h.y, 5.0, h.h), QColor(band.color))
        painter.setPen(s.grid_pen)
        painter.drawLine(QPointF(r.x, r.bottom), QPointF(r.right, r.bottom))
        title_pen = QPen(QColor(band.color).darker(170))
        text_rect = header.adjusted(12, 8, -8, -8)
    else:
        painter.fillRect(header, s.header_fill)
        painter.setPen(s.grid_pen)
        painter.drawLine(QPointF(r.x, r.y), QPointF(r.x, r.bottom))
        painter.drawLine(QPointF(h.x, h.bottom), QPointF(h.right, h.bottom))
        title_pen = s.text_pens["header"]
        text_rect = header.adjusted(8, 2, -8, -2)
    if not _readable(painter, theme.FONT_HEADER_PX):
        return
    painter.setFont(s.fonts["header"])
    painter.setPen(title_pen)
    metrics = s.metrics["header"]
    # Long names wrap (lanes) or elide (phases) rather than run out of their header.
    if kind == "lanes":
        painter.drawText(text_rect, Qt.AlignCenter | Qt.TextWordWrap, band.title)
    else:
        title = metrics.elidedText(band.title, Qt.ElideRight, text_rect.width())
        painter.drawText(text_rect, Qt.AlignCenter, title)
    text_draws["band"] += 1


# -- the whole diagram, without a scene (exports) ---------------------------------------------
def diagram_bounds(diagram: Diagram, geometry: Layout | None = None) -> QRectF:
    """The area `paint_diagram` draws on, in scene units (size an image or a page with it)."""
    b = (geometry or layout(diagram)).bounds
    return QRectF(b.x, b.y, b.w, b.h)


def paint_diagram(painter: QPainter, diagram: Diagram, report=None, lang: str = "en", *,
                  flow_thickness: bool = False, geometry: Layout | None = None) -> None:
    """Paint the whole diagram in scene units, exactly as the canvas shows it (no selection).

    `report` is the analysis of `diagram` (computed here when None). The caller sets up the
    painter's transform (scale to the image or page) and render hints.
    """
    from app.analysis import analyze
    from app.ui.canvas.facts import FactBook

    if report is None:
        report = analyze(diagram, lang)
    geometry = geometry or layout(diagram)
    facts = FactBook(diagram, report, lang, flow_thickness)
    painter.fillRect(diagram_bounds(diagram, geometry), QColor(theme.CANVAS))
    for band in geometry.lanes:
        paint_band(painter, band, "lanes")
    for band in geometry.phases:
        paint_band(painter, band, "phases")
    nodes = diagram.node_index()
    edge_looks = []
    for edge in diagram.edges:
        src, dst = geometry.nodes[edge.source], geometry.nodes[edge.target]
        fact = facts.edge(edge)
        handoff = nodes[edge.source].lane != nodes[edge.target].lane
        edge_looks.append(edge_look(edge, src, dst, status=fact.status, width=fact.width,
                                    handoff=handoff, lang=lang))
        paint_edge(painter, edge_looks[-1])
    for node in diagram.nodes:
        rect = geometry.nodes[node.id]
        fact = facts.node(node)
        look = node_look(node, (rect.w, rect.h), status=fact.status, severity=fact.severity,
                         volume=fact.volume, lang=lang)
        painter.save()
        painter.translate(rect.x, rect.y)
        paint_node(painter, look)
        painter.restore()
    for look in edge_looks:  # labels last: the canvas keeps them above the nodes too
        paint_edge_label(painter, look)


# -- the palette ------------------------------------------------------------------------------
def kind_icon(kind: str, size: int = 32) -> QIcon:
    """An icon of a node kind's outline in its colours, for the palette."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.Antialiasing)
    margin = max(1.0, size / 16)
    # Drawn at the real node size and scaled, so each kind keeps its true proportions.
    scale = (size - 2 * margin) / theme.NODE_WIDTH
    painter.translate(margin, (size - theme.NODE_HEIGHT * scale) / 2)
    painter.scale(scale, scale)
    painter.setPen(_pen(theme.NODE_BORDER[kind], max(1.2, size / 22) / scale))
    painter.setBrush(QBrush(QColor(theme.NODE_FILL[kind])))
    for outline in _outlines(kind, theme.NODE_WIDTH, theme.NODE_HEIGHT):
        painter.drawPath(outline)
    painter.end()
    return QIcon(pixmap)
