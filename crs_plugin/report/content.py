"""The report's tables, read from the analysis outputs and written to the report's GeoPackage.

Each table holds, per jurisdiction (``jurisdiction`` = the section's code, Canada ``CA``), the
rows the layout prints: the figures as numbers (for whoever reads the GeoPackage) and as text in
the report's language (what the layout shows). Nothing is measured here: coverage and language
figures are the summaries' own rows, gaps the ranked areas of ``crs:servicegaps``, candidates the
pairs of ``crs:colocationcandidates``.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

import numpy as np
import shapely
from qgis.core import NULL, QgsFeatureRequest, QgsVectorLayer, QgsWkbTypes

from ..core import report as words
from ..core.schema import ORDERS_OF_GOVERNMENT, SERVICES
from .project import write_table


class Tables:
    """The names of one report's tables in its GeoPackage, ``<prefix>_<kind>``: the prefix comes from
    the project's name, so that reports in two languages (or on other points) sit side by side in
    one store, each project with its own tables."""

    KINDS = ("coverage_areas", "coverage_summary", "gap_areas", "gap_zones", "colocation_pairs", "language_areas",
             "language_summary", "language_unserved", "coverage", "gaps", "colocation", "languages",
             "jurisdictions", "service_points")  # fmt: skip

    def __init__(self, name: str) -> None:
        self.prefix = slug(name) or "crs_report"

    def __getattr__(self, kind: str) -> str:
        if kind in Tables.KINDS:
            return f"{self.prefix}_{kind}"
        raise AttributeError(kind)

    def planner(self, output: str) -> str:
        return f"{self.prefix}_planner_{slug(output)}"


def slug(text: str) -> str:
    """'Rapport CRS (français)' -> 'rapport_crs_francais': a table name from any text."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")


@dataclass
class Section:
    """One jurisdiction of the report (Canada's section has code ``CA``)."""

    code: str
    name: str
    geometry: object  # shapely, in the report's metric CRS
    sort_key: int = 0
    first_page: int = 0


def value(v):
    return None if v is None or v == NULL else v


def summary_rows(layer: QgsVectorLayer, key: str = "jurisdiction") -> dict[str, dict]:
    """A summary table (one row per jurisdiction) as {jurisdiction: {field: value}}."""
    names = layer.fields().names()
    return {str(f[key]): {n: value(f[n]) for n in names} for f in layer.getFeatures()}


def _float(v) -> float:
    return math.nan if v is None else float(v)


def coverage_table(
    gpkg: str, table: str, summary: dict[str, dict], thresholds_m, language: str
) -> dict[str, dict]:
    """The coverage table from crs:coverage's summary; returns the summary with Canada's row."""
    lines = words.coverage_lines(summary, thresholds_m)
    rows = []
    for line in lines:
        texts = line.texts(language)
        rows.append([line.jurisdiction, line.order, line.threshold_m, line.within, _nan_none(line.share),
                     line.total_within, _nan_none(line.total_share), texts["distance"], texts["people"],
                     texts["share"], texts["total_people"], texts["total_share"]])  # fmt: skip
    write_table(gpkg, table, [
        ("jurisdiction", str), ("line", int), ("threshold_m", float), ("people_within", float),
        ("share_within", float), ("canada_people_within", float), ("canada_share_within", float),
        ("distance", str), ("people", str), ("share", str), ("total_people", str), ("total_share", str),
    ], rows)  # fmt: skip
    return words.with_total(summary, thresholds_m)


def languages_table(gpkg: str, table: str, summary: dict[str, dict], thresholds_m, language: str) -> None:
    """The official-language table from crs:officiallanguagecoverage's summary (it has Canada's row)."""
    rows = []
    for line in words.language_lines(summary, thresholds_m):
        texts = line.texts(language)
        rows.append([line.jurisdiction, line.order, line.threshold_m, line.within, _nan_none(line.share),
                     _nan_none(line.total_share), texts["distance"], texts["people"], texts["share"],
                     texts["total_share"]])  # fmt: skip
    write_table(gpkg, table, [
        ("jurisdiction", str), ("line", int), ("threshold_m", float), ("people_within", float),
        ("share_within", float), ("canada_share_within", float), ("distance", str), ("people", str),
        ("share", str), ("total_share", str),
    ], rows)  # fmt: skip


def _nan_none(v):
    return None if v is None or (isinstance(v, float) and math.isnan(v)) else v


def gaps_table(gpkg: str, table: str, gaps: QgsVectorLayer, group_field: str | None, id_field: str | None, top: int,
               language: str, distance_field: str = "distance_m") -> None:  # fmt: skip
    """The gaps table: the ``top`` areas with most people left out, per jurisdiction and for
    Canada, in crs:servicegaps's order (people left out, most first), with their outlines."""
    request = QgsFeatureRequest().addOrderBy("gap_rank", True)
    per_section: dict[str, list] = {}
    for feature in gaps.getFeatures(request):
        group = str(value(feature[group_field])) if group_field else None
        for code in ([group] if group not in (None, "None") else []) + [words.TOTAL]:
            chosen = per_section.setdefault(code, [])
            if len(chosen) < top:
                chosen.append(feature)
    rows, wkbs = [], []
    for code, features in per_section.items():
        for rank, feature in enumerate(features, 1):
            left_out = _float(value(feature["population_left_out"]))
            measured = _float(value(feature[distance_field]))
            area = str(value(feature[id_field])) if id_field else str(feature.id())
            if distance_field.endswith("_min"):
                shown = "—" if math.isnan(measured) else f"{measured:.0f}\u00a0min"
            else:
                shown = words.distance(measured, language) if not math.isnan(measured) else "—"
            rows.append(
                [code, rank, area, left_out, _nan_none(measured), words.people(left_out, language), shown]
            )
            wkbs.append(bytes(feature.geometry().asWkb()) if feature.hasGeometry() else None)
    write_table(gpkg, table, [
        ("jurisdiction", str), ("rank", int), ("area", str), ("people_left_out", float), (distance_field, float),
        ("people", str), ("distance", str),
    ], rows, wkbs, QgsWkbTypes.multiType(QgsWkbTypes.flatType(gaps.wkbType())), gaps.crs())  # fmt: skip


def _order_label(code, language: str) -> str:
    labels = {c.code: c.label(language) for c in ORDERS_OF_GOVERNMENT}
    return labels.get(code, code or "")


def _services_label(codes, language: str, limit: int = 4) -> str:
    labels = {c.code: c.label(language) for c in SERVICES}
    names = [labels.get(c.strip(), c.strip()) for c in str(codes or "").split(";") if c.strip()]
    if len(names) > limit:
        names = names[:limit] + ["…"]
    return ", ".join(names) or "—"


def colocation_table(
    gpkg: str,
    table: str,
    pairs: QgsVectorLayer,
    sections: list[Section],
    top: int,
    language: str,
    names: dict | None = None,
) -> None:
    """The co-location table: the ``top`` closest candidate pairs per jurisdiction (where the pair's
    first point stands) and for Canada, as crs:colocationcandidates wrote them; ``names`` (point id
    -> name) gives the points' names in the report's language where the output has the other."""
    names = names or {}
    features = sorted(pairs.getFeatures(), key=lambda f: (_float(value(f["distance_m"])), f.id()))
    # A pair belongs to the jurisdiction its first point stands in, or the nearest one: points on
    # the coast may fall just outside the census areas' outline.
    starts = shapely.points(np.array([_first_vertex(f) for f in features]).reshape(-1, 2))
    parts = [s for s in sections if s.code != words.TOTAL and s.geometry is not None]
    nearest = np.full(len(features), -1)
    if len(features) and parts:
        found = shapely.STRtree([s.geometry for s in parts]).query_nearest(starts, all_matches=False)
        nearest[found[0]] = found[1]
    inside = {
        s.code: nearest == parts.index(s) if s in parts else np.zeros(len(features), bool) for s in sections
    }
    inside[words.TOTAL] = np.ones(len(features), bool)
    rows, wkbs = [], []
    for section in sections:
        chosen = np.flatnonzero(inside[section.code])[:top]
        for rank, i in enumerate(chosen, 1):
            f = features[i]
            point, partner = (
                f"{names.get(value(f[side + '_point_id'])) or value(f[side + '_name']) or ''} "
                f"({_order_label(value(f[side + '_order']), language)})"
                for side in ("a", "b")
            )
            apart = _float(value(f["distance_m"]))
            rows.append([section.code, rank, point, partner, _nan_none(apart), words.distance(apart, language),
                         _services_label(value(f["shared_services"]), language)])  # fmt: skip
            wkbs.append(bytes(f.geometry().asWkb()))
    write_table(gpkg, table, [
        ("jurisdiction", str), ("rank", int), ("point", str), ("partner", str), ("distance_m", float),
        ("apart", str), ("shared", str),
    ], rows, wkbs, QgsWkbTypes.LineString, pairs.crs())  # fmt: skip


def _first_vertex(feature) -> tuple[float, float]:
    if not feature.hasGeometry():
        return (math.nan, math.nan)
    point = feature.geometry().vertexAt(0)
    return (point.x(), point.y())


def jurisdictions_table(
    gpkg: str, table: str, sections: list[Section], details: dict[str, dict], crs
) -> None:
    """The jurisdictions, the atlas's coverage layer: one feature per section with what its
    pages print beyond the tables (headline, charts, minority sentence) and the chart's figures
    (``bands``: people per distance band, ';'-separated, nearest first)."""
    columns = [("code", str), ("name", str), ("sort_key", int), ("first_page", int), ("population", float),
               ("headline", str), ("minority", str), ("bands", str), ("chart", str), ("planner_chart", str)]  # fmt: skip
    rows, wkbs = [], []
    for section in sections:
        d = details.get(section.code, {})
        rows.append([section.code, section.name, section.sort_key, section.first_page,
                     _nan_none(d.get("population")), d.get("headline", ""), d.get("minority", ""),
                     d.get("bands", ""), d.get("chart", ""), d.get("planner_chart", "")])  # fmt: skip
        wkbs.append(shapely.to_wkb(section.geometry) if section.geometry is not None else None)
    write_table(gpkg, table, columns, rows, wkbs, QgsWkbTypes.MultiPolygon, crs)
