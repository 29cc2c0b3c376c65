"""Population within distance thresholds of service points, and the areas left out."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..errors import AnalysisError
from ..i18n import tr
from ..wording import ALL_AREAS, format_number, format_percent, jurisdiction_code, jurisdiction_name
from .nearest import nearest


@dataclass(frozen=True)
class CoverageResult:
    thresholds_m: tuple[float, ...]
    distance_m: np.ndarray  # (n,) distance to the nearest matching point (NaN: none)
    covered: np.ndarray  # (n, t) bool: within each threshold (inclusive)


def parse_thresholds(text: str) -> tuple[float, ...]:
    """'5, 10, 25, 50' (kilometres) -> (5000.0, 10000.0, 25000.0, 50000.0) metres, sorted."""
    try:
        values = sorted({float(v) * 1000.0 for v in str(text).replace(";", ",").split(",") if v.strip()})
    except ValueError:
        raise AnalysisError(
            tr("Distance thresholds must be numbers in kilometres, like '5, 10, 25'; got {text!r}.").format(
                text=text
            )
        ) from None
    if not values or values[0] <= 0:
        raise AnalysisError(tr("Give at least one distance threshold greater than 0 km."))
    return tuple(values)


def coverage(demand_xy: np.ndarray, service_xy: np.ndarray, thresholds_m, distances=None) -> CoverageResult:
    """Each area's distance to its nearest service point and whether it is within each threshold.

    ``distances`` is a distance model (``core.network.distances``; straight lines when None):
    by road, distances and thresholds are in its unit (metres, or seconds of travel).
    """
    thresholds = tuple(float(t) for t in thresholds_m)
    if distances is None:
        distance = nearest(demand_xy, service_xy).distance[:, 0]
    else:
        distance = distances.nearest(demand_xy, service_xy)[1]
    with np.errstate(invalid="ignore"):
        covered = distance[:, None] <= np.array(thresholds)[None, :]
    return CoverageResult(thresholds, distance, covered)


def coverage_summary(
    groups, population, result: CoverageResult, universe=None, served_by_region=None
) -> dict[str, dict]:
    """Per group: population, and population and share covered per threshold.

    Shares are of the population field's own total (people aged 65 and over within 25 km
    out of all people aged 65 and over). With a ``universe`` (all people, for those aged 65
    and over) the summary also gives it and the population's share of it. With
    ``served_by_region`` (areas in a call centre's or digital service's region, counted as
    covered at every threshold) it gives the population so served. Unknown
    (suppressed) populations count as 0 and are reported separately.
    """
    groups = np.asarray(groups, dtype=object).astype(str)
    population = np.asarray(population, dtype=float)
    known = np.isfinite(population)
    pop = np.where(known, population, 0.0)
    out = {}
    for group in sorted(set(groups.tolist())):
        sel = groups == group
        total = float(pop[sel].sum())
        row = {
            "population": total,
            "areas": int(sel.sum()),
            "areas_unknown_population": int((~known[sel]).sum()),
        }
        if universe is not None:
            people = float(np.nansum(np.asarray(universe, dtype=float)[sel]))
            row["universe"] = people
            row["share_of_universe"] = total / people if people > 0 else float("nan")
        if served_by_region is not None:
            row["pop_served_by_region"] = float(pop[sel & np.asarray(served_by_region, dtype=bool)].sum())
        for t, threshold in enumerate(result.thresholds_m):
            covered = float(pop[sel & result.covered[:, t]].sum())
            km = f"{threshold / 1000:g}"
            row[f"pop_within_{km}km"] = covered
            row[f"share_within_{km}km"] = covered / total if total > 0 else float("nan")
        out[group] = row
    return out


def with_total(
    summary: dict[str, dict], groups, population, result: CoverageResult, universe=None, served_by_region=None
) -> dict[str, dict]:
    """The summary with a last row for all areas together (when there are several groups)."""
    if len(summary) < 2:
        return summary
    everyone = np.full(len(np.asarray(groups)), ALL_AREAS, dtype=object)
    total = coverage_summary(everyone, population, result, universe, served_by_region)[ALL_AREAS]
    return {**summary, ALL_AREAS: total}  # fmt: skip


def coverage_headline(group, row: dict, share_key: str, reach: str, point: str, language: str = "en") -> str:
    """One sentence for a group: 'BC: 1,645,350 people, 96.2 % within 50 km of an in-person federal
    point'. ``share_key`` is the summary's share to give (``share_within_50km``), ``reach`` its
    threshold as text ('50 km', '45 min'), ``point`` the points' noun phrase with its article
    (ServiceFilter.point_phrase)."""
    code = jurisdiction_code(group)
    name = jurisdiction_name(group, language) if code in (ALL_AREAS, "CA") else code
    people = format_number(row["population"], language)
    share = format_percent(row[share_key], language)
    # People in a call centre's or digital service's region count as served whatever the distance:
    # the sentence says so, and how many, or it would read as distance to a counter alone.
    by_region = row.get("pop_served_by_region") or 0.0
    regions = (
        format_percent(by_region / row["population"], language) if by_region and row["population"] else ""
    )
    if language.startswith("fr"):
        line = f"{name} : {people} personnes, {share} à moins de {reach} d'{point}"
        return line + (f" ou dans la région d'un centre d'appels ou d'un service en ligne ({regions} par région)"
                       if regions else "")  # fmt: skip
    line = f"{name}: {people} people, {share} within {reach} of {point}"
    return line + (
        f" or in the region of a call centre or online service ({regions} by region)" if regions else ""
    )
