"""Which points lie within a radius of each query point, without listing every pair.

The points are binned in a square grid (a few cells per radius). For one query and
one grid row, the cells wholly inside the query's disc form one range: their points
are inside without a distance check, and a sum over them is a sum over cells. Only
the points in cells the circle crosses (the rim) are checked one by one. For
catchment sums this skips most pairs: at 8 cells per radius the rim holds about a
sixth of them.

Cells are classified conservatively (a margin of a millionth of a cell), so rounding
can only move a point from "inside" to "checked", never leave one out. Running sums are
kept in extended precision and a disc or cell with nothing in it sums to exactly zero.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .parallel import map_chunks, thread_count

CELLS_PER_RADIUS = 8
MAX_CELLS = 4_000_000
_MARGIN = 1e-6  # of a cell


@dataclass(frozen=True)
class DiscCover:
    """Points within ``radius`` of each query: runs of whole cells, and exact rim pairs.

    Points are sorted by cell (``order``), row by row. Run ``k`` gives query
    ``run_query[k]`` the cells ``run_low[k]..run_high[k]`` of grid row ``run_row[k]``,
    i.e. the sorted points ``run_start[k]:run_stop[k]``. ``pair_query``/``pair_point``
    are the rim points found within the radius.
    """

    shape: tuple[int, int]  # grid rows, columns
    point_cell: np.ndarray
    order: np.ndarray
    run_query: np.ndarray
    run_row: np.ndarray
    run_low: np.ndarray
    run_high: np.ndarray
    run_start: np.ndarray
    run_stop: np.ndarray
    pair_query: np.ndarray
    pair_point: np.ndarray

    def sums(self, weights: np.ndarray, n_queries: int) -> np.ndarray:
        """For each query, the sum of ``weights`` (per point) over the points in its disc."""
        running = np.concatenate([[0], np.cumsum(weights[self.order], dtype=np.longdouble)])
        inside = (running[self.run_stop] - running[self.run_start]).astype(float)
        return np.bincount(self.run_query, weights=inside, minlength=n_queries) + np.bincount(
            self.pair_query, weights=weights[self.pair_point], minlength=n_queries
        )

    def spread(self, values: np.ndarray, n_points: int) -> np.ndarray:
        """For each point, the sum of ``values`` (per query) over the queries whose disc holds it."""
        steps = self._row_steps(values[self.run_query])
        per_cell = np.cumsum(steps.astype(np.longdouble), axis=1)
        per_cell = np.where(self._row_coverage() > 0, per_cell, 0.0)[:, :-1].reshape(-1).astype(float)
        return per_cell[self.point_cell] + np.bincount(
            self.pair_point, weights=values[self.pair_query], minlength=n_points
        )

    def counts(self, n_points: int) -> np.ndarray:
        """For each point, the number of discs that hold it."""
        per_cell = self._row_coverage()[:, :-1].reshape(-1)
        return per_cell[self.point_cell] + np.bincount(self.pair_point, minlength=n_points)

    def _row_steps(self, per_run=None) -> np.ndarray:
        """Per grid row, a difference array over its cells (a spare column for run ends)."""
        rows, columns = self.shape
        low = self.run_row * (columns + 1) + self.run_low
        end = low + (self.run_high - self.run_low + 1)
        steps = np.bincount(low, weights=per_run, minlength=rows * (columns + 1)) - np.bincount(
            end, weights=per_run, minlength=rows * (columns + 1)
        )
        return steps.reshape(rows, columns + 1)

    def _row_coverage(self) -> np.ndarray:
        """How many runs cover each cell (exact integers)."""
        return np.cumsum(self._row_steps().astype(np.int64), axis=1)


def _expand(starts: np.ndarray, stops: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every position of every [start, stop) range, with the label of its range."""
    lengths = np.maximum(stops - starts, 0)
    positions = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
    positions += np.arange(len(positions))
    return np.repeat(labels, lengths), positions


def disc_cover(points: np.ndarray, queries: np.ndarray, radius: float) -> DiscCover | None:
    """The cover of ``points`` by discs of ``radius`` around ``queries`` (both (n, 2)).

    None when the points spread over so many radii that the grid would be too large
    (then a KD-tree listing the pairs is the better tool).
    """
    xs, ys = points[:, 0], points[:, 1]
    origin = np.array([xs.min(), ys.min()])
    width, height = max(xs.max() - origin[0], radius), max(ys.max() - origin[1], radius)
    per_radius = min(CELLS_PER_RADIUS, int(np.sqrt(MAX_CELLS * radius * radius / (width * height))))
    if per_radius < 2:
        return None
    size = radius / per_radius
    columns = np.floor((xs - origin[0]) / size).astype(np.int64)
    rows = np.floor((ys - origin[1]) / size).astype(np.int64)
    n_rows, n_columns = int(rows.max()) + 1, int(columns.max()) + 1
    cell = rows * n_columns + columns
    order = np.argsort(cell)  # the order within a cell does not matter
    # Where each cell's run of sorted points starts (the last entry is the number of points).
    first = np.concatenate([[0], np.cumsum(np.bincount(cell, minlength=n_columns * n_rows))])
    grid = _Grid(origin, size, radius, n_rows, n_columns, xs[order], ys[order], first)
    # Queries in chunks on parallel threads (numpy releases the GIL in its array work).
    bounds = np.linspace(0, len(queries), thread_count(len(queries)) + 1).astype(int)
    parts = map_chunks(lambda chunk: grid.cover(queries, *chunk), list(zip(bounds[:-1], bounds[1:])))
    runs = [np.concatenate(column) for column in zip(*parts)]
    return DiscCover((n_rows, n_columns), cell, order, *runs[:7], order[runs[7]])


@dataclass(frozen=True)
class _Grid:
    """Points binned in square cells, sorted by cell (rows one after another)."""

    origin: np.ndarray
    size: float
    radius: float
    n_rows: int
    n_columns: int
    sorted_x: np.ndarray
    sorted_y: np.ndarray
    first: np.ndarray

    def cover(self, queries: np.ndarray, begin: int, end: int) -> tuple:
        """Runs and rim pairs of queries ``begin:end``: (query, row, low, high, start, stop,
        rim query, rim sorted position)."""
        origin, size, radius, first = self.origin, self.size, self.radius, self.first
        qx, qy = queries[begin:end, 0], queries[begin:end, 1]
        # One entry per (query, grid row) the disc reaches.
        low = np.maximum(np.floor((qy - radius - origin[1]) / size).astype(np.int64), 0)
        high = np.minimum(np.floor((qy + radius - origin[1]) / size).astype(np.int64), self.n_rows - 1)
        query, row = _expand(low, high + 1, np.arange(len(qx)))
        x, y = qx[query], qy[query]
        band_low = origin[1] + row * size
        band_high = band_low + size
        margin = _MARGIN * size
        near = np.maximum(np.maximum(band_low - y, y - band_high), 0.0) - margin
        far = np.maximum(y - band_low, band_high - y) + margin
        reach = np.sqrt(np.maximum(radius * radius - np.maximum(near, 0.0) ** 2, 0.0)) + margin
        keep = near <= radius
        col_low = np.clip(np.floor((x - reach - origin[0]) / size).astype(np.int64), 0, self.n_columns)
        col_high = np.clip(np.floor((x + reach - origin[0]) / size).astype(np.int64), -1, self.n_columns - 1)
        keep &= col_low <= col_high
        # Cells [in_low, in_high] lie wholly inside the disc (none where the band's far edge is out).
        half = np.sqrt(np.maximum(radius * radius - far * far, 0.0))
        in_low = np.maximum(np.ceil((x - half - origin[0]) / size + _MARGIN).astype(np.int64), col_low)
        in_high = np.minimum(np.floor((x + half - origin[0]) / size - _MARGIN).astype(np.int64) - 1, col_high)
        whole = keep & (far <= radius) & (in_low <= in_high)
        # Without an inside range, the whole candidate range is rim.
        in_low = np.where(whole, in_low, col_high + 1)
        in_high = np.where(whole, in_high, col_high)
        base = row * self.n_columns
        run_start, run_stop = first[base + in_low], first[base + in_high + 1]
        # The rim: cells left and right of the inside run, checked point by point.
        rim_start = np.concatenate([first[base + col_low], first[base + in_high + 1]])
        rim_stop = np.concatenate([first[base + in_low], first[base + col_high + 1]])
        rim_keep = np.concatenate([keep, keep & whole])
        rim_query, positions = _expand(
            rim_start[rim_keep], rim_stop[rim_keep], np.concatenate([query, query])[rim_keep]
        )
        dx = self.sorted_x[positions] - qx[rim_query]
        dy = self.sorted_y[positions] - qy[rim_query]
        within = dx * dx + dy * dy <= radius * radius
        return (query[whole] + begin, row[whole], in_low[whole], in_high[whole], run_start[whole],
                run_stop[whole], rim_query[within] + begin, positions[within])  # fmt: skip


__all__ = ["DiscCover", "disc_cover"]
