"""Column-oriented tables: the in-memory form of source records and service points.

Columns are numpy object arrays of ``str`` or ``None`` so that mapping and
validation work a column at a time instead of a record at a time.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import numpy as np

from .errors import SourceError
from .i18n import tr
from .schema import FIELD_NAMES


def text_column(values) -> np.ndarray:
    """An object array of stripped strings, with '' and None both as None."""
    arr = np.asarray(values, dtype=object)
    if arr.size == 0:
        return arr.reshape(0)
    as_text = np.array([None if v is None else str(v).strip() for v in arr], dtype=object)
    as_text[as_text == ""] = None
    return as_text


def number_column(values) -> tuple[np.ndarray, np.ndarray]:
    """Floats from a column of numbers or numeric text (a joined CSV gives text), NaN where
    a value is missing or is not a number; and the distinct values that were not numbers
    (such as a census file's suppression symbols), for the message that reports them."""
    arr = np.asarray(values, dtype=object).reshape(-1)
    out = np.full(len(arr), np.nan)
    numeric = np.array(
        [isinstance(v, (int, float, np.number)) and not isinstance(v, bool) for v in arr], dtype=bool
    )
    out[numeric] = arr[numeric].astype(float)
    text = np.flatnonzero(~numeric & (arr != None))  # noqa: E711 - elementwise comparison
    not_numbers = []
    for i in text:
        try:
            out[i] = float(str(arr[i]).strip())
        except ValueError:
            if str(arr[i]).strip():
                not_numbers.append(str(arr[i]).strip())
    return out, np.unique(np.array(not_numbers, dtype=object)) if not_numbers else np.array([], dtype=object)


@dataclass
class RawTable:
    """Records as a source gives them: its own column names, text values.

    ``x``/``y`` are set when the source carries geometry itself (GeoJSON);
    for tabular sources the mapping names the coordinate columns.
    """

    columns: dict[str, np.ndarray]
    x: np.ndarray | None = None
    y: np.ndarray | None = None
    #: CRS of x/y as an authority id or WKT, when the source declares it (None: it declares
    #: none, and the mapping's ``crs`` applies).
    crs: str | None = None
    #: What the load report should say about how the records were read (decimal commas, encoding).
    notes: list[str] = field(default_factory=list)
    #: How a text file was read ({"encoding": "cp1252", "delimiter": ";"}); empty for other sources.
    read_as: dict[str, str] = field(default_factory=dict)

    def __len__(self) -> int:
        if self.x is not None:
            return len(self.x)
        return len(next(iter(self.columns.values()))) if self.columns else 0

    def page_key(self):
        """What tells two pages of a source apart: the records' ids (column ``@id``), or
        their whole content where the server sends no ids."""
        ids = self.columns.get("@id")
        if ids is not None and all(i is not None for i in ids):
            return tuple(ids)
        return self.sha256()

    def sha256(self) -> str:
        """A digest of the records' content (columns and coordinates), whatever the paging
        or the JSON formatting: what provenance compares between two loads."""
        digest = hashlib.sha256()
        for name in sorted(self.columns):
            digest.update(repr((name, self.columns[name].tolist())).encode())
        for coordinates in (self.x, self.y):
            if coordinates is not None:
                digest.update(np.asarray(coordinates, dtype=float).tobytes())
        return digest.hexdigest()


def concat_tables(tables: list[RawTable]) -> RawTable:
    """Pages of one source as one table (columns missing from a page are empty there)."""
    names: dict[str, None] = {}
    for table in tables:
        names.update(dict.fromkeys(table.columns))
    columns = {
        name: np.concatenate([t.columns.get(name, np.full(len(t), None, dtype=object)) for t in tables])
        for name in names
    }
    x = np.concatenate([t.x for t in tables]) if tables else np.zeros(0)
    y = np.concatenate([t.y for t in tables]) if tables else np.zeros(0)
    # A page that declares no CRS is in the source's default one; only declarations may disagree
    # (MapServer 8.4's GeoJSON names the CRS on some pages only).
    crss = list(dict.fromkeys(t.crs for t in tables if len(t) and t.crs is not None))
    if len(crss) > 1:
        raise SourceError(
            tr("The pages of one source came in different CRSs ({items}).").format(
                items=", ".join(map(str, crss))
            )
        )
    notes = list(dict.fromkeys(note for t in tables for note in t.notes))
    read_as = next((t.read_as for t in tables if t.read_as), {})
    return RawTable(columns, x, y, crs=crss[0] if crss else None, notes=notes, read_as=dict(read_as))


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
