"""Field mapping: turn a source's own columns into the common schema.

A mapping is JSON (kept beside the source or in the source catalogue)::

    {
      "source_id": "service_bc_offices",
      "geometry": {"x": "Longitude", "y": "Latitude", "crs": "EPSG:4326"},
      "fields": {
        "source_record_id": {"column": "Office Code"},
        "name_en": {"column": "External Site"},
        "organization": {"value": "Service BC"},
        "street_address": {"concat": ["Civic", "Street"], "separator": " "},
        "point_type": {"column": "Item Type", "map": {"Service BC Centre": "service_centre"}},
        "services": {"column": "Services", "split": "|", "map": {"Driver Licensing": "drivers_licence"}}
      }
    }

Field rules: ``column`` (copy), ``value`` (constant), ``concat`` (join non-empty
columns with ``separator``); then optionally ``split`` (list fields), ``map``
(value translation, applied to each list item) and ``default`` (for empty values).
``geometry`` names the coordinate columns of tabular sources and their ``crs``;
sources with geometry of their own (GeoJSON, services, Shapefiles) use it, read in
the CRS the source declares (a ``crs`` member, a ``spatialReference``, a ``.prj``) or,
when it declares none, in the mapping's ``crs`` (EPSG:4326 by default), so one mapping
serves a CSV and a GeoJSON version of the same data. Pseudo-columns ``@row``
(1-based record number) and ``@id`` (GeoJSON feature id) are available.

Mapping checks everything before anything is written: unknown columns, values
outside the allowed codes, missing required values, duplicate record ids and
coordinates that are not numbers or not in Canada each raise an error naming the
field, the column and the rows.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .crs import outside_canada, to_storage_crs
from .errors import CoordinateError, DataError, MappingError, describe_rows
from .i18n import language, tr
from .schema import (
    FIELD_NAMES,
    FIELDS_BY_NAME,
    LIST_SEPARATOR,
    REGIONAL_CHANNELS,
    FieldType,
    make_point_id,
)
from .table import PointTable, RawTable, text_column

SAFE_SOURCE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
_RULE_KEYS = {"column", "value", "concat"}
_OPTION_KEYS = {"separator", "split", "map", "default"}
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+")


@dataclass(frozen=True)
class FieldRule:
    target: str
    column: str | None = None
    value: str | None = None
    concat: tuple[str, ...] = ()
    separator: str = " "
    split: str | None = None
    value_map: dict[str, str] = field(default_factory=dict)
    default: str | None = None

    @property
    def columns(self) -> tuple[str, ...]:
        return (self.column,) if self.column else self.concat

    def to_dict(self) -> dict:
        """The rule as a mapping file writes it (keys left at their defaults are left out)."""
        if self.value is not None:
            rule: dict = {"value": self.value}
        elif self.column is not None:
            rule = {"column": self.column}
        else:
            rule = {"concat": list(self.concat)}
            if self.separator != " ":
                rule["separator"] = self.separator
        if self.split is not None:
            rule["split"] = self.split
        if self.value_map:
            rule["map"] = dict(self.value_map)
        if self.default is not None:
            rule["default"] = self.default
        return rule


@dataclass(frozen=True)
class GeometryRule:
    x: str | None = None
    y: str | None = None
    crs: str | None = None

    @property
    def from_columns(self) -> bool:
        return self.x is not None


@dataclass(frozen=True)
class FieldMapping:
    source_id: str
    fields: dict[str, FieldRule]
    geometry: GeometryRule

    @classmethod
    def from_dict(cls, spec: dict) -> FieldMapping:
        if not isinstance(spec, dict):
            raise MappingError(tr("A field mapping must be a JSON object."))
        source_id = spec.get("source_id")
        if not isinstance(source_id, str) or not source_id.strip():
            raise MappingError(tr("The field mapping has no 'source_id' (a short, stable name)."))
        if not SAFE_SOURCE_ID.fullmatch(source_id.strip()):
            raise MappingError(
                tr(
                    "Source id {source_id!r} must be 1-64 letters, digits, '_', '.' or '-', starting with a "
                    "letter or digit."
                ).format(source_id=source_id)
            )
        where = tr("mapping of source '{source_id}'").format(source_id=source_id)
        raw_fields = spec.get("fields")
        if not isinstance(raw_fields, dict) or not raw_fields:
            raise MappingError(tr("The {where} has no 'fields' object.").format(where=where))
        rules = {}
        for target, rule in raw_fields.items():
            rules[target] = _parse_rule(target, rule, where)
        if "source_record_id" not in rules:
            raise MappingError(
                tr(
                    "The {where} does not say which column identifies a record: add 'source_record_id' (a "
                    'column, or {{"column": "@row"}} if the source has none).'
                ).format(where=where)
            )
        geometry = spec.get("geometry") or {}
        if not isinstance(geometry, dict):
            raise MappingError(tr("In the {where}, 'geometry' must be an object.").format(where=where))
        unknown = set(geometry) - {"x", "y", "crs"}
        if unknown:
            raise MappingError(
                tr("In the {where}, 'geometry' has unknown keys: {unknown}.").format(
                    where=where, unknown=sorted(unknown)
                )
            )
        if ("x" in geometry) != ("y" in geometry):
            raise MappingError(
                tr("In the {where}, 'geometry' needs both 'x' and 'y' columns.").format(where=where)
            )
        return cls(source_id.strip(), rules, GeometryRule(**geometry))

    def to_dict(self) -> dict:
        """The mapping as a mapping file writes it: ``FieldMapping.from_dict(m.to_dict()) == m``."""
        spec: dict = {"source_id": self.source_id}
        geometry = {
            k: getattr(self.geometry, k) for k in ("x", "y", "crs") if getattr(self.geometry, k) is not None
        }
        if geometry:
            spec["geometry"] = geometry
        spec["fields"] = {name: rule.to_dict() for name, rule in self.fields.items()}
        return spec

    @classmethod
    def from_file(cls, path: str | Path) -> FieldMapping:
        try:
            spec = json.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise MappingError(tr("Field mapping file not found: {path}").format(path=path)) from None
        except json.JSONDecodeError as exc:
            raise MappingError(
                tr("Field mapping {path} is not valid JSON: {exc}").format(path=path, exc=exc)
            ) from None
        return cls.from_dict(spec)

    def evaluate(self, raw: RawTable, names=None) -> dict[str, np.ndarray]:
        """The mapped values of ``names`` (default: every mapped field) before any check; fields
        reading a column the source lacks are left out (``apply`` says which)."""
        available = available_columns(raw)
        wanted = self.fields if names is None else [n for n in names if n in self.fields]
        return {
            name: _evaluate(self.fields[name], available, len(raw))
            for name in wanted
            if all(c in available for c in self.fields[name].columns)
        }

    def apply(self, raw: RawTable) -> PointTable:
        """Map a source's records to service points, or raise with what to fix."""
        n = len(raw)
        if n == 0:
            raise DataError(tr("Source '{source_id}' has no records.").format(source_id=self.source_id))
        available = available_columns(raw)
        xy_from_columns = raw.x is None and self.geometry.from_columns
        self._check_columns(available, xy_from_columns)

        columns = {name: _evaluate(rule, available, n) for name, rule in self.fields.items()}
        columns["source_id"] = np.full(n, self.source_id, dtype=object)
        if "point_id" not in self.fields:
            columns["point_id"] = np.array(
                [
                    None if r is None else make_point_id(self.source_id, r)
                    for r in columns["source_record_id"]
                ],
                dtype=object,
            )
        for name in FIELD_NAMES:
            default = FIELDS_BY_NAME[name].default
            if default is not None and name not in self.fields:
                columns[name] = np.full(n, default, dtype=object)

        self._check_values(columns)
        regional = np.isin(np.asarray(columns.get("channel", np.full(n, None)), dtype=object).astype(str),
                           list(REGIONAL_CHANNELS))  # fmt: skip
        lon, lat = self._coordinates(raw, available, xy_from_columns, regional)
        return PointTable(columns, lon, lat)

    # -- checks ----------------------------------------------------------------

    def _check_columns(self, available: dict, xy_from_columns: bool) -> None:
        wanted = [(name, col) for name, rule in self.fields.items() for col in rule.columns]
        if xy_from_columns:
            wanted += [("geometry x", self.geometry.x), ("geometry y", self.geometry.y)]
        for target, col in wanted:
            if col not in available:
                hint = difflib.get_close_matches(col, list(available), n=1)
                message = (
                    tr("The mapping of source '{source_id}' reads column '{column}' for {target}, but the source "
                       "has no such column (did you mean '{hint}'?). Columns in the source: {columns}.")
                    if hint
                    else tr("The mapping of source '{source_id}' reads column '{column}' for {target}, but the "
                            "source has no such column. Columns in the source: {columns}.")
                )  # fmt: skip
                raise MappingError(message.format(
                    source_id=self.source_id, column=col, target=target, hint=hint[0] if hint else "",
                    columns=", ".join(c for c in available if not c.startswith("@"))))  # fmt: skip

    def _check_values(self, columns: dict[str, np.ndarray]) -> None:
        for name, values in columns.items():
            fdef = FIELDS_BY_NAME.get(name)
            if fdef is None:
                continue
            empty = np.array([v is None for v in values], dtype=bool)
            if fdef.required and empty.any():
                raise DataError(
                    tr("Source '{source_id}': {label} ({name}) is required but empty in {rows}.").format(
                        source_id=self.source_id,
                        label=fdef.label(language()),
                        name=name,
                        rows=describe_rows(np.flatnonzero(empty) + 1),
                    )
                )
            if fdef.type == FieldType.DATE:
                bad_dates = [i for i, v in enumerate(values) if v is not None and not fdef.allows(v)]
                if bad_dates:
                    raise DataError(
                        tr(
                            "Source '{source_id}': {label} ({name}) must be a date like 2024-03-31 but is {values!r} in "
                            "{rows}."
                        ).format(
                            source_id=self.source_id,
                            label=fdef.label(language()),
                            name=name,
                            values=values[bad_dates[0]],
                            rows=describe_rows(np.array(bad_dates) + 1),
                        )
                    )
            if fdef.type not in (FieldType.ENUM, FieldType.LIST) or not fdef.choices:
                continue
            # Each distinct value is checked once (a column has few of them).
            if fdef.type == FieldType.LIST:
                ok = {
                    v: all(fdef.allows(p) for p in v.split(LIST_SEPARATOR))
                    for v in set(values)
                    if v is not None
                }
            else:
                ok = {v: fdef.allows(v) for v in set(values) if v is not None}
            bad = [i for i, v in enumerate(values) if v is not None and not ok[v]]
            if bad:
                shown = sorted({str(values[i]) for i in bad})[:5]
                raise DataError(
                    tr(
                        "Source '{source_id}': {label} ({name}) has values that are not allowed ({shown}) in "
                        "{rows}. Allowed: {codes}. Add a 'map' for this field in the mapping."
                    ).format(
                        source_id=self.source_id,
                        label=fdef.label(language()),
                        name=name,
                        shown=", ".join(shown),
                        rows=describe_rows(np.array(bad) + 1),
                        codes=", ".join(fdef.codes),
                    )
                )
        ids = columns["source_record_id"]
        uniq, counts = np.unique(ids.astype(str), return_counts=True)
        dupes = uniq[counts > 1]
        if dupes.size:
            rows = np.flatnonzero(np.isin(ids.astype(str), dupes)) + 1
            raise DataError(
                tr("Source '{source_id}': record ids are not unique ({ids}) in {rows}; each record needs its own "
                   "source_record_id.").format(source_id=self.source_id, ids=", ".join(dupes[:5]),
                                               rows=describe_rows(rows))
            )  # fmt: skip

    def _coordinates(
        self, raw: RawTable, available: dict, xy_from_columns: bool, regional: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """Coordinates in EPSG:4326; a call centre or digital service (``regional``) may have none."""
        g = self.geometry
        declared = raw.crs is not None
        if raw.x is not None:  # the source's own geometry wins over coordinate columns
            x, y = np.asarray(raw.x, dtype=float), np.asarray(raw.y, dtype=float)
            # The CRS the answer declares; the mapping's for sources that declare none.
            crs = raw.crs or g.crs
        elif xy_from_columns:
            x = _parse_numbers(available[g.x], g.x, self.source_id)
            y = _parse_numbers(available[g.y], g.y, self.source_id)
            crs = g.crs
        else:
            raise MappingError(
                tr(
                    "Source '{source_id}' has no geometry: name its coordinate columns in the mapping, e.g. "
                    '"geometry": {{"x": "Longitude", "y": "Latitude"}}.'
                ).format(source_id=self.source_id)
            )
        missing = ~(np.isfinite(x) & np.isfinite(y))
        if (missing & ~regional).any():
            raise CoordinateError(
                tr(
                    "Source '{source_id}': {rows} have no location (empty coordinates or no geometry)."
                ).format(
                    source_id=self.source_id,
                    rows=describe_rows(np.flatnonzero(missing & ~regional) + 1),
                )
            )
        if missing.any():  # only call centres and digital services: the others are placed
            lon, lat = np.full(len(x), np.nan), np.full(len(x), np.nan)
            lon[~missing], lat[~missing] = self._coordinates(
                RawTable({}, x[~missing], y[~missing], crs), {}, False, regional[~missing]
            )
            return lon, lat
        try:
            lon, lat = to_storage_crs(x, y, crs)
        except CoordinateError:
            raise
        except (RuntimeError, ValueError) as exc:  # impossible input
            raise CoordinateError(
                tr("Source '{source_id}': coordinates cannot be transformed from {crs}: {exc}").format(
                    source_id=self.source_id, crs=crs, exc=exc
                )
            ) from None
        outside = outside_canada(lon, lat)
        if outside.any():
            raise CoordinateError(
                tr("Source '{source_id}': {rows} fall outside Canada once read as {crs}. {hint}").format(
                    source_id=self.source_id, rows=describe_rows(np.flatnonzero(outside) + 1), crs=crs or "EPSG:4326",
                    hint=_coordinate_hint(x[outside], y[outside], crs, declared))
            )  # fmt: skip
        return lon, lat


def available_columns(raw: RawTable) -> dict[str, np.ndarray]:
    """The columns a mapping can read: the source's own and the pseudo-column ``@row``."""
    available = dict(raw.columns)
    available["@row"] = np.array([str(i) for i in range(1, len(raw) + 1)], dtype=object)
    return available


def coordinate_hint(x: np.ndarray, y: np.ndarray, crs: str | None, declared: bool) -> str:
    """Advice on coordinates outside Canada (public: the source wizard says it too)."""
    return _coordinate_hint(x, y, crs, declared)


def _coordinate_hint(x: np.ndarray, y: np.ndarray, crs: str | None, declared: bool) -> str:
    """Advice that works: a mapping's 'crs' only applies where the source declares none."""
    if declared:
        return tr(
            "The source itself declares {crs} (so a 'crs' in the mapping does not apply): its "
            "publisher states the wrong CRS; ask them to correct it, or load a copy whose declared "
            "CRS is right."
        ).format(crs=crs)
    if (crs is None or crs.upper() == "EPSG:4326") and (np.abs(x) > 180).any():
        return tr(
            "The values look like projected metres: add their CRS to the mapping's 'geometry' object, "
            'for example "crs": "EPSG:3347" (Statistics Canada Lambert) or "crs": "EPSG:2953" '
            "(New Brunswick)."
        )
    lon_min, lat_min, lon_max, lat_max = (-141.01, 41.67, -52.61, 83.12)
    swapped = (y >= lon_min) & (y <= lon_max) & (x >= lat_min) & (x <= lat_max)
    if swapped.all():
        return tr("Longitude and latitude look swapped: exchange 'x' and 'y' in the mapping.")
    return tr("Check the coordinate columns and the 'crs' in the mapping's geometry.")


def _parse_numbers(values: np.ndarray, column: str, source_id: str) -> np.ndarray:
    out = np.full(len(values), np.nan)
    bad = []
    for i, v in enumerate(values):
        if v is None or (isinstance(v, str) and not v.strip()):
            continue
        try:
            out[i] = float(v)
        except (TypeError, ValueError):
            bad.append(i)
    if bad:
        sample = ", ".join(repr(values[i]) for i in bad[:3])
        if any(_DECIMAL_COMMA.fullmatch(str(values[i]).strip()) for i in bad):
            raise CoordinateError(
                tr(
                    "Source '{source_id}': column '{column}' has numbers written with a decimal comma "
                    "({sample} in {rows}) among numbers that cannot be read that way (decimal "
                    "points, or a comma-separated file): it is ambiguous which is meant. Write the column "
                    "with one decimal separator, or save the file separated by semicolons with decimal "
                    "commas throughout."
                ).format(
                    source_id=source_id,
                    column=column,
                    sample=sample,
                    rows=describe_rows(np.array(bad) + 1),
                )
            )
        raise CoordinateError(
            tr(
                "Source '{source_id}': column '{column}' must hold numbers but has {sample} in {rows}."
            ).format(
                source_id=source_id,
                column=column,
                sample=sample,
                rows=describe_rows(np.array(bad) + 1),
            )
        )
    return out


def _parse_rule(target: str, rule, where: str) -> FieldRule:
    if target not in FIELDS_BY_NAME:
        hint = difflib.get_close_matches(target, FIELD_NAMES, n=1)
        message = (
            tr("The {where} maps '{target}', which is not a schema field (did you mean '{hint}'?).")
            if hint
            else tr("The {where} maps '{target}', which is not a schema field.")
        )
        raise MappingError(message.format(where=where, target=target, hint=hint[0] if hint else ""))
    if target == "source_id":
        raise MappingError(
            tr("The {where} maps 'source_id'; it is set from the mapping's source_id.").format(where=where)
        )
    if isinstance(rule, str):  # shorthand: "name_en": "Office Name"
        rule = {"column": rule}
    if not isinstance(rule, dict):
        raise MappingError(
            tr("In the {where}, the rule for '{target}' must be an object.").format(
                where=where, target=target
            )
        )
    kinds = _RULE_KEYS & set(rule)
    if len(kinds) != 1:
        raise MappingError(
            tr(
                "In the {where}, the rule for '{target}' needs exactly one of 'column', 'value' or 'concat'."
            ).format(where=where, target=target)
        )
    unknown = set(rule) - _RULE_KEYS - _OPTION_KEYS
    if unknown:
        raise MappingError(
            tr("In the {where}, the rule for '{target}' has unknown keys: {unknown}.").format(
                where=where, target=target, unknown=sorted(unknown)
            )
        )
    value_map = rule.get("map") or {}
    if not isinstance(value_map, dict):
        raise MappingError(
            tr("In the {where}, 'map' of '{target}' must be an object.").format(where=where, target=target)
        )
    concat = rule.get("concat") or ()
    if "concat" in rule and (not isinstance(concat, list) or not concat):
        raise MappingError(
            tr("In the {where}, 'concat' of '{target}' must be a list of columns.").format(
                where=where, target=target
            )
        )
    return FieldRule(
        target=target,
        column=rule.get("column"),
        value=None if rule.get("value") is None else str(rule["value"]),
        concat=tuple(concat),
        separator=rule.get("separator", " "),
        split=rule.get("split"),
        value_map={str(k): str(v) for k, v in value_map.items()},
        default=rule.get("default"),
    )


def _evaluate(rule: FieldRule, available: dict, n: int) -> np.ndarray:
    if rule.value is not None:
        values = np.full(n, rule.value, dtype=object)
    elif rule.column is not None:
        values = text_column(available[rule.column])
    else:
        parts = [text_column(available[c]) for c in rule.concat]
        values = np.array(
            [rule.separator.join(p for p in row if p) or None for row in zip(*parts)],
            dtype=object,
        )
    is_list = FIELDS_BY_NAME[rule.target].type == FieldType.LIST
    if is_list or rule.value_map:
        values = np.array([_translate(v, rule, is_list) for v in values], dtype=object)
    if rule.default is not None:
        values[np.array([v is None for v in values], dtype=bool)] = rule.default
    return values


def _translate(value: str | None, rule: FieldRule, is_list: bool) -> str | None:
    if value is None:
        return None
    if not is_list:
        return rule.value_map.get(value, value)
    items = value.split(rule.split) if rule.split else [value]
    mapped = [rule.value_map.get(i.strip(), i.strip()) for i in items if i.strip()]
    # Keep first occurrence order, drop repeats (two source values may map to one code).
    return LIST_SEPARATOR.join(dict.fromkeys(mapped)) or None
