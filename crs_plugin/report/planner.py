"""The co-location planner's curve in the report, when there is one.

``crs:colocationplanner`` (issue 18) is optional for the report: when the analyst gives its
curve table (parameter ``PLANNER_CURVE``), or when the algorithm is installed and chosen, the
report draws the curve (sites added → people or share within reach). The table is read by its
columns' names, so that any version of the planner's output, or a table made by hand, works:
the number of sites, then the share (0–1 or percent) or the people within reach, optionally per
jurisdiction.
"""

from __future__ import annotations

import math

from qgis.core import NULL, QgsApplication, QgsProcessingParameterFeatureSink, QgsVectorLayer

PLANNER_ALGORITHM = "crs:colocationplanner"
SITES_FIELDS = ("sites", "sites_added", "n_sites", "site_count", "step", "rank", "order", "p")
SHARE_FIELDS = ("cumulative_share", "share_covered", "covered_share", "coverage_share", "share_within", "share",
                "coverage", "percent_covered", "pct_covered")  # fmt: skip
PEOPLE_FIELDS = ("cumulative_population", "population_covered", "covered_population", "people_covered",
                 "covered", "population")  # fmt: skip
GROUP_FIELDS = ("jurisdiction", "PRUID", "province")


def available() -> bool:
    return QgsApplication.processingRegistry().algorithmById(PLANNER_ALGORITHM) is not None


def _pick(names: list[str], candidates) -> str | None:
    lowered = {n.lower(): n for n in names}
    return next((lowered[c] for c in candidates if c in lowered), None)


def curves(layer: QgsVectorLayer) -> tuple[dict[str | None, list[tuple[float, float]]], bool]:
    """({jurisdiction or None: [(sites, value)…] sorted}, whether values are shares 0–1).
    Empty when the table has no recognisable columns."""
    names = layer.fields().names()
    sites = _pick(names, SITES_FIELDS)
    share = _pick(names, SHARE_FIELDS)
    people = _pick(names, PEOPLE_FIELDS)
    measure = share or people
    if sites is None or measure is None:
        return {}, False
    group = _pick(names, GROUP_FIELDS)
    out: dict[str | None, list] = {}
    for feature in layer.getFeatures():
        x, y = feature[sites], feature[measure]
        if x in (None, NULL) or y in (None, NULL):
            continue
        key = str(feature[group]) if group and feature[group] not in (None, NULL) else None
        out.setdefault(key, []).append((float(x), float(y)))
    as_share = share is not None
    for key, steps in out.items():
        steps.sort()
        if as_share and max(v for _, v in steps) > 1.0 + 1e-9:  # percentages
            out[key] = [(x, y / 100.0) for x, y in steps]
    return {k: v for k, v in out.items() if v and all(math.isfinite(y) for _, y in v)}, as_share


def planner_parameters(inputs: dict, destination) -> dict:
    """Parameters for the installed planner: the report's inputs under the names the planner
    declares (only those it has), and every feature sink written by ``destination(name)``."""
    algorithm = QgsApplication.processingRegistry().algorithmById(PLANNER_ALGORITHM)
    params = {}
    for definition in algorithm.parameterDefinitions():
        name = definition.name()
        if name in inputs:
            params[name] = inputs[name]
        elif isinstance(definition, QgsProcessingParameterFeatureSink):
            params[name] = destination(name.lower())
    return params
