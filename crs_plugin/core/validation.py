"""Validation of service points before they are submitted (and of any layer in the schema).

Each problem has a severity (an *error* blocks a submission, a *warning* does
not), the row it concerns, the field, a short code and a sentence a contributor
understands. Checks work a column at a time: each distinct value is checked once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import shapely

from .analysis.duplicates import likely_duplicates
from .crs import outside_canada, transform_xy
from .regions import ExtentError, parse_extent
from .schema import (
    FIELDS,
    LIST_SEPARATOR,
    METRIC_CRS,
    POSTAL_PREFIXES,
    PRUID,
    REGIONAL_CHANNELS,
    STORAGE_CRS,
    FieldType,
)
from .table import PointTable

ERROR, WARNING = "error", "warning"

#: Jurisdictions whose points must be named in both official languages: federal institutions
#: (Official Languages Act) and New Brunswick (officially bilingual province).
BILINGUAL_JURISDICTIONS = frozenset({"CA", "NB"})

#: Coarse extents (lon_min, lat_min, lon_max, lat_max, EPSG:4326) of provinces and territories,
#: used when no boundary layer is given; a boundary layer makes the check exact.
PROVINCE_EXTENTS = {
    "NL": (-67.9, 46.5, -52.5, 60.5), "PE": (-64.5, 45.9, -61.9, 47.1), "NS": (-66.5, 43.3, -59.6, 47.1),
    "NB": (-69.1, 44.5, -63.7, 48.1), "QC": (-79.8, 44.9, -57.1, 62.6), "ON": (-95.2, 41.6, -74.3, 56.9),
    "MB": (-102.1, 48.9, -88.9, 60.1), "SK": (-110.1, 48.9, -101.3, 60.1), "AB": (-120.1, 48.9, -109.9, 60.1),
    "BC": (-139.1, 48.2, -114.0, 60.1), "YT": (-141.1, 59.9, -123.8, 69.7), "NT": (-136.5, 59.9, -101.9, 78.8),
    "NU": (-121.0, 51.6, -61.0, 83.2),
}  # fmt: skip
_PROVINCE_BY_PRUID = {v: k for k, v in PRUID.items()}


#: Message templates (English, French) by key.
MESSAGES = {
    "required": ("{label} is required.", "{label} : valeur obligatoire."),
    "too_long": ("{label} is longer than {n} characters.", "{label} : plus de {n} caractères."),
    "not_allowed": ("{label}: '{value}' is not one of the allowed values ({codes}).",
                    "{label} : « {value} » ne fait pas partie des valeurs permises ({codes})."),
    "bad_format": ("{label}: '{value}' is not in the expected format.",
                   "{label} : « {value} » n'est pas dans le format attendu."),
    "no_name": ("The point has no name in English or French.", "Le point n'a de nom ni en anglais ni en français."),
    "bilingual_name": ("Points of this jurisdiction are named in both official languages: {name} is empty.",
                       "Les points de cette administration sont nommés dans les deux langues officielles : "
                       "{name} est vide."),
    "no_location": ("The point has no location.", "Le point n'a pas d'emplacement."),
    "outside_canada": ("The point is outside Canada.", "Le point est hors du Canada."),
    "outside_boundary": ("The point is not in {province} (its boundary); was it placed in another province by mistake?",
                         "Le point n'est pas dans {province} (sa limite) ; a-t-il été placé dans une autre province "
                         "par erreur?"),
    "outside_extent": ("The point is not in {province} (its extent); was it placed in another province by mistake?",
                       "Le point n'est pas dans {province} (son étendue) ; a-t-il été placé dans une autre province "
                       "par erreur?"),
    "postal_code_province": ("Postal code {postal} does not belong to {prov} (its codes start with {prefixes}).",
                             "Le code postal {postal} n'appartient pas à {prov} (ses codes commencent par {prefixes})."),
    "bad_date": ("Last verified: '{value}' is not a date (YYYY-MM-DD).",
                 "Dernière vérification : « {value} » n'est pas une date (AAAA-MM-JJ)."),
    "future_date": ("Last verified date {value} is in the future.",
                    "La date de dernière vérification {value} est dans le futur."),
    "duplicate_id": ("Point ID {pid} is used twice (rows {first} and {second}).",
                     "L'ID de point {pid} est utilisé deux fois (lignes {first} et {second})."),
    "region_required": ("A call centre or digital service needs a service region (codes or a polygon).",
                        "Un centre d'appels ou un service numérique doit avoir une région desservie (codes ou "
                        "polygone)."),
    "bad_extent": ("Service region (polygon): {reason}.", "Région desservie (polygone) : {reason}."),
    "extent_outside_canada": ("The service region's polygon reaches outside Canada.",
                              "Le polygone de la région desservie dépasse le Canada."),
    "phone_expected": ("A call centre should have a phone number.",
                       "Un centre d'appels devrait avoir un numéro de téléphone."),
    "url_expected": ("A digital service should have a web page.", "Un service numérique devrait avoir une page Web."),
    "likely_duplicate": ("Likely duplicate of shared point {other} ({d:.0f} m away, score {s:.2f}); edit that point "
                         "instead of adding a new one?",
                         "Doublon probable du point partagé {other} (à {d:.0f} m, score {s:.2f}) ; modifier ce point "
                         "plutôt que d'en ajouter un nouveau?"),
}  # fmt: skip


@dataclass(frozen=True)
class Problem:
    severity: str
    row: int  # index in the validated table
    point_id: str | None
    field: str
    code: str
    message: str


def province_of(points: PointTable) -> np.ndarray:
    """Province/territory each point should be in: its ``province``, else its jurisdiction's
    (a province code, or the first two digits of a municipality's census subdivision code)."""
    out = np.full(len(points), None, dtype=object)
    for i, (prov, jur) in enumerate(zip(points.columns["province"], points.columns["jurisdiction"])):
        if prov:
            out[i] = prov
        elif jur in PROVINCE_EXTENTS:
            out[i] = jur
        elif jur and len(jur) == 7 and jur.isdigit():
            out[i] = _PROVINCE_BY_PRUID.get(jur[:2])
    return out


def validate(
    points: PointTable,
    existing: PointTable | None = None,
    boundaries: dict[str, object] | None = None,
    duplicate_distance: float = 100.0,
    today: date | None = None,
    language: str = "en",
) -> list[Problem]:
    """Every problem found in ``points``; ``existing`` (the shared points) is used to flag likely
    duplicates, ``boundaries`` (province code -> shapely polygon, EPSG:4326) for exact extents."""
    problems: list[Problem] = []
    ids = points.columns["point_id"]

    def add(severity, rows, field, code, template: str | None = None, **values):
        """One problem per row; the message is the ``template`` (by default ``code``) of MESSAGES."""
        text = MESSAGES[template or code][1 if language.startswith("fr") else 0].format(**values)
        for r in np.atleast_1d(rows):
            problems.append(Problem(severity, int(r), ids[r], field, code, text))

    for fdef in FIELDS:
        values = points.columns[fdef.name]
        empty = np.array([v in (None, "") for v in values], dtype=bool)
        if fdef.required and empty.any():
            add(ERROR, np.flatnonzero(empty), fdef.name, "required", label=fdef.label(language))
        verdicts = {}
        for v in set(values[~empty]):
            verdicts[v] = _check_value(fdef, v, language)
        for r in np.flatnonzero(~empty):
            message = verdicts[values[r]]
            if message:
                add(ERROR, r, fdef.name, "not_allowed", message[0], **message[1])

    province = province_of(points)
    _check_names(points, province, add)
    _check_locations(points, province, boundaries, add)
    _check_postal_codes(points, province, add)
    _check_dates(points, today or date.today(), add)
    _check_regions(points, add)

    seen: dict[str, int] = {}
    for r, pid in enumerate(ids):
        if pid in seen:
            add(ERROR, r, "point_id", "duplicate_id", pid=pid, first=seen[pid] + 1, second=r + 1)
        elif pid:
            seen[pid] = r
    if existing is not None and len(existing) and len(points):
        _check_duplicates(points, existing, duplicate_distance, add)
    problems.sort(key=lambda p: (p.severity != ERROR, p.row, p.field))
    return problems


def _check_value(fdef, value: str, language: str) -> tuple[str, dict] | None:
    """(message template, values) for a value the field does not allow, else None."""
    label = fdef.label(language)
    if fdef.max_length and len(value) > fdef.max_length:
        return "too_long", {"label": label, "n": fdef.max_length}
    parts = [p.strip() for p in value.split(LIST_SEPARATOR)] if fdef.type == FieldType.LIST else [value]
    bad = [p for p in parts if not fdef.allows(p)]
    if not bad:
        return None
    if fdef.choices:
        return "not_allowed", {"label": label, "value": bad[0], "codes": ", ".join(fdef.codes)}
    return "bad_format", {"label": label, "value": bad[0]}


def _check_names(points: PointTable, province: np.ndarray, add) -> None:
    en, fr = points.columns["name_en"], points.columns["name_fr"]
    jur, order = points.columns["jurisdiction"], points.columns["order_of_government"]
    for r in range(len(points)):
        if not en[r] and not fr[r]:
            add(ERROR, r, "name_en", "no_name")
            continue
        bilingual = (
            jur[r] in BILINGUAL_JURISDICTIONS
            or order[r] == "federal"
            or (order[r] == "provincial" and province[r] in BILINGUAL_JURISDICTIONS)
        )
        if bilingual and not (en[r] and fr[r]):
            missing = "name_fr" if en[r] else "name_en"
            add(ERROR, r, missing, "bilingual_name", name=missing)


def _check_locations(points: PointTable, province: np.ndarray, boundaries, add) -> None:
    lon, lat = np.asarray(points.lon, dtype=float), np.asarray(points.lat, dtype=float)
    missing = ~np.isfinite(lon) | ~np.isfinite(lat)
    # A call centre or digital service may have no counter to place: its reach is its region.
    regional = np.isin(points.columns["channel"].astype(str), list(REGIONAL_CHANNELS))
    add(ERROR, np.flatnonzero(missing & ~regional), "geom", "no_location")
    outside = outside_canada(lon, lat) & ~missing
    add(ERROR, np.flatnonzero(outside), "geom", "outside_canada")
    candidates = ~missing & ~outside
    for code in {p for p in province[candidates] if p}:
        rows = np.flatnonzero(candidates & (province == code))
        if boundaries and code in boundaries:
            inside = shapely.contains_xy(boundaries[code], lon[rows], lat[rows])
            how = "boundary"
        elif code in PROVINCE_EXTENTS:
            x0, y0, x1, y1 = PROVINCE_EXTENTS[code]
            inside = (lon[rows] >= x0) & (lon[rows] <= x1) & (lat[rows] >= y0) & (lat[rows] <= y1)
            how = "extent"
        else:
            continue
        add(ERROR, rows[~inside], "geom", "outside_jurisdiction", "outside_" + how, province=code)


def _check_regions(points: PointTable, add) -> None:
    """Call centres and digital services: a region, a readable polygon in Canada, a way to reach them."""
    channel, region, extent = (
        points.columns[n] for n in ("channel", "service_region", "service_region_extent")
    )
    for r in range(len(points)):
        if extent[r]:
            try:
                polygon = parse_extent(extent[r])
            except ExtentError as exc:
                add(ERROR, r, "service_region_extent", "bad_extent", reason=str(exc))
            else:
                x0, y0, x1, y1 = polygon.bounds
                if outside_canada(np.array([x0, x1]), np.array([y0, y1])).any():
                    add(ERROR, r, "service_region_extent", "extent_outside_canada")
        if channel[r] not in REGIONAL_CHANNELS:
            continue
        if not region[r] and not extent[r]:
            add(ERROR, r, "service_region", "region_required")
        if channel[r] == "call_centre" and not points.columns["phone"][r]:
            add(WARNING, r, "phone", "phone_expected")
        if channel[r] == "digital" and not points.columns["url"][r]:
            add(WARNING, r, "url", "url_expected")


def _check_postal_codes(points: PointTable, province: np.ndarray, add) -> None:
    postal = points.columns["postal_code"]
    for r in range(len(points)):
        code, prov = postal[r], province[r]
        if code and prov in POSTAL_PREFIXES and code[:1].upper() not in POSTAL_PREFIXES[prov]:
            add(WARNING, r, "postal_code", "postal_code_province", postal=code, prov=prov,
                prefixes=", ".join(POSTAL_PREFIXES[prov]))  # fmt: skip


def _check_dates(points: PointTable, today: date, add) -> None:
    for r, value in enumerate(points.columns["last_verified"]):
        if not value:
            continue
        try:
            when = date.fromisoformat(value)
        except ValueError:
            add(ERROR, r, "last_verified", "bad_date", value=value)
            continue
        if when > today:
            add(WARNING, r, "last_verified", "future_date", value=value)


def _check_duplicates(points: PointTable, existing: PointTable, max_distance: float, add) -> None:
    others = existing.take(~np.isin(existing.columns["point_id"], points.columns["point_id"]))
    both = [points, others]
    lon = np.concatenate([t.lon for t in both]).astype(float)
    lat = np.concatenate([t.lat for t in both]).astype(float)
    ok = np.isfinite(lon) & np.isfinite(lat)
    x, y = transform_xy(lon[ok], lat[ok], STORAGE_CRS, METRIC_CRS)
    index = np.flatnonzero(ok)

    def col(name):
        return np.concatenate([t.columns[name] for t in both])[ok]

    origin = np.concatenate([np.zeros(len(points), int), np.ones(len(others), int)])[ok]
    dup = likely_duplicates(np.column_stack([x, y]), col("name_en"), col("name_fr"), col("street_address"),
                            max_distance=max_distance, sources=origin)  # fmt: skip
    other_ids = col("point_id")
    for i, j, d, s in zip(dup.i, dup.j, dup.distance, dup.score):
        mine, theirs = (i, j) if origin[i] == 0 else (j, i)
        add(WARNING, index[mine], "point_id", "likely_duplicate", other=other_ids[theirs], d=d, s=s)
