"""What a report says, in English and French: its words, its figures as a reader reads them, its
attribution, and the rows of its tables reshaped from the analysis outputs.

Pure Python (no QGIS). ``crs:report`` fills its tables from the outputs of the analyses it runs
(coverage summary, ranked gaps, co-location pairs, official-language summary): nothing here
measures a distance; it only regroups and formats what those outputs hold. The templates'
generator (scripts/make_report_templates.py) takes its headings from ``TEXT``.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass

from .filters import ServiceFilter
from .schema import CHANNELS, JURISDICTIONS, ORDERS_OF_GOVERNMENT, POINT_TYPES, SERVICES

#: Code of the all-jurisdictions section and total ("Canada").
TOTAL = "CA"
LANGUAGES = ("en", "fr")

#: Every sentence the report prints, (English, French).
TEXT: dict[str, tuple[str, str]] = {
    "title": ("Service points and the people they serve", "Les points de service et la population desservie"),
    "produced": ("Produced on {date} with CRS Service Points {version}",
                 "Produit le {date} avec CRS Service Points {version}"),
    "contents": ("Contents", "Table des matières"),
    "contents_line": ("{name}, page {page}", "{name}, page {page}"),
    "sources": ("Data sources and licences", "Sources des données et licences"),
    "method": ("Method", "Méthode"),
    "method_text": (
        "Distances are straight lines from each census area's population-weighted point (its centroid when "
        "the census layer has none) to the nearest service point, measured in {crs}. Shares are of the "
        "population of each jurisdiction; Canada is the total of every area in this report.",
        "Les distances sont mesurées en ligne droite, dans {crs}, du point pondéré par la population de chaque "
        "aire de recensement (son centroïde à défaut) au point de service le plus proche. Les parts sont "
        "celles de la population de chaque territoire; Canada désigne l'ensemble des aires du rapport.",
    ),
    "points_used": ("Service points used: {what} ({count}).", "Points de service retenus : {what} ({count})."),
    "all_points": ("every service point", "tous les points de service"),
    "filter_orders": ("order of government: {values}", "ordre de gouvernement : {values}"),
    "filter_jurisdictions": ("jurisdiction: {values}", "compétence : {values}"),
    "filter_channels": ("channel: {values}", "canal : {values}"),
    "filter_point_types": ("point type: {values}", "type de point : {values}"),
    "filter_services": ("service: {values}", "service : {values}"),
    "analyses": ("Analyses: {names}.", "Analyses : {names}."),
    "analysis_coverage": ("population coverage", "couverture de la population"),
    "analysis_gaps": ("service gaps beyond {distance}", "zones mal desservies au-delà de {distance}"),
    "analysis_colocation": ("co-location candidates within {distance}",
                            "candidats à la colocalisation à {distance} ou moins"),
    "analysis_languages": ("official-language minority coverage", "couverture des minorités de langue officielle"),
    "analysis_planner": ("co-location planner", "planificateur de colocalisation"),
    "census_source": ("Census areas and population: {layer}.", "Aires et population du recensement : {layer}."),
    "source_line": ("{title}. {publisher}. Licence: {licence}.", "{title}. {publisher}. Licence : {licence}."),
    "source_unknown": ("Source {id} (not in the source catalogue).",
                       "Source {id} (absente du catalogue des sources)."),
    "statcan": (
        "Adapted from Statistics Canada, {product}. This does not constitute an endorsement by Statistics "
        "Canada of this product.",
        "Adapté de Statistique Canada, {product}. Ceci ne constitue pas une approbation de ce produit par "
        "Statistique Canada.",
    ),
    "census_product": (
        "Census Profile, 2021 Census of Population, and 2021 Census boundary files",
        "Profil du recensement, Recensement de la population de 2021, et fichiers des limites du Recensement "
        "de 2021",
    ),
    "headline": (
        "{people} people; {share} live within {km} of a service point.",
        "{people} personnes; {share} habitent à {km} ou moins d'un point de service.",
    ),
    "map_heading": ("Service points by order of government, over population density",
                    "Points de service par ordre de gouvernement, sur la densité de population"),
    "legend": ("Legend", "Légende"),
    "layer_points": ("Service points", "Points de service"),
    "layer_density": ("Population density (people per km²)", "Densité de population (habitants par km²)"),
    "layer_boundary": ("Jurisdiction", "Territoire"),
    "layer_gaps": ("Largest service gaps (table)", "Principales zones mal desservies (tableau)"),
    "coverage_heading": ("Population within each distance of a service point",
                         "Population selon la distance d'un point de service"),
    "col_distance": ("Distance", "Distance"),
    "col_people": ("People", "Personnes"),
    "col_share": ("Share", "Part"),
    "col_total_people": ("Canada", "Canada"),
    "col_total_share": ("Canada share", "Part au Canada"),
    "within": ("within {km}", "à {km} ou moins"),
    "beyond": ("beyond {km}", "au-delà de {km}"),
    "chart_heading": ("Population by distance to the nearest service point",
                      "Population selon la distance au point de service le plus proche"),
    "chart_axis": ("People", "Personnes"),
    "gaps_heading": ("Largest service gaps: populated areas beyond [% @crs_gap_distance %] of a service point",
                     "Principales zones mal desservies : aires peuplées au-delà de [% @crs_gap_distance %] "
                     "d'un point de service"),
    "col_rank": ("Rank", "Rang"),
    "col_area": ("Census area", "Aire de recensement"),
    "col_left_out": ("People", "Personnes"),
    "col_nearest": ("Distance to the nearest point", "Distance au point le plus proche"),
    "gaps_empty": ("No populated area of this jurisdiction is beyond that distance.",
                   "Aucune aire peuplée de ce territoire n'est au-delà de cette distance."),
    "colocation_heading": ("Co-location candidates: points of different governments within "
                           "[% @crs_colocation_distance %] of each other",
                           "Candidats à la colocalisation : points de gouvernements différents à "
                           "[% @crs_colocation_distance %] ou moins l'un de l'autre"),
    "col_point": ("Point", "Point"),
    "col_partner": ("Partner point", "Point partenaire"),
    "col_apart": ("Apart", "Écart"),
    "col_shared": ("Services in common", "Services communs"),
    "colocation_empty": ("No candidate pair in this jurisdiction.", "Aucune paire candidate dans ce territoire."),
    "languages_heading": ("Official-language minority within each distance of a point serving in its language",
                          "Minorité de langue officielle selon la distance d'un point offrant des services "
                          "dans sa langue"),
    "col_minority": ("Minority people", "Personnes de la minorité"),
    "languages_empty": ("No official-language minority figures for this jurisdiction.",
                        "Aucune donnée sur la minorité de langue officielle pour ce territoire."),
    "minority_fr": ("Francophone minority (first official language French): {people} people.",
                    "Minorité francophone (première langue officielle parlée : français) : {people} personnes."),
    "minority_en": ("Anglophone minority (first official language English): {people} people.",
                    "Minorité anglophone (première langue officielle parlée : anglais) : {people} personnes."),
    "minority_both": ("Official-language minorities (French outside Quebec, English in Quebec): {people} people.",
                      "Minorités de langue officielle (français hors Québec, anglais au Québec) : {people} personnes."),
    "planner_heading": ("Co-location planner: population within reach as partner sites are added",
                        "Planificateur de colocalisation : population à portée selon les sites partenaires ajoutés"),
    "planner_x": ("Partner sites added", "Sites partenaires ajoutés"),
    "planner_y": ("Share of the population within reach", "Part de la population à portée"),
    "continued": ("(continued)", "(suite)"),
    "page": ("Page", "Page"),
    "project_name": ("CRS report (English)", "Rapport CRS (français)"),
    "template_name": ("layout to edit (then Layout › Save as Template)",
                      "mise en page à modifier (puis Mise en page › Enregistrer comme modèle)"),
}  # fmt: skip

_MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
              "novembre", "décembre")  # fmt: skip
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")  # fmt: skip
#: French typography: a no-break space groups thousands and precedes % and :.
NBSP = "\u00a0"


def text(key: str, language: str, **values) -> str:
    english, french = TEXT[key]
    template = french if str(language).startswith("fr") else english
    return template.format(**values) if values else template


def people(value, language: str) -> str:
    """A count of people as a reader reads it: 1,234,567 / 1 234 567; '—' when unknown."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    text_ = f"{round(value):,}"
    return text_.replace(",", NBSP) if language.startswith("fr") else text_


def share(value, language: str, digits: int = 1) -> str:
    """A share (0–1) as a percentage: 95.2 % / 95,2 %; '—' when undefined (no people)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    text_ = f"{100 * value:.{digits}f}"
    return text_.replace(".", ",") + NBSP + "%" if language.startswith("fr") else text_ + " %"


def distance(metres, language: str) -> str:
    """Metres as a reader reads them: 850 m, 12.5 km / 12,5 km; whole kilometres without decimals."""
    if metres is None or (isinstance(metres, float) and math.isnan(metres)):
        return "—"
    if metres < 1000:
        return f"{metres:.0f}{NBSP}m"
    km = metres / 1000.0
    text_ = f"{km:,.0f}" if km >= 100 or km == int(km) else f"{km:,.1f}"
    if language.startswith("fr"):
        text_ = text_.replace(",", NBSP).replace(".", ",")
    return f"{text_}{NBSP}km"


def long_date(day: datetime.date, language: str) -> str:
    if language.startswith("fr"):
        first = "1er" if day.day == 1 else str(day.day)
        return f"{first} {_MONTHS_FR[day.month - 1]} {day.year}"
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def within(threshold_m: float, language: str) -> str:
    return text("within", language, km=distance(threshold_m, language))


def describe_filter(service_filter: ServiceFilter, language: str) -> str:
    """Which points a report uses, with the schema's labels: 'channel: In person' / 'canal : En personne'."""
    parts = []
    for key, codes, choices in (("filter_orders", service_filter.orders, ORDERS_OF_GOVERNMENT),
                                ("filter_jurisdictions", service_filter.jurisdictions, JURISDICTIONS),
                                ("filter_channels", service_filter.channels, CHANNELS),
                                ("filter_point_types", service_filter.point_types, POINT_TYPES),
                                ("filter_services", service_filter.services, SERVICES)):  # fmt: skip
        if codes:
            labels = {c.code: c.label(language) for c in choices}
            parts.append(text(key, language, values=", ".join(labels.get(c, c) for c in codes)))
    return "; ".join(parts) or text("all_points", language)


def statcan_attribution(language: str, product: str | None = None) -> str:
    """Statistics Canada's Open Licence sentence for data adapted from one of its products."""
    return text("statcan", language, product=product or text("census_product", language))


# -- coverage -------------------------------------------------------------------------------


def km_key(threshold_m: float) -> str:
    """How the analyses name a threshold in their columns: 5000.0 -> '5' (pop_within_5km)."""
    return f"{threshold_m / 1000:g}"


def with_total(summary: dict[str, dict], thresholds_m) -> dict[str, dict]:
    """The coverage summary with Canada's row: sums of the jurisdictions' people (every
    ``pop_within_*`` and ``population`` is a sum over areas, so the total is their sum) and
    shares of those sums. A summary that already has a total keeps it."""
    if TOTAL in summary:
        return dict(summary)
    total = {"population": sum(float(r.get("population") or 0.0) for r in summary.values())}
    for t in thresholds_m:
        key = km_key(t)
        covered = sum(float(r.get(f"pop_within_{key}km") or 0.0) for r in summary.values())
        total[f"pop_within_{key}km"] = covered
        total[f"share_within_{key}km"] = (
            covered / total["population"] if total["population"] > 0 else math.nan
        )
    return {**summary, TOTAL: total}


@dataclass(frozen=True)
class CoverageLine:
    """One line of a jurisdiction's coverage table: its people within a distance, and Canada's."""

    jurisdiction: str
    order: int
    threshold_m: float
    within: float
    share: float
    total_within: float
    total_share: float

    def texts(self, language: str) -> dict[str, str]:
        return {
            "distance": within(self.threshold_m, language),
            "people": people(self.within, language),
            "share": share(self.share, language),
            "total_people": people(self.total_within, language),
            "total_share": share(self.total_share, language),
        }


def coverage_lines(summary: dict[str, dict], thresholds_m) -> list[CoverageLine]:
    """The coverage tables' lines, per jurisdiction (and Canada) and threshold, from the summary rows
    (``pop_within_<km>km``, ``share_within_<km>km``) with Canada's total beside each."""
    rows = with_total(summary, thresholds_m)
    total = rows[TOTAL]
    lines = []
    for group, row in rows.items():
        for order, t in enumerate(sorted(thresholds_m)):
            key = km_key(t)
            lines.append(CoverageLine(group, order, float(t), float(row[f"pop_within_{key}km"]),
                                      float(row[f"share_within_{key}km"]), float(total[f"pop_within_{key}km"]),
                                      float(total[f"share_within_{key}km"])))  # fmt: skip
    return lines


def distance_bands(row: dict, thresholds_m) -> list[tuple[float, float, float]]:
    """(from m, to m, people) between consecutive thresholds and beyond the last (to = inf), from
    a summary row's cumulative ``pop_within_*`` (people with no point at all count as beyond)."""
    bands, previous, lower = [], 0.0, 0.0
    for t in sorted(thresholds_m):
        covered = float(row[f"pop_within_{km_key(t)}km"])
        bands.append((lower, float(t), covered - previous))
        previous, lower = covered, float(t)
    bands.append((lower, math.inf, float(row["population"]) - previous))
    return bands


def band_label(lower: float, upper: float, language: str) -> str:
    if math.isinf(upper):
        return text("beyond", language, km=distance(lower, language))
    if lower == 0:
        return f"0–{distance(upper, language)}"
    return f"{distance(lower, language).split(NBSP)[0]}–{distance(upper, language)}"


def headline(row: dict, thresholds_m, language: str) -> str:
    """A jurisdiction in one sentence: its people and the share within the largest distance."""
    largest = max(thresholds_m)
    return text("headline", language, people=people(row["population"], language),
                share=share(row[f"share_within_{km_key(largest)}km"], language),
                km=distance(largest, language))  # fmt: skip


def minority_sentence(row: dict, language: str) -> str:
    key = {"fr": "minority_fr", "en": "minority_en"}.get(str(row.get("minority_language")), "minority_both")
    return text(key, language, people=people(row.get("minority_population"), language))


def language_lines(summary: dict[str, dict], thresholds_m) -> list[CoverageLine]:
    """The official-language tables' lines from that analysis's summary (which has its own Canada row)."""
    rows = {g: dict(r, population=r["minority_population"]) for g, r in summary.items()}
    return coverage_lines(rows, thresholds_m)
