"""The public data package: HSDS 3 CSV tables and JSON objects, a GeoJSON of locations, a
Frictionless ``datapackage.json``, a finder page, and a catalogue that loads it back.

Layout (every name fixed here; nothing read from the data becomes a path)::

    datapackage.json        Frictionless descriptor: resources, table schemas, keys, licence
    index.html              the public finder (self-contained: open it from the disk)
    README.md               what is in the package, in English and French
    locations.geojson       every location, EPSG:4326, the schema's public fields as properties
    hsds/*.csv              HSDS 3 tables
    hsds/json/*.json        HSDS 3 objects (organizations, services, locations)
    reimport/sources.json   a source catalogue for the plugin: loads locations.geojson back
    reimport/mapping.json
"""

from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..errors import CrsServicePointsError
from ..i18n import tr
from ..mapping import SAFE_SOURCE_ID
from ..schema import PUBLIC_FIELDS
from ..table import PointTable
from .hsds import FOREIGN_KEYS, REQUIRED_COLUMNS, TABLE_COLUMNS, HsdsData, build_hsds, geojson_text

#: Licences offered by name; the Open Government Licence - Canada by default.
LICENCES = {
    "OGL-Canada-2.0": ("Open Government Licence - Canada", "Licence du gouvernement ouvert - Canada",
                       "https://open.canada.ca/en/open-government-licence-canada"),
    "CC-BY-4.0": ("Creative Commons Attribution 4.0", "Creative Commons Attribution 4.0",
                  "https://creativecommons.org/licenses/by/4.0/"),
    "ODbL-1.0": ("Open Data Commons Open Database License 1.0", "Open Data Commons Open Database License 1.0",
                 "https://opendatacommons.org/licenses/odbl/1-0/"),
    "CC0-1.0": ("Creative Commons Zero 1.0", "Creative Commons Zéro 1.0",
                "https://creativecommons.org/publicdomain/zero/1.0/"),
}  # fmt: skip
DEFAULT_LICENCE = "OGL-Canada-2.0"

#: English and French titles of each table.
TABLE_TITLES = {
    "organizations": ("Organizations", "Organisations"),
    "services": ("Services", "Services"),
    "locations": ("Locations (service points)", "Emplacements (points de service)"),
    "service_at_location": ("Services offered at each location", "Services offerts à chaque emplacement"),
    "addresses": ("Addresses", "Adresses"),
    "phones": ("Phone numbers", "Numéros de téléphone"),
    "schedules": ("Opening hours", "Heures d'ouverture"),
    "languages": ("Languages of service", "Langues de service"),
    "accessibility": ("Accessibility", "Accessibilité"),
    "service_areas": ("Service areas of call centres and digital services",
                      "Régions desservies par les centres d'appels et les services numériques"),
}  # fmt: skip

CSV_FOLDER = "hsds"
JSON_FOLDER = "hsds/json"
GEOJSON = "locations.geojson"
FINDER = "index.html"
REIMPORT_FOLDER = "reimport"


@dataclass
class PackageInfo:
    """Who publishes the package, under which licence, and how it is titled (EN/FR)."""

    source_id: str = "crs_open_data"
    publisher: str = "Service Network Collaboration (CRS) working group"
    licence: str = DEFAULT_LICENCE
    title_en: str = "Government service points"
    title_fr: str = "Points de service gouvernementaux"
    description_en: str = (
        "Where federal, provincial, territorial, municipal and Indigenous governments deliver services in "
        "person, by phone and online: locations, services, hours, languages and service areas, in the "
        "Open Referral Human Services Data Specification (HSDS 3)."
    )
    description_fr: str = (
        "Où les gouvernements fédéral, provinciaux, territoriaux, municipaux et autochtones offrent leurs "
        "services en personne, par téléphone et en ligne : emplacements, services, heures, langues et "
        "régions desservies, selon la norme Open Referral Human Services Data Specification (HSDS 3)."
    )
    created: str = field(default_factory=lambda: datetime.now(timezone.utc).isoformat(timespec="seconds"))

    def check(self) -> None:
        if not SAFE_SOURCE_ID.fullmatch(self.source_id):
            raise CrsServicePointsError(
                tr(
                    "Package id {source_id!r} must be 1-64 letters, digits, '_', '.' or '-', starting with a "
                    "letter or digit."
                ).format(source_id=self.source_id)
            )
        if self.licence not in LICENCES:
            raise CrsServicePointsError(
                tr("Unknown licence {licence!r}; one of: {licences}.").format(
                    licence=self.licence, licences=", ".join(LICENCES)
                )
            )


@dataclass(frozen=True)
class PackageReport:
    folder: Path
    counts: dict[str, int]  # rows per table (and "features")

    def __str__(self) -> str:
        c = self.counts
        return (f"{c['locations']} locations, {c['services']} services of {c['organizations']} organizations "
                f"published in {self.folder}.")  # fmt: skip


def write_package(
    folder: str | Path,
    points: PointTable,
    info: PackageInfo | None = None,
    boundaries: dict | None = None,
    partnerships: list[dict] | None = None,
) -> PackageReport:
    """Write the package into ``folder`` (created if missing; the package's own files replaced).

    ``boundaries`` is a GeoJSON FeatureCollection (EPSG:4326) drawn under the finder's map;
    ``partnerships`` rows (``core.partnerships``) are published without their internal fields.
    """
    info = info or PackageInfo()
    info.check()
    folder = Path(folder)
    data = build_hsds(points)
    data.extra = partnership_tables(partnerships or [], data)
    files: dict[str, str] = {}
    for table, columns in TABLE_COLUMNS.items():
        files[f"{CSV_FOLDER}/{table}.csv"] = csv_text(data.tables[table], [c for c, _ in columns])
    for table, (columns, rows) in data.extra.items():
        files[f"{table}.csv"] = csv_text(rows, [c for c, _ in columns])
    for name, objects in data.objects().items():
        files[f"{JSON_FOLDER}/{name}.json"] = json.dumps(objects, ensure_ascii=False, indent=1) + "\n"
    files[GEOJSON] = geojson_text(data.features)
    files["datapackage.json"] = json.dumps(datapackage(info, data), ensure_ascii=False, indent=2) + "\n"
    files[f"{REIMPORT_FOLDER}/sources.json"] = json.dumps(
        reimport_catalogue(info), ensure_ascii=False, indent=2
    )
    files[f"{REIMPORT_FOLDER}/mapping.json"] = json.dumps(
        reimport_mapping(info), ensure_ascii=False, indent=2
    )
    files["README.md"] = readme(info, data)
    from .finder import finder_html  # the page's assets are only read when a package is written

    files[FINDER] = finder_html(data, info, boundaries)
    for relative, text in files.items():
        _write_text(folder / relative, text)
    counts = {t: len(rows) for t, rows in data.tables.items()}
    counts.update({t: len(rows) for t, (_, rows) in data.extra.items()})
    counts["features"] = len(data.features)
    return PackageReport(folder, counts)


def _write_text(path: Path, text: str) -> None:
    """Written beside and renamed: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    with open(partial, "w", encoding="utf-8", newline="") as out:
        out.write(text)
    os.replace(partial, path)


def csv_text(rows: list[dict], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else _csv_value(row.get(c)) for c in columns])
    return out.getvalue()


def _csv_value(value) -> str:
    if isinstance(value, float):
        return repr(value)  # the shortest text that reads back as the same number
    return str(value)


def datapackage(info: PackageInfo, data: HsdsData) -> dict:
    """The Frictionless (Data Package v1) descriptor of the package."""
    licence_en, licence_fr, licence_url = LICENCES[info.licence]
    resources = []
    for table, columns in TABLE_COLUMNS.items():
        en, fr = TABLE_TITLES[table]
        required = set(REQUIRED_COLUMNS.get(table, ("id",)))
        fields = []
        for column, kind in columns:
            spec = {"name": column, "type": kind}
            if column == "id" or column.endswith("_id") and column != "external_identifier":
                spec["format"] = "uuid"
            if column in required:
                spec["constraints"] = {"required": True}
            fields.append(spec)
        foreign = [
            {"fields": column, "reference": {"resource": target, "fields": "id"}}
            for (source, column), target in FOREIGN_KEYS.items()
            if source == table
        ]
        schema = {"fields": fields, "primaryKey": "id"}
        if foreign:
            schema["foreignKeys"] = foreign
        resources.append({
            "name": table, "path": f"{CSV_FOLDER}/{table}.csv", "profile": "tabular-data-resource",
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "title": f"{en} / {fr}", "title_en": en, "title_fr": fr,
            "description": f"HSDS 3 table '{table}': {len(data.tables[table])} rows.",
            "schema": schema,
        })  # fmt: skip
    for table, (columns, rows) in data.extra.items():
        en, fr = EXTRA_TITLES[table]
        schema = {
            "fields": [{"name": c, "type": kind, **({"constraints": {"required": True}} if c in EXTRA_REQUIRED[table]
                                                     else {})} for c, kind in columns],
            "primaryKey": EXTRA_KEYS[table],
        }  # fmt: skip
        if table == "partnership_locations":
            schema["foreignKeys"] = [
                {
                    "fields": "partnership_id",
                    "reference": {"resource": "partnerships", "fields": "partnership_id"},
                },
                {"fields": "location_id", "reference": {"resource": "locations", "fields": "id"}},
            ]
        resources.append({
            "name": table, "path": f"{table}.csv", "profile": "tabular-data-resource", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "title": f"{en} / {fr}", "title_en": en, "title_fr": fr,
            "description": f"{len(rows)} rows.", "schema": schema,
        })  # fmt: skip
    resources.append({
        "name": "locations_geojson", "path": GEOJSON, "format": "geojson", "mediatype": "application/geo+json",
        "encoding": "utf-8", "title": "Locations (GeoJSON, EPSG:4326) / Emplacements (GeoJSON, EPSG:4326)",
        "description": "Every location with the service-point schema's public fields as properties.",
    })  # fmt: skip
    for objects in ("organizations", "services", "locations"):
        resources.append({
            "name": f"{objects}_hsds_json", "path": f"{JSON_FOLDER}/{objects}.json", "format": "json",
            "mediatype": "application/json", "encoding": "utf-8",
            "title": f"HSDS 3 {objects} (JSON objects) / {objects} HSDS 3 (objets JSON)",
        })  # fmt: skip
    return {
        "profile": "data-package",  # tabular tables beside GeoJSON, JSON and HTML files
        "name": info.source_id.lower().replace("_", "-"),
        "title": f"{info.title_en} / {info.title_fr}",
        "title_en": info.title_en,
        "title_fr": info.title_fr,
        "description": f"{info.description_en}\n\n{info.description_fr}",
        "description_en": info.description_en,
        "description_fr": info.description_fr,
        "created": info.created,
        "licenses": [
            {"name": info.licence, "path": licence_url, "title": licence_en, "title_fr": licence_fr}
        ],
        "contributors": [{"title": info.publisher, "role": "publisher"}],
        "keywords": ["service points", "points de service", "HSDS", "Open Referral", "Canada"],
        "resources": resources,
    }


EXTRA_TITLES = {
    "partnerships": ("Partnerships between service points", "Partenariats entre points de service"),
    "partnership_locations": (
        "Service points of each partnership",
        "Points de service de chaque partenariat",
    ),
}
EXTRA_KEYS = {"partnerships": "partnership_id", "partnership_locations": ["partnership_id", "location_id"]}
EXTRA_REQUIRED = {
    "partnerships": ("partnership_id", "partners", "partnership_type", "status"),
    "partnership_locations": ("partnership_id", "location_id"),
}


def partnership_tables(rows: list[dict], data: HsdsData) -> dict[str, tuple[tuple, list[dict]]]:
    """Partnerships (public fields only) and their links to the published locations; links to
    points that are not published are left out, a partnership with none is not published."""
    from ..partnerships import PUBLIC_PARTNERSHIP_FIELDS, point_list

    if not rows:
        return {}
    location_of = {loc["external_identifier"]: loc["id"] for loc in data.tables["locations"]}
    partnerships, links = [], []
    for row in rows:
        located = [
            location_of[p] for p in dict.fromkeys(point_list(row.get("point_ids"))) if p in location_of
        ]
        if not located:
            continue
        partnerships.append({f.name: _text(row.get(f.name)) for f in PUBLIC_PARTNERSHIP_FIELDS
                             if f.name != "point_ids"})  # fmt: skip
        links += [{"partnership_id": row["partnership_id"], "location_id": loc} for loc in located]
    columns = tuple((f.name, "string") for f in PUBLIC_PARTNERSHIP_FIELDS if f.name != "point_ids")
    return {
        "partnerships": (columns, partnerships),
        "partnership_locations": ((("partnership_id", "string"), ("location_id", "string")), links),
    }


def _text(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def reimport_mapping(info: PackageInfo) -> dict:
    """The field mapping that reads locations.geojson back into the schema: every public field
    from the property of the same name; the record id is the point id (unique across sources)."""
    fields = {
        f.name: {"column": f.name} for f in PUBLIC_FIELDS if f.name not in ("source_id", "source_record_id")
    }
    fields["source_record_id"] = {"column": "point_id"}
    return {"source_id": info.source_id, "fields": fields}


def reimport_catalogue(info: PackageInfo) -> dict:
    return {
        "catalogue_version": "1",
        "title": f"{info.title_en} (open data package)",
        "sources": [{
            "id": info.source_id, "title_en": info.title_en, "title_fr": info.title_fr,
            "publisher": info.publisher, "licence": LICENCES[info.licence][0],
            "connector": {"type": "file", "location": f"../{GEOJSON}", "format": "geojson"},
            "mapping": "mapping.json",
        }],
    }  # fmt: skip


def readme(info: PackageInfo, data: HsdsData) -> str:
    name, title_fr, url = LICENCES[info.licence]
    tables = "\n".join(
        f"| `{CSV_FOLDER}/{t}.csv` | {TABLE_TITLES[t][0]} | {TABLE_TITLES[t][1]} | {len(rows)} |"
        for t, rows in data.tables.items()
    )
    return f"""# {info.title_en} / {info.title_fr}

{info.description_en}

{info.description_fr}

Publisher / Éditeur : {info.publisher}. Created / Créé : {info.created}.
Licence : [{name}]({url}) / [{title_fr}]({url}).

- `index.html`: a service finder; open it in a web browser, no Internet connection needed.
  Un outil de recherche de points de service; ouvrez-le dans un navigateur, sans connexion Internet.
- `datapackage.json`: Frictionless Data Package (tables, keys, licence).
- `{GEOJSON}`: every location / chaque emplacement (GeoJSON, EPSG:4326).
- `{JSON_FOLDER}/`: HSDS 3 objects / objets HSDS 3 (organizations, services, locations).
- `{REIMPORT_FOLDER}/sources.json`: a source catalogue for the CRS Service Points QGIS plugin.

| file / fichier | table | table | rows / lignes |
|---|---|---|---|
{tables}

Tables follow the Open Referral Human Services Data Specification 3.0 (HSDS), an Open Referral
resource (https://openreferral.org/). Les tables suivent la norme HSDS 3.0 d'Open Referral.
"""
