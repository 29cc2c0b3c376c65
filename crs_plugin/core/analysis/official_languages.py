"""Official-language minorities and the service points that serve them in their language.

The official-language minority of an area is, by first official language spoken (FOLS),
the French-speaking population outside Quebec and the English-speaking population in Quebec.
People whose FOLS is "English and French" are split evenly between the two languages by
default, as Statistics Canada does when it counts official-language minorities. A point
serves an area's minority when its ``languages`` list holds the minority's language.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .. import wording
from ..schema import LIST_SEPARATOR, PRUID
from .nearest import nearest

QUEBEC = PRUID["QC"]
CANADA = "CA"


@dataclass(frozen=True)
class MinorityCoverage:
    thresholds_m: tuple[float, ...]
    province: np.ndarray  # PRUID of each area
    language: np.ndarray  # 'fr' outside Quebec, 'en' in Quebec
    minority: np.ndarray  # minority population of each area (NaN where unknown)
    distance_m: np.ndarray  # to the nearest point serving in the area's minority language (NaN: none)
    covered: np.ndarray  # (n, t) within each threshold


def minority_population(province, english, french, both, half_of_both: bool = True):
    """(language, population) of each area's official-language minority."""
    province = np.asarray(province, dtype=object).astype(str)
    in_quebec = province == QUEBEC
    english, french = np.asarray(english, dtype=float), np.asarray(french, dtype=float)
    minority = np.where(in_quebec, english, french)
    if half_of_both:  # an unknown "both" makes the minority unknown (NaN), not smaller
        minority = minority + 0.5 * np.asarray(both, dtype=float)
    return np.where(in_quebec, "en", "fr").astype(object), minority


def serves(languages, language: str) -> np.ndarray:
    """Whether each point's ``languages`` list (';'-separated codes) holds ``language``."""
    return np.array(
        [language in [p.strip() for p in str(v or "").split(LIST_SEPARATOR)] for v in languages], dtype=bool
    )


def official_language_coverage(area_xy, province, english, french, both, point_xy, point_languages,
                               thresholds_m, half_of_both: bool = True) -> MinorityCoverage:  # fmt: skip
    area_xy = np.asarray(area_xy, dtype=float).reshape(-1, 2)
    point_xy = np.asarray(point_xy, dtype=float).reshape(-1, 2)
    language, minority = minority_population(province, english, french, both, half_of_both)
    distance = np.full(len(area_xy), np.nan)
    for code in ("fr", "en"):
        areas = np.flatnonzero(language == code)
        if len(areas):
            points = point_xy[serves(point_languages, code)]
            distance[areas] = nearest(area_xy[areas], points).distance[:, 0]
    thresholds = tuple(sorted(float(t) for t in thresholds_m))
    with np.errstate(invalid="ignore"):
        covered = distance[:, None] <= np.array(thresholds)[None, :]
    return MinorityCoverage(thresholds, np.asarray(province, dtype=object).astype(str), language, minority,
                            distance, covered)  # fmt: skip


def coverage_by_jurisdiction(result: MinorityCoverage) -> dict[str, dict]:
    """Per province/territory (PRUID) and for Canada (CA): minority population and, per
    threshold, how many live within it and their share; unknown (suppressed) areas apart."""
    known = np.isfinite(result.minority)
    pop = np.where(known, result.minority, 0.0)
    out = {}
    groups = sorted(set(result.province.tolist())) + [CANADA]
    for group in groups:
        sel = np.ones(len(pop), bool) if group == CANADA else result.province == group
        if not sel.any():
            continue
        languages = sorted(set(result.language[sel].tolist()))
        total = float(pop[sel].sum())
        row = {
            "minority_language": languages[0] if len(languages) == 1 else "fr;en",
            "minority_population": total,
            "areas": int(sel.sum()),
            "areas_unknown": int((~known[sel]).sum()),
        }
        for t, threshold in enumerate(result.thresholds_m):
            km = f"{threshold / 1000:g}"
            within = float(pop[sel & result.covered[:, t]].sum())
            row[f"pop_within_{km}km"] = within
            row[f"share_within_{km}km"] = within / total if total > 0 else float("nan")
        row["pop_unserved"] = total - row[f"pop_within_{result.thresholds_m[-1] / 1000:g}km"]
        out[group] = row
    return out


def unserved_areas(result: MinorityCoverage, limit: int | None = None) -> np.ndarray:
    """Areas beyond the largest threshold with minority people, most people first."""
    beyond = ~result.covered[:, -1] & np.isfinite(result.minority) & (np.nan_to_num(result.minority) > 0)
    rows = np.flatnonzero(beyond)
    rows = rows[np.argsort(-result.minority[rows], kind="stable")]
    return rows[:limit] if limit is not None else rows


def jurisdiction_name(group: str, language: str = "en") -> str:
    return wording.jurisdiction_name(group, language)


def _number(value: float, language: str) -> str:
    return wording.format_number(round(value), language)


def _percent(share: float, language: str) -> str:
    return wording.format_percent(share, language)


def headline(group: str, row: dict, threshold_m: float, language: str = "en") -> str:
    """One sentence for a jurisdiction, in the interface language."""
    fr = language.startswith("fr")
    km = f"{threshold_m / 1000:g}"
    name = jurisdiction_name(group, "fr" if fr else "en")
    total = row["minority_population"]
    within = row[f"pop_within_{km}km"]
    share = _percent(row[f"share_within_{km}km"], "fr" if fr else "en")
    lang = row["minority_language"]
    if fr:
        who = {
            "fr": "de langue officielle française (minorité francophone)",
            "en": "de langue officielle anglaise (minorité anglophone)",
        }.get(lang, "des minorités de langue officielle")
        where = {"fr": "offrant des services en français", "en": "offrant des services en anglais"}.get(
            lang, "offrant des services dans leur langue"
        )
        return (f"{name} : {share} des {_number(total, 'fr')} personnes {who} habitent à {km} km ou moins d'un point "
                f"{where}; {_number(total - within, 'fr')} n'en ont pas.")  # fmt: skip
    who = {
        "fr": "whose first official language is French (the francophone minority)",
        "en": "whose first official language is English (the anglophone minority)",
    }.get(lang, "of official-language minorities")
    where = {"fr": "serving in French", "en": "serving in English"}.get(lang, "serving in their language")
    return (f"{name}: {share} of the {_number(total, 'en')} people {who} live within {km} km of a point {where}; "
            f"{_number(total - within, 'en')} do not.")  # fmt: skip
