"""Drawing a route's points: corners rounded, repeated points dropped, the arrow head at the end.

Pure path geometry shared by the channel router and the drag route (`app.render.routes`).
"""

from __future__ import annotations

from app.render.shapes import Command, arrow_head

Pt = tuple[float, float]
CORNER = 6.0  # radius of a rounded corner
_RIGHT_ARROW = arrow_head((0.0, 0.0), (-10.0, 0.0))


def arrow_to(tip: Pt, before: Pt) -> tuple[Command, ...]:
    """The arrow head at `tip`; the usual one (pointing right) without trigonometry."""
    if before[1] == tip[1] and before[0] < tip[0]:
        x, y = tip
        return tuple(c if c[0] == "Z" else (c[0], c[1] + x, c[2] + y) for c in _RIGHT_ARROW)
    return tuple(arrow_head(tip, before))


def simplify(points: list[Pt]) -> list[Pt]:
    """Drop repeated points and the middle of three in a line."""
    if len(points) == 2:  # (most routes: straight across a channel)
        (ax, ay), (bx, by) = points
        if abs(ax - bx) >= 0.01 or abs(ay - by) >= 0.01:
            return points
    if not points:
        return []
    result: list[Pt] = [points[0]]
    for p in points[1:]:
        b = result[-1]
        same_x, same_y = abs(p[0] - b[0]) < 0.01, abs(p[1] - b[1]) < 0.01
        if same_x and same_y:
            continue
        if len(result) >= 2:
            a = result[-2]
            if same_x and abs(a[0] - b[0]) < 0.01 or same_y and abs(a[1] - b[1]) < 0.01:
                result[-1] = p
                continue
        result.append(p)
    return result


def rounded(points: list[Pt], radius: float = CORNER) -> list[Command]:
    """Path commands along `points` with each corner rounded (a quarter-circle curve)."""
    path: list[Command] = [("M", *points[0])]
    for i in range(1, len(points) - 1):
        (ax, ay), (bx, by), (cx, cy) = points[i - 1], points[i], points[i + 1]
        d_in, d_out = abs(bx - ax) + abs(by - ay), abs(cx - bx) + abs(cy - by)
        r = min(radius, d_in / 2, d_out / 2)
        if r <= 0.01:
            path.append(("L", bx, by))
            continue
        ux, uy = _unit(ax, ay, bx, by)
        vx, vy = _unit(bx, by, cx, cy)
        p, q = (bx - ux * r, by - uy * r), (bx + vx * r, by + vy * r)
        k = 0.4477  # 1 - kappa: control points towards the corner
        path.append(("L", *p))
        path.append(("C", p[0] + ux * r * (1 - k), p[1] + uy * r * (1 - k),
                     q[0] - vx * r * (1 - k), q[1] - vy * r * (1 - k), *q))
    path.append(("L", *points[-1]))
    return path


def _unit(ax: float, ay: float, bx: float, by: float) -> tuple[float, float]:
    length = abs(bx - ax) + abs(by - ay)
    return ((bx - ax) / length, (by - ay) / length) if length else (0.0, 0.0)
