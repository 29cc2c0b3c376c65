"""The changes a contributor made to a checkout, as a geodiff changeset.

The changeset is the binary format of the `geodiff` library (SQLite session
changesets extended for GeoPackage), computed between the checkout's base copy
and its current state. Reading it back gives :class:`Change` records keyed by
column name: inserts carry every new value, deletes every old value, updates
only the fields that changed, with their old (base) and new values, which is
exactly what a field-level three-way merge needs.

A checkout holds two tables that travel the same way (:data:`TABLES`): the service
points and the partnerships between them. What differs between them (the field that
names a row, its fields, whether it has a location) is said once, in a :class:`Table`.
"""

from __future__ import annotations

import json
import struct
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pygeodiff

from ..errors import SubmissionError
from ..gpkg_rtree import gpkg_point
from ..i18n import tr, translatable
from ..partnerships import PARTNERSHIP_FIELDS, PARTNERSHIPS_TABLE
from ..schema import FIELDS, FieldDef
from ..store import POINTS_LAYER
from .checkout import extract_base

INSERT, UPDATE, DELETE = "insert", "update", "delete"
GEOMETRY = "geom"


@dataclass(frozen=True)
class Table:
    """A table a checkout carries and a submission changes."""

    name: str  # in the checkout GeoPackage and in the shared store's schema
    key: str  # the field that names a row (unique)
    fields: tuple[FieldDef, ...]
    #: What names a row in messages when a change does not carry it (an update keeps only changed fields).
    label_fields: tuple[str, ...]
    name_fields: tuple[str, ...]  # the first of these that is set is the row's name for people
    noun: str  # "point", "partnership": what a row is, in messages (marked; tr() where shown)
    has_geometry: bool = False

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @property
    def fields_by_name(self) -> dict[str, FieldDef]:
        return {f.name: f for f in self.fields}

    @property
    def columns(self) -> frozenset:
        """Columns a changeset may touch: the feature id, the location and the table's fields."""
        return frozenset(("fid", *((GEOMETRY,) if self.has_geometry else ()), *self.field_names))

    @property
    def compared(self) -> tuple[str, ...]:
        """Fields compared when a row is deleted: it must be as the contributor last saw it."""
        return (*self.field_names, *((GEOMETRY,) if self.has_geometry else ()))

    @property
    def decision_prefix(self) -> str:
        """Before a conflict's key: nothing for points (as the keys always were), the table otherwise."""
        return "" if self.name == POINTS_LAYER else f"{self.name}:"


POINTS = Table(POINTS_LAYER, "point_id", FIELDS, ("point_id", "name_en", "name_fr", "jurisdiction"),
               ("name_en", "name_fr"), translatable("point"), has_geometry=True)  # fmt: skip
PARTNERSHIPS = Table(PARTNERSHIPS_TABLE, "partnership_id", PARTNERSHIP_FIELDS,
                     ("partnership_id", "partners", "point_ids"), ("partners",), translatable("partnership"))  # fmt: skip
#: The tables of a checkout, in the order their changes are staged and applied (points first: a new
#: partnership may link a new point).
TABLES = {t.name: t for t in (POINTS, PARTNERSHIPS)}
#: Kept for what imported them: the service points' columns and label fields.
ALLOWED_COLUMNS = POINTS.columns
LABEL_FIELDS = POINTS.label_fields


@dataclass(frozen=True)
class Change:
    operation: str
    #: The shared store's row id (updates, deletes) or the checkout's new feature id (inserts).
    row_id: int
    old: dict  # field -> value; the point as [x, y]
    new: dict
    #: The row as the contributor checked it out (its table's label fields), to name it when the store's
    #: row is gone.
    label: dict = field(default_factory=dict)
    table: str = POINTS_LAYER

    @property
    def spec(self) -> Table:
        return TABLES[self.table]

    @property
    def key(self) -> str | None:
        """The row's key (a point's point_id, a partnership's partnership_id)."""
        k = self.spec.key
        return self.new.get(k) or self.old.get(k) or self.label.get(k)

    @property
    def base_key(self) -> str | None:
        """The key before the change (None for a new row)."""
        k = self.spec.key
        return None if self.operation == INSERT else self.old.get(k) or self.label.get(k)

    # A point's names for the key (what most of the code and its callers speak of).
    point_id = key
    base_point_id = base_key

    @property
    def name(self) -> str | None:
        for values in (self.old, self.label, self.new):
            for name in self.spec.name_fields:
                if values.get(name):
                    return values[name]
        return None


def checkout_tables(gpkg: str | Path) -> dict[str, list[str]]:
    """The columns of each table of :data:`TABLES` the GeoPackage has (a checkout made before
    partnerships travelled has only the points)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "schema.json"
        pygeodiff.GeoDiff().schema("sqlite", "", str(gpkg), str(out))
        tables = json.loads(out.read_text(encoding="utf-8"))["geodiff_schema"]
    found = {t["table"]: [c["name"] for c in t["columns"]] for t in tables if t["table"] in TABLES}
    if POINTS_LAYER not in found:
        raise SubmissionError(
            tr("{name} has no {table} table.").format(name=Path(gpkg).name, table=POINTS_LAYER)
        )
    return {name: found[name] for name in TABLES if name in found}


def create_changeset(checkout: str | Path, target: str | Path) -> dict[str, list[str]]:
    """Write the checkout's changes since its base to ``target``; returns each table's columns."""
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base.gpkg"
        extract_base(checkout, base)
        columns = checkout_tables(base)
        geodiff = pygeodiff.GeoDiff()
        geodiff.set_tables_to_include(list(columns))
        try:
            geodiff.create_changeset(str(base), str(checkout), str(target))
        except pygeodiff.GeoDiffLibError as exc:
            raise SubmissionError(
                tr(
                    "Cannot compare {name} with its base ({exc}). Was a column added, removed or renamed? "
                    "Keep the checkout's structure as it was; only edit values."
                ).format(name=Path(checkout).name, exc=exc)
            ) from None
    for name, cols in columns.items():
        outside = set(cols) - TABLES[name].columns
        if outside:
            raise SubmissionError(
                tr("The checkout's {table} has columns outside the schema: {columns}.").format(
                    table=name, columns=sorted(outside)
                )
            )
    return columns


def table_columns(gpkg: str | Path) -> list[str]:
    """The service points' columns of a GeoPackage."""
    return checkout_tables(gpkg)[POINTS_LAYER]


def read_changeset(path: str | Path, columns: dict[str, list[str]] | list[str]) -> list[Change]:
    """Changes of the tables ``columns`` lists (a list: the service points' columns); a change to any
    other table is refused."""
    if not isinstance(columns, dict):
        columns = {POINTS_LAYER: list(columns)}
    try:
        entries = list(pygeodiff.GeoDiff().read_changeset(str(path)))
    except pygeodiff.GeoDiffLibError as exc:
        raise SubmissionError(tr("The changeset cannot be read ({exc}).").format(exc=exc)) from None
    changes = []
    for entry in entries:
        table = entry.table.name
        if table not in columns or table not in TABLES:
            raise SubmissionError(
                tr("The changeset changes table '{table}', which a submission may not.").format(table=table)
            )
        if entry.values_count != len(columns[table]):
            raise SubmissionError(tr("The changeset does not match the columns listed in the manifest."))
        old = _named(columns[table], getattr(entry, "old_values", None))
        new = _named(columns[table], getattr(entry, "new_values", None))
        operation = {entry.OP_INSERT: INSERT, entry.OP_UPDATE: UPDATE, entry.OP_DELETE: DELETE}[
            entry.operation
        ]
        row_id = (new if operation == INSERT else old).pop("fid", None)
        new.pop("fid", None)
        if not isinstance(row_id, int):
            raise SubmissionError(tr("A change in the changeset has no feature id."))
        changes.append(Change(operation, row_id, old, new, table=table))
    return changes


def _named(columns: list[str], values) -> dict:
    if values is None:
        return {}
    named = {}
    for name, value in zip(columns, values):
        if isinstance(value, pygeodiff.UndefinedValue):
            continue  # an unchanged column of an update
        if name == GEOMETRY and value is not None:
            try:
                x, y = gpkg_point(value)
            except (struct.error, IndexError, TypeError):
                raise SubmissionError(tr("A geometry in the changeset is not a GeoPackage point.")) from None
            value = None if x is None else [x, y]
        named[name] = value
    return named
