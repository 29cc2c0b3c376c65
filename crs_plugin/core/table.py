"""Column-oriented tables: the in-memory form of source records and service points.

Columns are numpy object arrays of ``str`` or ``None`` so that mapping and
validation work a column at a time instead of a record at a time.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .schema import FIELD_NAMES


def text_column(values) -> np.ndarray:
    """An object array of stripped strings, with '' and None both as None."""
    arr = np.asarray(values, dtype=object)
    if arr.size == 0:
        return arr.reshape(0)
    as_text = np.array([None if v is None else str(v).strip() for v in arr], dtype=object)
    as_text[as_text == ""] = None
    return as_text


@dataclass
class RawTable:
    """Records as a source gives them: its own column names, text values.

    ``x``/``y`` are set when the source carries geometry itself (GeoJSON);
    for tabular sources the mapping names the coordinate columns.
    """

    columns: dict[str, np.ndarray]
    x: np.ndarray | None = None
    y: np.ndarray | None = None
    #: CRS of x/y as an authority id or WKT, when the source states it.
    crs: str | None = None

    def __len__(self) -> int:
        if self.x is not None:
            return len(self.x)
        return len(next(iter(self.columns.values()))) if self.columns else 0


@dataclass
class PointTable:
    """Service points in the common schema, coordinates in EPSG:4326."""

    columns: dict[str, np.ndarray]
    lon: np.ndarray
    lat: np.ndarray

    def __post_init__(self) -> None:
        n = len(self.lon)
        for name in FIELD_NAMES:
            col = self.columns.get(name)
            if col is None:
                self.columns[name] = np.full(n, None, dtype=object)
            elif len(col) != n:
                raise ValueError(f"column {name} has {len(col)} values for {n} points")

    def __len__(self) -> int:
        return len(self.lon)

    def take(self, index) -> PointTable:
        return PointTable({k: v[index] for k, v in self.columns.items()}, self.lon[index], self.lat[index])
