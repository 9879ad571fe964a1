"""The steady state of one loop: a sparse LU factorisation of (I − A) in pure Python.

A is the matrix of conversions inside one strongly connected component (A[i][j] = share of
i's people moving to j). The members are eliminated in minimum-degree order
(`app.analysis.ordering`), which keeps the factors nearly as sparse as A for funnel loops.

I − A is a Z-matrix; it has a steady state exactly when it is a nonsingular M-matrix, which
is when elimination *without pivoting* meets only positive pivots. So factorising is also the
loop-gain test: no iteration, no guessing when to stop.
"""

from __future__ import annotations

import heapq

from app.analysis.ordering import minimum_degree

#: a pivot at or below this means the loop returns all of its people (gain ≥ 1)
PIVOT_EPSILON = 1e-12


class LoopSystem:
    """(I − A) of one component, factorised; `ok` is False when the loop gain is ≥ 1."""

    def __init__(
        self,
        size: int,
        coefficients: dict[int, dict[int, float]],
        ordering: tuple[list[int], list[list[int]]] | None = None,
    ):
        """`coefficients[i][j]` = conversion from local node i to local node j.

        `ordering` may reuse the `order, pattern` of a system with the same (or a larger)
        set of coefficients, such as the same loop in the other scenario.
        """
        self.size = size
        # Factors are kept in elimination order: order[p] is the node at position p.
        self.order, self.pattern = ordering or minimum_degree(size, coefficients)
        self.position = [0] * size
        for p, node in enumerate(self.order):
            self.position[node] = p
        self.lower: list[dict[int, float]] = []
        self.upper: list[dict[int, float]] = []
        self.diagonal: list[float] = []
        self._inverse: SelectedInverse | None = None
        where = self.position
        self.ok = self._factorise(
            {where[i]: {where[j]: c for j, c in row.items()} for i, row in coefficients.items()}
        )

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
        work = [rhs[node] for node in self.order]
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
        return [work[p] for p in self.position]

    def solve_transposed(self, rhs: list[float]) -> list[float]:
        """x with (I − A)ᵀ x = rhs: volumes, propagated forwards."""
        work = [rhs[node] for node in self.order]
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
        return [work[p] for p in self.position]

    def inverse(self, i: int, j: int) -> float:
        """Entry (i, j) of (I − A)⁻¹ where A[j][i] is a conversion (or i == j): the expected
        visits to j per person at i. The first call computes all such entries at once."""
        if self._inverse is None:
            self._inverse = SelectedInverse(self)
        return self._inverse.entry(self.position[i], self.position[j])


class SelectedInverse:
    """The entries of (I − A)⁻¹ on the pattern of the factors, all from one factorisation.

    With I − A = L·D·U (unit triangles), Z = (I − A)⁻¹ satisfies Z = D⁻¹L⁻¹ + (I − U)·Z and
    Z = U⁻¹D⁻¹ + Z·(I − L) (Takahashi). Going from the last position to the first, the
    entries of Z on the (symmetric, closed) pattern need only entries already found there,
    so the cost is that of the factorisation, not one solve per node.
    """

    def __init__(self, system: LoopSystem):
        size = system.size
        columns: list[dict[int, float]] = [{} for _ in range(size)]
        for i, row in enumerate(system.lower):
            for j, factor in row.items():
                columns[j][i] = factor
        #: Z[i][k] for k > i, Z[k][i] for k > i (as `below[i][k]`), and Z[i][i]
        self.above: list[dict[int, float]] = [{} for _ in range(size)]
        self.below: list[dict[int, float]] = [{} for _ in range(size)]
        self.diagonal = [0.0] * size
        above, below, diagonal = self.above, self.below, self.diagonal
        for i in range(size - 1, -1, -1):
            pivot = system.diagonal[i]
            right = [(k, u / pivot) for k, u in system.upper[i].items()]
            down = list(columns[i].items())
            row_i, column_i = above[i], below[i]
            for j in system.pattern[i]:
                total = 0.0
                for k, u in right:  # Z[i][j] = −Σ U[i][k]·Z[k][j]
                    total += u * (diagonal[k] if k == j else
                                  above[k][j] if k < j else below[j][k])
                row_i[j] = -total
                total = 0.0
                for k, factor in down:  # Z[j][i] = −Σ Z[j][k]·L[k][i]
                    total += factor * (diagonal[k] if k == j else
                                       below[k][j] if k < j else above[j][k])
                column_i[j] = -total
            total = 1.0 / pivot
            for k, u in right:
                total -= u * column_i[k]
            diagonal[i] = total

    def entry(self, i: int, j: int) -> float:
        """Z[i][j] for positions i, j joined in the pattern (or equal)."""
        if i == j:
            return self.diagonal[i]
        return self.above[i][j] if i < j else self.below[j][i]


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
