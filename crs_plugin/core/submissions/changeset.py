"""The changes a contributor made to a checkout, as a geodiff changeset.

The changeset is the binary format of the `geodiff` library (SQLite session
changesets extended for GeoPackage), computed between the checkout's base copy
and its current state. Reading it back gives :class:`Change` records keyed by
column name: inserts carry every new value, deletes every old value, updates
only the fields that changed, with their old (base) and new values, which is
exactly what a field-level three-way merge needs.
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
from ..i18n import tr
from ..schema import FIELD_NAMES
from ..store import POINTS_LAYER
from .checkout import extract_base

INSERT, UPDATE, DELETE = "insert", "update", "delete"
GEOMETRY = "geom"
#: Columns a changeset may touch: the feature id, the point and the schema's fields.
ALLOWED_COLUMNS = frozenset(("fid", GEOMETRY, *FIELD_NAMES))
#: What names a point in messages when a change does not carry it (an update keeps only changed fields).
LABEL_FIELDS = ("point_id", "name_en", "name_fr", "jurisdiction")


@dataclass(frozen=True)
class Change:
    operation: str
    #: The shared store's row id (updates, deletes) or the checkout's new feature id (inserts).
    row_id: int
    old: dict  # field -> value; the point as [x, y]
    new: dict
    #: The point as the contributor checked it out (LABEL_FIELDS), to name it when the store's row is gone.
    label: dict = field(default_factory=dict)

    @property
    def point_id(self) -> str | None:
        return self.new.get("point_id") or self.old.get("point_id") or self.label.get("point_id")

    @property
    def base_point_id(self) -> str | None:
        """The point id before the change (None for a new point)."""
        return None if self.operation == INSERT else self.old.get("point_id") or self.label.get("point_id")

    @property
    def name(self) -> str | None:
        for values in (self.old, self.label, self.new):
            if values.get("name_en") or values.get("name_fr"):
                return values.get("name_en") or values.get("name_fr")
        return None


def create_changeset(checkout: str | Path, target: str | Path) -> list[str]:
    """Write the checkout's changes since its base to ``target``; returns the table's columns."""
    geodiff = pygeodiff.GeoDiff()
    geodiff.set_tables_to_include([POINTS_LAYER])
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base.gpkg"
        extract_base(checkout, base)
        try:
            geodiff.create_changeset(str(base), str(checkout), str(target))
        except pygeodiff.GeoDiffLibError as exc:
            raise SubmissionError(
                tr(
                    "Cannot compare {name} with its base ({exc}). Was a column added, removed or renamed? "
                    "Keep the checkout's structure as it was; only edit values."
                ).format(name=Path(checkout).name, exc=exc)
            ) from None
        columns = table_columns(base)
    if set(columns) - ALLOWED_COLUMNS:
        raise SubmissionError(
            tr("The checkout has columns outside the schema: {columns}.").format(
                columns=sorted(set(columns) - ALLOWED_COLUMNS)
            )
        )
    return columns


def table_columns(gpkg: str | Path) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "schema.json"
        pygeodiff.GeoDiff().schema("sqlite", "", str(gpkg), str(out))
        tables = json.loads(out.read_text(encoding="utf-8"))["geodiff_schema"]
    for table in tables:
        if table["table"] == POINTS_LAYER:
            return [c["name"] for c in table["columns"]]
    raise SubmissionError(
        tr("{name} has no {points_layer} table.").format(name=Path(gpkg).name, points_layer=POINTS_LAYER)
    )


def read_changeset(path: str | Path, columns: list[str]) -> list[Change]:
    """Changes of the ``service_points`` table; anything else in the changeset is refused."""
    try:
        entries = list(pygeodiff.GeoDiff().read_changeset(str(path)))
    except pygeodiff.GeoDiffLibError as exc:
        raise SubmissionError(tr("The changeset cannot be read ({exc}).").format(exc=exc)) from None
    changes = []
    for entry in entries:
        if entry.table.name != POINTS_LAYER:
            raise SubmissionError(
                tr("The changeset changes table '{name}', which a submission may not.").format(
                    name=entry.table.name
                )
            )
        if entry.values_count != len(columns):
            raise SubmissionError(tr("The changeset does not match the columns listed in the manifest."))
        old = _named(columns, getattr(entry, "old_values", None))
        new = _named(columns, getattr(entry, "new_values", None))
        operation = {entry.OP_INSERT: INSERT, entry.OP_UPDATE: UPDATE, entry.OP_DELETE: DELETE}[
            entry.operation
        ]
        row_id = (new if operation == INSERT else old).pop("fid", None)
        new.pop("fid", None)
        if not isinstance(row_id, int):
            raise SubmissionError(tr("A change in the changeset has no feature id."))
        changes.append(Change(operation, row_id, old, new))
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
