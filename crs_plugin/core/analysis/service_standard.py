"""Service standards ("X % of the population within D km of a point"), checked per jurisdiction.

A standard is met in a jurisdiction when at least its share of the jurisdiction's people live
within its distance (or travel time) of a point of the network. Where it is not met, the
co-location planner's set covering finds the fewest candidate sites (anywhere: an office
across a border serves people on both sides) that would meet it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import AnalysisError
from ..i18n import tr
from .official_languages import CANADA, _number, _percent, jurisdiction_name
from .planner import coverage_problem, plan_coverage

_RESOURCES = Path(__file__).resolve().parent.parent.parent / "resources"
SAMPLE_STANDARDS = _RESOURCES / "standards" / "service_standards.json"
SCHEMA = _RESOURCES / "schemas" / "service_standards.schema.json"


@dataclass(frozen=True)
class ServiceStandard:
    id: str
    name_en: str
    name_fr: str
    share: float  # 0.9 for 90 %
    distance_km: float | None = None
    travel_minutes: float | None = None

    def name(self, language: str = "en") -> str:
        return self.name_fr if language.startswith("fr") else self.name_en

    def limit(self, unit: str) -> float:
        """The standard's reach in a distance model's unit: metres, or seconds of travel."""
        if unit == "s":
            if self.travel_minutes is None:
                raise AnalysisError(tr("The standard '{id}' gives no travel time (travel_minutes): measure distances instead, " 'or add one to the standards file.').format(id=self.id))  # fmt: skip
            return self.travel_minutes * 60.0
        if self.distance_km is None:
            raise AnalysisError(tr("The standard '{id}' gives no distance (distance_km): measure travel time instead, or " 'add one to the standards file.').format(id=self.id))  # fmt: skip
        return self.distance_km * 1000.0

    def reach_text(self, unit: str) -> str:
        return f"{self.travel_minutes:g} min" if unit == "s" else f"{self.distance_km:g} km"


def load_standards(path: str | Path | None = None) -> list[ServiceStandard]:
    """The standards of a JSON file (the sample file by default), checked against its schema."""
    path = Path(path or SAMPLE_STANDARDS)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise AnalysisError(
            tr("The service standards file {name} cannot be read: {exc}.").format(name=path.name, exc=exc)
        ) from None
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    error = next(iter(jsonschema.Draft202012Validator(schema).iter_errors(doc)), None)
    if error is not None:
        where = ".".join(str(p) for p in error.absolute_path) or "(the document)"
        raise AnalysisError(
            tr("Service standards file {name}: {where}: {message}.").format(
                name=path.name, where=where, message=error.message
            )
        )
    ids = [s["id"] for s in doc["standards"]]
    if len(set(ids)) != len(ids):
        raise AnalysisError(
            tr("Service standards file {name}: each standard needs its own id.").format(name=path.name)
        )
    return [
        ServiceStandard(
            s["id"],
            s["name_en"],
            s["name_fr"],
            s["share_percent"] / 100.0,
            s.get("distance_km"),
            s.get("travel_minutes"),
        )  # fmt: skip
        for s in doc["standards"]
    ]


@dataclass(frozen=True)
class StandardCheck:
    """One standard in one jurisdiction."""

    jurisdiction: str
    population: float
    within: float
    share: float
    met: bool
    short: float  # people short of the standard (0 when met)
    sites: np.ndarray  # candidate sites that would meet it (the fewest), in the order they add most
    gains: np.ndarray  # people each brings within reach
    reachable: bool  # whether every candidate together would meet it
    best_share: float  # the share with the sites listed
    optimal: bool  # the site count is proven the fewest
    gap: float


def check_standard(groups, weight, kept_distance, pair_demand, pair_site, pair_cost, n_sites: int,
                   standard: ServiceStandard, unit: str, solver: str = "exact",
                   time_limit: float = 60.0) -> list[StandardCheck]:  # fmt: skip
    """The standard in each jurisdiction of ``groups`` and in Canada as a whole (last).

    ``kept_distance``: each area's distance to the nearest point of the network; the pairs:
    candidate sites within reach of each area (at least the standard's reach)."""
    groups = np.asarray(groups, dtype=object).astype(str)
    weight = np.nan_to_num(np.asarray(weight, dtype=float), nan=0.0)
    limit = standard.limit(unit)
    covered = np.asarray(kept_distance, dtype=float) <= limit
    pair_cost = np.asarray(pair_cost, dtype=float)
    within = pair_cost <= limit
    pair_demand, pair_site = np.asarray(pair_demand)[within], np.asarray(pair_site)[within]
    checks = []
    for group in sorted(set(groups.tolist())) + [CANADA]:
        sel = np.ones(len(weight), bool) if group == CANADA else groups == group
        if not sel.any():
            continue
        people = np.where(sel, weight, 0.0)
        total = float(people.sum())
        reached = float(people[covered].sum())
        share = reached / total if total > 0 else float("nan")
        met = total <= 0 or reached >= standard.share * total * (1 - 1e-12)
        empty = np.zeros(0, np.int64)
        if met:
            checks.append(StandardCheck(group, total, reached, share, True, 0.0, empty, np.zeros(0), True, share,
                                        True, 0.0))  # fmt: skip
            continue
        problem = coverage_problem(people, covered, pair_demand, pair_site, n_sites)
        plan = plan_coverage(problem, solver=solver, time_limit=time_limit, target_share=standard.share)
        checks.append(StandardCheck(group, total, reached, share, False, standard.share * total - reached,
                                    plan.sites, plan.gains, bool(plan.target_met), plan.after / total,
                                    plan.optimal, plan.gap))  # fmt: skip
    return checks


def standard_headline(
    check: StandardCheck, standard: ServiceStandard, unit: str, language: str = "en"
) -> str:
    """One sentence for a jurisdiction, in the interface language."""
    fr = language.startswith("fr")
    lang = "fr" if fr else "en"
    name = jurisdiction_name(check.jurisdiction, lang)
    reach = standard.reach_text(unit)
    share, target = _percent(check.share, lang), _percent(standard.share, lang)
    people = _number(check.population, lang)
    n = len(check.sites)
    if fr:
        head = f"{name} : {share} des {people} personnes vivent à {reach} ou moins d'un point du réseau"
        if check.met:
            return f"{head}; la norme ({target} à {reach}) est respectée."
        short = f"{head}; il manque {_number(check.short, lang)} personnes pour la norme ({target} à {reach})"
        if not check.reachable:
            return f"{short}, que même tous les sites candidats n'atteindraient pas ({_percent(check.best_share, lang)})."
        fewest = "le minimum" if check.optimal else "choix glouton"
        return f"{short}; {n} site{'s' if n > 1 else ''} candidat{'s' if n > 1 else ''} la respecteraient ({fewest})."
    head = f"{name}: {share} of the {people} people live within {reach} of a point of the network"
    if check.met:
        return f"{head}; the standard ({target} within {reach}) is met."
    short = f"{head}, {_number(check.short, lang)} people short of the standard ({target} within {reach})"
    if not check.reachable:
        return f"{short}; even every candidate site would reach only {_percent(check.best_share, lang)}."
    fewest = "the fewest" if check.optimal else "greedy choice"
    return f"{short}; {n} candidate site{'s' if n != 1 else ''} would meet it ({fewest})."
