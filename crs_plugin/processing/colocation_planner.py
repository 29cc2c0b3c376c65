"""crs:colocationplanner — which partner offices to add to a network: maximal coverage, p-median, set covering."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterDistance,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ..core.analysis.planner import (
    P_MEDIAN,
    SET_COVERING,
    Plan,
    coverage_problem,
    median_problem,
    nearer_pairs,
    plan_coverage,
    plan_median,
    plan_sentence,
)
from ..core.charts import curve_png
from ..core.errors import AnalysisError
from ..core.i18n import translatable
from ..core.network.distances import STRAIGHT_LINE
from ..core.table import number_column
from ..toolbelt.qgis_compat import FieldType
from ..toolbelt.styles import style_fill, style_planned_sites
from ..toolbelt.translation import language
from .base import CrsAlgorithm, PopulationAreasMixin
from .planning import PlanningNetworkMixin, site_names
from .road_network import DistanceMethodParameters

#: Site names written on the chart (the first few: more would overlap).
CHART_LABELS = 5


class ColocationPlannerAlgorithm(
    PlanningNetworkMixin, DistanceMethodParameters, PopulationAreasMixin, CrsAlgorithm
):
    NAME = "colocationplanner"
    DISPLAY_NAME = translatable("Co-location planner (which sites to add)")
    TAGS = (translatable("location-allocation"), translatable("maximal coverage"), "MCLP", "p-median",
            translatable("set covering"), translatable("partnership"))  # fmt: skip

    OBJECTIVE = "OBJECTIVE"
    SITES = "SITES"
    TARGET = "TARGET_PERCENT"
    BUDGET = "BUDGET"
    COST_PER_SITE = "COST_PER_SITE"
    COST_FIELD = "COST_FIELD"
    DISTANCE = "DISTANCE"
    OUTPUT = "OUTPUT"
    CURVE = "CURVE"
    UNCOVERED = "UNCOVERED"
    CHART = "CHART"
    HEADLINE = "HEADLINE"
    POPULATION_BEFORE = "POPULATION_BEFORE"
    POPULATION_AFTER = "POPULATION_AFTER"
    SITES_ADDED = "SITES_ADDED"
    GAP = "GAP"

    OBJECTIVES = (
        translatable("Maximal coverage: the most people within reach"),
        translatable("p-median: the shortest population-weighted distance"),
        translatable("Set covering: the fewest sites that reach a target share"),
    )

    def initAlgorithm(self, config=None):
        self.add_area_parameters(group_default=None)
        self.add_network_parameters()
        objective = QgsProcessingParameterEnum(self.OBJECTIVE, self.tr("Objective"), [self.tr(o) for o in self.OBJECTIVES],  # i18n: marked
                                               defaultValue=0, optional=True)  # fmt: skip
        self.addParameter(objective)
        sites = QgsProcessingParameterNumber(self.SITES, self.tr("Number of sites to add"),
                                             QgsProcessingParameterNumber.Integer, 5, True, 0)  # fmt: skip
        sites.setHelp(self.tr("For maximal coverage and p-median, unless a budget is given."))
        self.addParameter(sites)
        target = QgsProcessingParameterNumber(self.TARGET, self.tr("Coverage target (% of the population), set covering"),
                                              QgsProcessingParameterNumber.Double, 90.0, True, 0.0, 100.0)  # fmt: skip
        self.addParameter(target)
        budget = QgsProcessingParameterNumber(self.BUDGET, self.tr("Budget (0: limit by the number of sites)"),
                                              QgsProcessingParameterNumber.Double, 0.0, True, 0.0)  # fmt: skip
        budget.setHelp(self.tr("Sites are added while their costs fit in the budget."))
        self.addParameter(budget)
        self.addParameter(QgsProcessingParameterNumber(self.COST_PER_SITE, self.tr("Cost per site"),
                                                       QgsProcessingParameterNumber.Double, 1.0, True, 1e-9))  # fmt: skip
        cost_field = QgsProcessingParameterField(self.COST_FIELD, self.tr("Cost field of the candidate sites (optional)"),
                                                 None, self.SERVICES, QgsProcessingParameterField.Numeric, optional=True)  # fmt: skip
        cost_field.setHelp(self.tr("Each site's cost; sites without a value cost the cost per site."))
        self.addParameter(cost_field)
        distance = QgsProcessingParameterDistance(self.DISTANCE, self.tr("Coverage distance (metres)"), 50000.0,
                                                  self.DISTANCE_CRS, True, 1.0)  # fmt: skip
        distance.setHelp(self.tr("People within this distance of an open point are covered (50 km: the federal "
                                 "in-person service standard)."))  # fmt: skip
        self.addParameter(distance)
        self.add_distance_method_parameters(minutes_default=45.0)
        self.add_solver_parameters()
        self.add_distance_crs_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Sites to add (in order)"),
                                                            QgsProcessing.TypeVectorPoint))  # fmt: skip
        self.addParameter(QgsProcessingParameterFeatureSink(self.CURVE, self.tr("Coverage curve"),
                                                            QgsProcessing.TypeVector, optional=True))  # fmt: skip
        self.addParameter(QgsProcessingParameterFeatureSink(self.UNCOVERED, self.tr("Areas still uncovered"),
                                                            QgsProcessing.TypeVectorAnyGeometry, optional=True))  # fmt: skip
        self.addParameter(QgsProcessingParameterFileDestination(self.CHART, self.tr("Coverage curve chart"),
                                                                self.tr("PNG images (*.png)"), optional=True))  # fmt: skip
        self.addOutput(QgsProcessingOutputString(self.HEADLINE, self.tr("Summary sentence")))
        for name, label in ((self.POPULATION_BEFORE, self.tr("Population within reach before")),
                            (self.POPULATION_AFTER, self.tr("Population within reach after")),
                            (self.SITES_ADDED, self.tr("Sites added")), (self.GAP, self.tr("Gap to the bound"))):  # fmt: skip
            self.addOutput(QgsProcessingOutputNumber(name, label))

    # -- running --------------------------------------------------------------------------------

    def compute(self, parameters, context, feedback):
        lang = language()
        metric = self.metric_crs(parameters, self.DISTANCE_CRS, context)
        objective = self.parameterAsEnum(parameters, self.OBJECTIVE, context)
        cost_field = self.parameterAsString(parameters, self.COST_FIELD, context) or None
        existing, candidates = self.network_and_candidates(parameters, context, metric, feedback,
                                                           (cost_field,) if cost_field else ())  # fmt: skip
        areas, population, _, _ = self.read_areas_with_universe(parameters, context, metric, feedback)
        model = self.distance_model(parameters, context, metric, feedback)
        distances = model or STRAIGHT_LINE
        by_time = model is not None and model.unit == "s"
        reach = self.limit(parameters, context, model, self.DISTANCE)
        if not reach > 0:
            raise QgsProcessingException(self.tr("The coverage distance must be greater than 0."))
        reach_text = f"{reach / 60:g} min" if by_time else f"{reach / 1000:g} km"
        feedback.setProgress(20)

        xy = areas.points()
        located = np.flatnonzero(np.isfinite(xy).all(axis=1))
        weight = np.zeros(len(areas))
        weight[located] = np.nan_to_num(np.asarray(population, float)[located], nan=0.0)
        demand = xy[located]
        kept = np.full(len(located), np.inf)
        if len(existing):
            kept = np.asarray(distances.nearest(demand, existing.xy)[1], dtype=float)
            kept = np.where(np.isfinite(kept), kept, np.inf)
        else:
            feedback.pushWarning(
                self.tr("No existing point passes the network's filters: sites are planned from scratch.")
            )
        costs = self._costs(parameters, context, candidates, cost_field)
        budget = self.parameterAsDouble(parameters, self.BUDGET, context)
        limit = {"sites": None, "budget": budget, "costs": costs} if budget > 0 else {
            "sites": self.parameterAsInt(parameters, self.SITES, context), "budget": None,
            "costs": costs if cost_field else None}  # fmt: skip
        solver, time_limit = self.solver_choice(parameters, context)
        feedback.setProgress(35)
        try:
            if objective == 1:
                plan, covered_after, served = self._median(weight[located], kept, demand, candidates, distances,
                                                          reach, limit, solver, time_limit)  # fmt: skip
            else:
                pair_demand, pair_site, _ = distances.within(demand, candidates.xy, reach)
                problem = coverage_problem(
                    weight[located], kept <= reach, pair_demand, pair_site, len(candidates)
                )
                target = (
                    self.parameterAsDouble(parameters, self.TARGET, context) / 100.0
                    if objective == 2
                    else None
                )
                if target is not None:
                    limit = {"costs": costs if cost_field or budget > 0 else None}
                plan = plan_coverage(
                    problem, solver=solver, time_limit=time_limit, target_share=target, **limit
                )
                covered_after, served = problem.covered_by(plan.sites), None
        except AnalysisError as exc:
            raise QgsProcessingException(str(exc)) from None
        if feedback.isCanceled():
            return {}
        feedback.setProgress(70)
        sentence = plan_sentence(plan, reach_text, lang, "s" if by_time else "m")
        feedback.pushInfo(sentence)
        for note in plan.notes:
            feedback.pushWarning(note)  # translated where it is written (core.i18n)
        if plan.bound_kind == "LP" and plan.solver == "greedy" and plan.objective != SET_COVERING:
            feedback.pushInfo(self.tr("Greedy guarantee: at least 63.2 % (1 − 1/e) of the best possible; this "
                                      "choice is within {:.2%} of the LP bound.").format(plan.gap))  # fmt: skip

        names = site_names(candidates, lang)
        covered_total = float(weight[located][covered_after].sum())
        rows, fields = self._site_rows(plan, candidates, names, costs, served, by_time)
        for row in rows:
            feedback.pushInfo("  " + " · ".join(str(v) for v in row[:3] + row[7:8]))
        dest = self.write_table(parameters, self.OUTPUT, context, fields, rows,
                                wkbs=_point_wkbs(candidates.xy[plan.sites]), wkb_type=QgsWkbTypes.Point, crs=metric)  # fmt: skip
        self.style_on_load(context, dest, style_planned_sites)
        results = {self.OUTPUT: dest, self.HEADLINE: sentence, self.SITES_ADDED: len(plan.sites),
                   self.POPULATION_BEFORE: float(weight[located][kept <= reach].sum()),
                   self.POPULATION_AFTER: covered_total, self.GAP: float(plan.gap) if np.isfinite(plan.gap) else -1.0,
                   self.POINTS_USED: candidates.description}  # fmt: skip
        curve_fields, curve_rows = self._curve_rows(plan, candidates, names, by_time)
        if parameters.get(self.CURVE) not in (None, ""):
            results[self.CURVE] = self.write_table(parameters, self.CURVE, context, curve_fields, curve_rows)
        if parameters.get(self.UNCOVERED) not in (None, ""):
            results[self.UNCOVERED] = self._write_uncovered(parameters, context, feedback, areas, located, weight,
                                                            covered_after, demand, existing, candidates, plan,
                                                            distances, by_time)  # fmt: skip
        chart = self.parameterAsFileOutput(parameters, self.CHART, context)
        if chart:
            try:
                results[self.CHART] = str(self._chart(chart, plan, names, reach_text, by_time))
            except AnalysisError as exc:
                feedback.pushWarning(str(exc))
        feedback.setProgress(100)
        return results

    def _costs(self, parameters, context, candidates, cost_field) -> np.ndarray:
        default = self.parameterAsDouble(parameters, self.COST_PER_SITE, context) or 1.0
        costs = np.full(len(candidates), float(default))
        if cost_field:
            values = number_column(candidates.column(cost_field))[0]
            usable = np.isfinite(values) & (values > 0)
            costs[usable] = values[usable]
        return costs

    def _median(self, weight, kept, demand, candidates, distances, reach, limit, solver, time_limit):
        # Without an existing point, distances beyond the coverage distance count as it.
        cap = None if np.isfinite(kept).any() else reach
        cap_value = cap if cap is not None else float(kept[np.isfinite(kept)].max())
        before = np.minimum(np.where(np.isfinite(kept), kept, cap_value), cap_value)
        pair_demand, pair_site, pair_cost = nearer_pairs(distances, demand, candidates.xy, before)
        problem = median_problem(weight, kept, pair_demand, pair_site, pair_cost, len(candidates), cap)
        plan = plan_median(problem, solver=solver, time_limit=time_limit, **limit)
        final = problem.distances_with(plan.sites)
        return plan, final <= reach, problem.people_served(plan.sites)

    # -- outputs --------------------------------------------------------------------------------

    def _site_rows(self, plan: Plan, candidates, names, costs, served, by_time):
        fields = QgsFields()
        specs = [("rank", FieldType.Int), ("point_id", FieldType.String), ("name", FieldType.String),
                 ("organization", FieldType.String), ("order_of_government", FieldType.String),
                 ("province", FieldType.String), ("cost", FieldType.Double)]  # fmt: skip
        if plan.objective == P_MEDIAN:
            unit = "min" if by_time else "km"
            specs += [("people_served", FieldType.Double), (f"mean_{'travel' if by_time else 'distance'}_{unit}",
                                                           FieldType.Double)]  # fmt: skip
        else:
            specs += [("added_population", FieldType.Double), ("population_within", FieldType.Double),
                      ("share_within", FieldType.Double)]  # fmt: skip
        for name, kind in specs:
            fields.append(QgsField(name, kind))
        curve = plan.curve
        total = max(plan.total, 1e-12)
        scale = 60.0 if by_time else 1000.0
        rows = []
        for rank, site in enumerate(plan.sites.tolist()):
            row = [rank + 1, candidates.column("point_id")[site], names[site], candidates.column("organization")[site],
                   candidates.column("order_of_government")[site], candidates.column("province")[site],
                   float(costs[site])]  # fmt: skip
            if plan.objective == P_MEDIAN:
                row += [float(served[rank]), curve[rank + 1] / total / scale]
            else:
                row += [float(plan.gains[rank]), float(curve[rank + 1]), float(curve[rank + 1] / total)]
            rows.append(row)
        return rows, fields

    def _curve_rows(self, plan: Plan, candidates, names, by_time):
        fields = QgsFields()
        median = plan.objective == P_MEDIAN
        unit = "min" if by_time else "km"
        value = f"mean_{'travel' if by_time else 'distance'}_{unit}" if median else "population_within"
        for name, kind in (("sites_added", FieldType.Int), ("point_id", FieldType.String), ("name", FieldType.String),
                           (value, FieldType.Double), ("share_within" if not median else "distance_saved_pct",
                                                      FieldType.Double)):  # fmt: skip
            fields.append(QgsField(name, kind))
        total, scale = max(plan.total, 1e-12), 60.0 if by_time else 1000.0
        rows = []
        for k, cumulative in enumerate(plan.curve.tolist()):
            site = plan.sites[k - 1] if k else None
            ident = candidates.column("point_id")[site] if site is not None else None
            name = names[site] if site is not None else self.tr("existing points only")
            if median:
                saved = 1.0 - cumulative / plan.before if plan.before > 0 else 0.0
                rows.append([k, ident, name, cumulative / total / scale, saved])
            else:
                rows.append([k, ident, name, cumulative, cumulative / total])
        return fields, rows

    def _write_uncovered(self, parameters, context, feedback, areas, located, weight, covered_after, demand,
                         existing, candidates, plan, distances, by_time):  # fmt: skip
        uncovered = np.ones(len(areas), bool)
        uncovered[located] = ~covered_after
        uncovered &= weight > 0
        rows = np.flatnonzero(uncovered)
        rows = rows[np.argsort(-weight[rows], kind="stable")]
        distance = np.full(len(rows), np.nan)
        open_xy = np.vstack([existing.xy, candidates.xy[plan.sites]])
        where = np.searchsorted(located, rows)
        placed = (where < len(located)) & (located[np.minimum(where, len(located) - 1)] == rows)
        if len(open_xy) and placed.any():
            found = np.asarray(distances.nearest(demand[where[placed]], open_xy)[1], dtype=float)
            distance[placed] = found
        measured = (QgsField("travel_min", FieldType.Double), distance / 60.0) if by_time else (
            QgsField("distance_m", FieldType.Double), distance)  # fmt: skip
        columns = [(QgsField("uncovered_rank", FieldType.Int), np.arange(1, len(rows) + 1)),
                   (QgsField("population_uncovered", FieldType.Double), weight[rows]), measured]  # fmt: skip
        feedback.pushInfo(
            self.tr("{} areas ({:,.0f} people) remain beyond reach.").format(len(rows), weight[rows].sum())
        )
        dest = self.write_per_feature(parameters, self.UNCOVERED, context, feedback, self.AREAS, areas.fids[rows],
                                      columns, progress=(80, 95), only_listed=True)  # fmt: skip
        self.style_on_load(context, dest, lambda layer: style_fill(layer, "#d9843b", 0.75))
        return dest

    def _chart(self, path, plan: Plan, names, reach_text, by_time):
        median = plan.objective == P_MEDIAN
        x = list(range(len(plan.curve)))
        total = max(plan.total, 1e-12)
        labels = [_short(names[s]) for s in plan.sites[:CHART_LABELS].tolist()]
        if median:
            unit = "min" if by_time else "km"
            y = (plan.curve / total / (60.0 if by_time else 1000.0)).tolist()
            return curve_png(path, x, y, self.tr("Population-weighted mean distance to the nearest point"),
                             self.tr("Sites added"), self.tr("Mean distance ({})").format(unit), labels=labels)  # fmt: skip
        y = (100.0 * plan.curve / total).tolist()
        target = 100.0 * plan.target / total if plan.objective == SET_COVERING and plan.target else None
        return curve_png(path, x, y, self.tr("Population within {} of an open point").format(reach_text),
                         self.tr("Sites added"), self.tr("Population within reach (%)"), target=target,
                         target_label=self.tr("target") if target is not None else "", labels=labels)  # fmt: skip


def _short(text: str, size: int = 28) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def _point_wkbs(xy: np.ndarray):
    import shapely

    return shapely.to_wkb(shapely.points(np.asarray(xy, float).reshape(-1, 2))) if len(xy) else []
