"""The steady state of one loop: a sparse LU factorisation of (I − A) in pure Python.

A is the matrix of conversions inside one strongly connected component (A[i][j] = share of
i's people moving to j). Funnels are nearly acyclic, so with the members in topological
order of the graph without its loop-closing edges the factors stay almost as sparse as A.

I − A is a Z-matrix; it has a steady state exactly when it is a nonsingular M-matrix, which
is when elimination *without pivoting* meets only positive pivots. So factorising is also the
loop-gain test: no iteration, no guessing when to stop.
"""

from __future__ import annotations

import heapq

#: a pivot at or below this means the loop returns all of its people (gain ≥ 1)
PIVOT_EPSILON = 1e-12


class LoopSystem:
    """(I − A) of one component, factorised; `ok` is False when the loop gain is ≥ 1."""

    def __init__(self, size: int, coefficients: dict[int, dict[int, float]]):
        """`coefficients[i][j]` = conversion from local node i to local node j."""
        self.size = size
        self.lower: list[dict[int, float]] = []
        self.upper: list[dict[int, float]] = []
        self.diagonal: list[float] = []
        self.ok = self._factorise(coefficients)

    def _factorise(self, coefficients: dict[int, dict[int, float]]) -> bool:
        for i in range(self.size):
            row: dict[int, float] = {i: 1.0}
            for j, c in coefficients.get(i, {}).items():
                row[j] = row.get(j, 0.0) - c
            pending = [j for j in row if j < i]
            heapq.heapify(pending)
            lower: dict[int, float] = {}
            while pending:
                j = heapq.heappop(pending)
                value = row.pop(j)
                if value == 0.0:
                    continue
                factor = value / self.diagonal[j]
                lower[j] = factor
                for k, u in self.upper[j].items():
                    if k in row:
                        row[k] -= factor * u
                    else:
                        row[k] = -factor * u
                        if k < i:
                            heapq.heappush(pending, k)
            pivot = row.pop(i, 0.0)
            if pivot <= PIVOT_EPSILON:
                return False
            self.lower.append(lower)
            self.upper.append(row)
            self.diagonal.append(pivot)
        return True

    def solve(self, rhs: list[float]) -> list[float]:
        """x with (I − A) x = rhs: yields per person, propagated backwards."""
        work = list(rhs)
        for i in range(self.size):
            total = work[i]
            for j, factor in self.lower[i].items():
                total -= factor * work[j]
            work[i] = total
        for i in range(self.size - 1, -1, -1):
            total = work[i]
            for k, u in self.upper[i].items():
                total -= u * work[k]
            work[i] = total / self.diagonal[i]
        return work

    def solve_transposed(self, rhs: list[float]) -> list[float]:
        """x with (I − A)ᵀ x = rhs: volumes, propagated forwards."""
        work = list(rhs)
        for i in range(self.size):
            work[i] /= self.diagonal[i]
            value = work[i]
            if value:
                for k, u in self.upper[i].items():
                    work[k] -= u * value
        for i in range(self.size - 1, -1, -1):
            value = work[i]
            if value:
                for j, factor in self.lower[i].items():
                    work[j] -= factor * value
        return work


def spectral_gain(size: int, coefficients: dict[int, dict[int, float]]) -> float:
    """The gain of a loop: the spectral radius of A (for a simple cycle, the product of its rates).

    Power iteration on A + I, which is primitive for an irreducible A, so it converges even
    when the loop is periodic; only used to word a `loop-gain` message.
    """
    x = [1.0] * size
    estimate = 0.0
    for _ in range(500):
        nxt = list(x)
        for i, row in coefficients.items():
            xi = x[i]
            for j, c in row.items():
                nxt[j] += c * xi
        norm = max(nxt) or 1.0
        new_estimate = sum(nxt) / (sum(x) or 1.0)
        x = [v / norm for v in nxt]
        if abs(new_estimate - estimate) < 1e-10:
            estimate = new_estimate
            break
        estimate = new_estimate
    return max(0.0, estimate - 1.0)
