"""Which points lie within a radius of each query point, without listing every pair.

The points are binned in a square grid of ``k`` cells per radius and sorted by cell,
row after row, so the cells of one grid row hold one run of sorted points. A query's
position inside its own cell is known to a fraction ``1/f`` of a cell; for each of
those ``f * f`` sub-positions one stencil says, row by row, which cells around the
query's cell lie wholly inside its disc (wherever in the sub-position the query is)
and which others may hold points within reach (the rim). Stencils are offsets from the
query's cell, the same for every query in a sub-position, so a query costs a few
table look-ups: the inside cells are runs of sorted points counted as runs (prefix
sums), and only the rim points are checked one by one.

The stencils are conservative (a margin of a millionth of a cell), so rounding can
only move a point from "inside" to "checked", never leave one out. Prefix sums carry
their rounding errors (compensated), and a disc or point with nothing in it sums to
exactly zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
from scipy import sparse

from .parallel import map_chunks, thread_count

#: Cells per radius: finer cells leave fewer rim points to check but make more runs, so the
#: best grows with the points per disc (measured: 4–8 for 5,000 areas over southern Canada,
#: 12–16 for 57,000, 20–30 % faster there than 8 or 24). About 4 per sqrt(points per radius²).
CELLS_PER_RADIUS = 16
MIN_CELLS_PER_RADIUS = 4
SUB_POSITIONS = 4  # per cell side
MAX_CELLS = 4_000_000
_MARGIN = 1e-6  # of a cell


@dataclass(frozen=True)
class DiscCover:
    """Points within ``radius`` of each query.

    Points sorted by cell (``order``); run ``r`` gives query ``run_query[r]`` the sorted
    points ``run_start[r]:run_stop[r]``, all inside its disc. ``pair_query``/``pair_point``
    are the rim points found within the radius.
    """

    order: np.ndarray
    run_query: np.ndarray
    run_start: np.ndarray
    run_stop: np.ndarray
    pair_query: np.ndarray
    pair_point: np.ndarray

    def sums(self, weights: np.ndarray, n_queries: int) -> np.ndarray:
        """For each query, the sum of ``weights`` (per point) over the points in its disc."""
        total, error = _prefix_sums(weights[self.order])
        inside = (total[self.run_stop] - total[self.run_start]) + (
            error[self.run_stop] - error[self.run_start]
        )
        return np.bincount(self.run_query, weights=inside, minlength=n_queries) + np.bincount(
            self.pair_query, weights=weights[self.pair_point], minlength=n_queries
        )

    def spread(self, values: np.ndarray, n_points: int) -> np.ndarray:
        """For each point, the sum of ``values`` (per query) over the queries whose disc holds it."""
        per_run = values[self.run_query]
        steps = np.bincount(self.run_start, per_run, minlength=n_points + 1) - np.bincount(
            self.run_stop, per_run, minlength=n_points + 1
        )
        total, error = _prefix_sums(steps[:-1])
        per_sorted = np.where(self._coverage > 0, total[1:] + error[1:], 0.0)
        return self._unsorted(per_sorted) + np.bincount(
            self.pair_point, weights=values[self.pair_query], minlength=n_points
        )

    def counts(self, n_points: int) -> np.ndarray:
        """For each point, the number of discs that hold it."""
        return self._unsorted(self._coverage) + np.bincount(self.pair_point, minlength=n_points)

    @cached_property
    def _coverage(self) -> np.ndarray:
        """How many runs hold each sorted point (exact integers)."""
        n = len(self.order) + 1
        steps = np.bincount(self.run_start, minlength=n) - np.bincount(self.run_stop, minlength=n)
        return np.cumsum(steps[:-1])

    def _unsorted(self, per_sorted: np.ndarray) -> np.ndarray:
        result = np.empty_like(per_sorted)
        result[self.order] = per_sorted
        return result


def _prefix_sums(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Prefix sums (0 first) and the rounding error each carries: ``total + error`` is exact
    to about one rounding of the result (TwoSum on every step, the errors summed apart)."""
    total = np.cumsum(np.concatenate([[0.0], values]))
    before, after = total[:-1], total[1:]
    added = after - before
    lost = (before - (after - added)) + (values - added)
    return total, np.concatenate([[0.0], np.cumsum(lost)])


def _stencils(k: int, f: int, width: int) -> np.ndarray:
    """Per sub-position and per grid row the disc may reach, four flat cell offsets
    from the query's cell, ``reach_low <= inside_low <= inside_high <= reach_high``:
    cells ``[inside_low, inside_high)`` lie wholly inside the disc wherever in the
    sub-position the query sits, and the rest of ``[reach_low, reach_high)`` may hold
    points within reach. Shape (f * f, rows, 4); a row out of reach is all zeros."""
    steps = np.arange(-(k + 1), k + 2)  # rows and columns of cells the disc may reach
    sub = np.arange(f)
    low, high = sub / f - _MARGIN, (sub + 1) / f + _MARGIN  # where a query may sit, in cells
    cell = steps[None, :]
    # Nearest and farthest distance (in cells) from a sub-position to each row or column of cells.
    near = np.maximum(np.maximum(cell - high[:, None], low[:, None] - cell - 1), 0)
    far = np.maximum(cell + 1 - low[:, None], high[:, None] - cell)
    # Indexed (y sub-position, x sub-position, row, column).
    inside = far[:, None, :, None] ** 2 + far[None, :, None, :] ** 2 <= k * k
    reach = near[:, None, :, None] ** 2 + near[None, :, None, :] ** 2 <= k * k
    shape = (f * f, len(steps), len(steps))
    in_low, in_high = _interval(inside.reshape(shape))
    out_low, out_high = _interval(reach.reshape(shape))
    # A row with nothing inside is rim from end to end.
    in_low, in_high = (
        np.where(in_high > in_low, in_low, out_high),
        np.where(in_high > in_low, in_high, out_high),
    )
    columns = np.stack([out_low, in_low, in_high, out_high], axis=-1) + steps[0]
    offsets = (steps * width)[None, :, None] + columns
    return np.where((out_high > out_low)[..., None], offsets, 0).astype(np.int32)


def _interval(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The true columns of each row of ``mask`` (contiguous) as [low, high); empty as [n, n)."""
    n = mask.shape[-1]
    any_ = mask.any(axis=-1)
    low = np.where(any_, np.argmax(mask, axis=-1), n)
    high = np.where(any_, n - np.argmax(mask[..., ::-1], axis=-1), n)
    return low, high


def disc_cover(points: np.ndarray, queries: np.ndarray, radius: float) -> DiscCover | None:
    """The cover of ``points`` by discs of ``radius`` around ``queries`` (both (n, 2)).

    None when the points spread over so many radii that the grid would be too large
    (then a KD-tree listing the pairs is the better tool).
    """
    xs, ys = points[:, 0], points[:, 1]
    width, height = max(np.ptp(xs), radius), max(np.ptp(ys), radius)
    per_radius_squared = len(xs) * radius * radius / (width * height)
    k = min(max(MIN_CELLS_PER_RADIUS, round(4 * np.sqrt(per_radius_squared))), CELLS_PER_RADIUS)
    k = min(k, int(np.sqrt(MAX_CELLS * radius * radius / (width * height))))
    if k < 2:
        return None
    size = radius / k
    pad = 2 * k + 2  # a query this many cells outside the points' box may still reach them
    origin = np.array([xs.min(), ys.min()]) - pad * size
    n_columns = int((xs.max() - origin[0]) // size) + pad + 1
    n_rows = int((ys.max() - origin[1]) // size) + pad + 1
    # A long thin extent (the padding alone is too big), or far more cells than points to
    # put in them: a KD-tree listing the pairs does less work.
    if n_rows * n_columns > min(2 * MAX_CELLS, 1000 * (len(xs) + len(queries))):
        return None
    column = np.floor((xs - origin[0]) / size).astype(np.int64)
    point_cell = np.floor((ys - origin[1]) / size).astype(np.int64) * n_columns + column
    # Points grouped by cell with SciPy's COO-to-CSR conversion, a counting sort
    # (indptr: where each cell starts), several times faster than an argsort.
    grouped = sparse.csr_matrix(
        (np.ones(len(xs), bool), (point_cell, np.arange(len(xs)))), shape=(n_rows * n_columns, len(xs))
    )
    order, first = grouped.indices, grouped.indptr
    # Queries whose cell is more than k+1 cells outside the points' box reach no point.
    fx, fy = (queries[:, 0] - origin[0]) / size, (queries[:, 1] - origin[1]) / size
    q_column, q_row = np.floor(fx), np.floor(fy)
    active = np.flatnonzero(
        (q_column >= k + 1) & (q_column < n_columns - k - 1) & (q_row >= k + 1) & (q_row < n_rows - k - 1)
    )
    f = SUB_POSITIONS
    q_cell = (q_row[active] * n_columns + q_column[active]).astype(np.int32)  # the grid is < 2**31 cells
    sub_x = np.clip(np.floor((fx[active] - q_column[active]) * f), 0, f - 1).astype(np.int64)
    sub_y = np.clip(np.floor((fy[active] - q_row[active]) * f), 0, f - 1).astype(np.int64)
    grid = _Grid(_stencils(k, f, n_columns), first, xs[order], ys[order], radius)
    # Queries in chunks on parallel threads (numpy releases the GIL in its array work).
    bounds = np.linspace(0, len(active), thread_count(len(active)) + 1).astype(int)
    chunks = [
        (active[a:b], q_cell[a:b], sub_y[a:b] * f + sub_x[a:b]) for a, b in zip(bounds[:-1], bounds[1:])
    ]
    parts = map_chunks(lambda chunk: grid.cover(queries, *chunk), chunks) or [(np.zeros(0, np.int64),) * 5]
    run_query, run_start, run_stop, pair_query, pair_position = (np.concatenate(c) for c in zip(*parts))
    return DiscCover(order, run_query, run_start, run_stop, pair_query, order[pair_position])


@dataclass(frozen=True)
class _Grid:
    """The stencils, and the points sorted by cell (``first[c]``: where cell ``c`` starts)."""

    stencils: np.ndarray
    first: np.ndarray
    sorted_x: np.ndarray
    sorted_y: np.ndarray
    radius: float

    def cover(self, queries: np.ndarray, index: np.ndarray, cell: np.ndarray, sub: np.ndarray) -> tuple:
        """Runs (query, start, stop) and rim pairs (query, sorted position) of queries ``index``."""
        bounds = self.first[cell[:, None, None] + self.stencils[sub]]  # (queries, rows, 4) sorted positions
        start, stop = bounds[..., 1], bounds[..., 2]
        run = stop > start
        run_query = np.broadcast_to(index[:, None], run.shape)[run]
        # The rim: [reach_low, inside_low) and [inside_high, reach_high) of every row.
        rim_start, rim_stop = (
            bounds[..., 0::2].reshape(len(index), -1),
            bounds[..., 1::2].reshape(len(index), -1),
        )
        lengths = rim_stop - rim_start
        per_query = lengths.sum(axis=1)
        lengths, rim_start = lengths.ravel(), rim_start.ravel()
        positions = np.repeat(rim_start - (np.cumsum(lengths) - lengths), lengths)
        positions += np.arange(len(positions))
        dx = self.sorted_x[positions] - np.repeat(queries[index, 0], per_query)
        dy = self.sorted_y[positions] - np.repeat(queries[index, 1], per_query)
        within = dx * dx + dy * dy <= self.radius * self.radius
        return run_query, start[run], stop[run], np.repeat(index, per_query)[within], positions[within]


__all__ = ["DiscCover", "disc_cover"]
