"""Partnerships between service points: the Service Delivery Partnerships Guide's contacts and
case studies, kept beside the points they link.

A partnership names its partners, the service points involved (two or more point ids), its
type (co-location, shared front counter, referral, joint outreach), start date, status, an
internal contact, a case-study link and a summary in English and French. The table lives in
the GeoPackage store beside ``service_points`` (``partnerships``, no geometry); its fields are
defined here once, as the points' are in ``schema``, and internal ones are never published.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .gdal_exceptions import with_gdal_exceptions
from .gpkg_columns import quote_identifier
from .schema import LIST_SEPARATOR, Choice, FieldDef, FieldType

PARTNERSHIPS_TABLE = "partnerships"

PARTNERSHIP_TYPES = (
    Choice("co_location", "Co-location", "Colocalisation"),
    Choice("shared_front_counter", "Shared front counter", "Comptoir partagé"),
    Choice("referral", "Referral", "Aiguillage"),
    Choice("joint_outreach", "Joint outreach", "Services mobiles conjoints"),
)
PARTNERSHIP_STATUSES = (
    Choice("proposed", "Proposed", "Proposé"),
    Choice("active", "Active", "Actif"),
    Choice("ended", "Ended", "Terminé"),
)
_DATE = r"\d{4}-\d{2}-\d{2}"
_URL = r"https?://[^\s]+"
_EMAIL = r"[^@\s]+@[^@\s]+\.[^@\s]+"
_POINT_ID = r"[^;\s][^;]*"

PARTNERSHIP_FIELDS: tuple[FieldDef, ...] = (
    FieldDef("partnership_id", FieldType.STRING, "Partnership ID", "ID du partenariat", required=True,
             max_length=120),
    FieldDef("partners", FieldType.STRING, "Partners", "Partenaires", required=True, max_length=500,
             help_en="The partner organizations, separated by ';'.",
             help_fr="Les organisations partenaires, séparées par « ; »."),
    FieldDef("point_ids", FieldType.LIST, "Service points involved", "Points de service visés", required=True,
             pattern=_POINT_ID, help_en="Point ids, separated by ';' (two or more).",
             help_fr="Identifiants de points, séparés par « ; » (deux ou plus)."),
    FieldDef("partnership_type", FieldType.ENUM, "Type of partnership", "Type de partenariat", required=True,
             choices=PARTNERSHIP_TYPES),
    FieldDef("start_date", FieldType.DATE, "Start date", "Date de début", pattern=_DATE),
    FieldDef("status", FieldType.ENUM, "Status", "Statut", required=True, choices=PARTNERSHIP_STATUSES,
             default="active"),
    FieldDef("contact_name", FieldType.STRING, "Contact person (internal)", "Personne-ressource (interne)",
             max_length=250, internal=True),
    FieldDef("contact_email", FieldType.STRING, "Contact email (internal)",
             "Courriel de la personne-ressource (interne)", pattern=_EMAIL, max_length=250, internal=True),
    FieldDef("case_study_url", FieldType.STRING, "Case study", "Étude de cas", pattern=_URL, max_length=500),
    FieldDef("summary_en", FieldType.STRING, "Summary (English)", "Résumé (anglais)", max_length=2000),
    FieldDef("summary_fr", FieldType.STRING, "Summary (French)", "Résumé (français)", max_length=2000),
)  # fmt: skip
PARTNERSHIP_FIELD_NAMES = tuple(f.name for f in PARTNERSHIP_FIELDS)
PUBLIC_PARTNERSHIP_FIELDS = tuple(f for f in PARTNERSHIP_FIELDS if not f.internal)

MESSAGES = {
    "required": ("{label} is required.", "{label} : valeur obligatoire."),
    "not_allowed": ("{label}: '{value}' is not allowed.", "{label} : « {value} » n'est pas permis."),
    "unknown_point": ("Service point {value} does not exist.", "Le point de service {value} n'existe pas."),
    "too_few_points": ("A partnership links at least two service points.",
                       "Un partenariat relie au moins deux points de service."),
    "duplicate_id": ("Partnership ID {value} is used twice.", "L'ID de partenariat {value} est utilisé deux fois."),
    "future_start": ("The start date {value} is in the future for an active partnership.",
                     "La date de début {value} est dans le futur pour un partenariat actif."),
}  # fmt: skip


@dataclass(frozen=True)
class PartnershipProblem:
    severity: str  # "error" blocks a submission, "warning" does not
    row: int
    partnership_id: str | None
    field: str
    code: str
    message: str


def point_list(value: str | None) -> list[str]:
    return [p.strip() for p in (value or "").split(LIST_SEPARATOR) if p.strip()]


def validate_partnerships(
    rows: list[dict], point_ids: set[str] | None = None, today: date | None = None, language: str = "en"
) -> list[PartnershipProblem]:
    """Problems of partnership rows: the schema's rules, links to existing points, dates."""
    problems: list[PartnershipProblem] = []
    fr = language.startswith("fr")
    today = today or date.today()

    def add(severity, r, field, code, **values):
        text = MESSAGES[code][1 if fr else 0].format(**values)
        problems.append(PartnershipProblem(severity, r, rows[r].get("partnership_id"), field, code, text))

    seen: set[str] = set()
    for r, row in enumerate(rows):
        for fdef in PARTNERSHIP_FIELDS:
            value = row.get(fdef.name)
            if value in (None, ""):
                if fdef.required:
                    add("error", r, fdef.name, "required", label=fdef.label(language))
                continue
            parts = point_list(value) if fdef.type == FieldType.LIST else [str(value)]
            bad = [p for p in parts if not fdef.allows(p) or (fdef.max_length and len(p) > fdef.max_length)]
            if bad:
                add("error", r, fdef.name, "not_allowed", label=fdef.label(language), value=bad[0])
        points = point_list(row.get("point_ids"))
        if row.get("point_ids") and len(set(points)) < 2:
            add("error", r, "point_ids", "too_few_points")
        for pid in points if point_ids is not None else ():
            if pid not in point_ids:
                add("error", r, "point_ids", "unknown_point", value=pid)
        pid = row.get("partnership_id")
        if pid in seen:
            add("error", r, "partnership_id", "duplicate_id", value=pid)
        elif pid:
            seen.add(pid)
        start = row.get("start_date")
        if start and row.get("status") == "active":
            try:
                if date.fromisoformat(str(start)[:10]) > today:
                    add("warning", r, "start_date", "future_start", value=start)
            except ValueError:
                pass  # reported as not allowed above
    return problems


@with_gdal_exceptions
def partnerships_layer(ds):
    """The partnerships table of an open GeoPackage (GDAL data source), created if missing."""
    from osgeo import ogr

    layer = ds.GetLayerByName(PARTNERSHIPS_TABLE)
    if layer is None:
        layer = ds.CreateLayer(PARTNERSHIPS_TABLE, None, ogr.wkbNone, options=["FID=fid"])
    defn = layer.GetLayerDefn()
    for f in PARTNERSHIP_FIELDS:
        if defn.GetFieldIndex(f.name) < 0:
            field = ogr.FieldDefn(f.name, ogr.OFTDate if f.type == FieldType.DATE else ogr.OFTString)
            if f.required:
                field.SetNullable(False)
            layer.CreateField(field)
    return layer


@with_gdal_exceptions
def write_partnerships(path: str | Path, rows: list[dict]) -> None:
    """Replace the GeoPackage's partnerships with ``rows`` (one transaction)."""
    from osgeo import ogr

    ds = ogr.Open(str(path), update=1) if Path(path).exists() else ogr.GetDriverByName("GPKG").CreateDataSource(
        str(path))  # fmt: skip
    partnerships_layer(ds)
    ds = None
    names = ", ".join(quote_identifier(n) for n in PARTNERSHIP_FIELD_NAMES)
    with closing(sqlite3.connect(str(path))) as db, db:
        db.execute(f"DELETE FROM {PARTNERSHIPS_TABLE}")  # noqa: S608 - fixed name
        db.executemany(
            f"INSERT INTO {PARTNERSHIPS_TABLE} ({names}) VALUES ({', '.join('?' * len(PARTNERSHIP_FIELD_NAMES))})",  # noqa: S608
            [[row.get(n) for n in PARTNERSHIP_FIELD_NAMES] for row in rows],
        )


def read_partnerships(path: str | Path) -> list[dict]:
    """Every partnership of a GeoPackage (none when it has no partnerships table)."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        if not db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (PARTNERSHIPS_TABLE,)).fetchone():
            return []
        present = {r[1] for r in db.execute(f"PRAGMA table_info({PARTNERSHIPS_TABLE})")}
        columns = ", ".join(quote_identifier(n) if n in present else "NULL" for n in PARTNERSHIP_FIELD_NAMES)
        rows = db.execute(f"SELECT {columns} FROM {PARTNERSHIPS_TABLE} ORDER BY fid").fetchall()  # noqa: S608
    return [dict(zip(PARTNERSHIP_FIELD_NAMES, row)) for row in rows]


def partnered_pairs(rows: list[dict]) -> dict[frozenset, dict]:
    """Each pair of points that a (not ended) partnership links -> that partnership's row."""
    pairs: dict[frozenset, dict] = {}
    for row in rows:
        if row.get("status") == "ended":
            continue
        points = sorted(set(point_list(row.get("point_ids"))))
        for i, a in enumerate(points):
            for b in points[i + 1 :]:
                pairs.setdefault(frozenset((a, b)), row)
    return pairs
