"""crs:servicestandard — is each service standard met per province/territory and Canada, and what would meet it."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..core.analysis.official_languages import jurisdiction_name
from ..core.analysis.service_standard import check_standard, load_standards, standard_headline
from ..core.i18n import translatable
from ..core.network.distances import STRAIGHT_LINE
from ..toolbelt.qgis_compat import FieldType
from ..toolbelt.styles import style_categories, style_planned_sites
from ..toolbelt.translation import language
from .base import CrsAlgorithm, PopulationAreasMixin
from .colocation_planner import _point_wkbs
from .planning import PlanningNetworkMixin, site_names
from .road_network import DistanceMethodParameters


class ServiceStandardAlgorithm(
    PlanningNetworkMixin, DistanceMethodParameters, PopulationAreasMixin, CrsAlgorithm
):
    NAME = "servicestandard"
    DISPLAY_NAME = translatable("Service standard check")
    TAGS = (
        translatable("service standard"),
        "90 %",
        "50 km",
        translatable("set covering"),
        translatable("planning"),
    )

    STANDARDS = "STANDARDS"
    STANDARD_IDS = "STANDARD_IDS"
    OUTPUT = "OUTPUT"
    AREAS_OUTPUT = "AREAS_MAP"
    SITES_OUTPUT = "SITES"
    HEADLINES = "HEADLINES"

    def initAlgorithm(self, config=None):
        self.add_area_parameters(group_default="PRUID")
        self.add_network_parameters()
        standards = QgsProcessingParameterFile(self.STANDARDS, self.tr("Service standards file (JSON)"),
                                               extension="json", optional=True)  # fmt: skip
        standards.setHelp(self.tr("Standards with English and French names; empty: the plugin's sample file "
                                  "(the federal 90 % within 50 km)."))  # fmt: skip
        self.addParameter(standards)
        ids = QgsProcessingParameterString(self.STANDARD_IDS, self.tr("Only these standards (ids, comma-separated)"),
                                           optional=True)  # fmt: skip
        self.addParameter(ids)
        self.add_distance_method_parameters()
        self.add_solver_parameters(default=1)
        self.add_distance_crs_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Standards per jurisdiction"),
                                                            QgsProcessing.TypeVector))  # fmt: skip
        self.addParameter(QgsProcessingParameterFeatureSink(self.AREAS_OUTPUT, self.tr("Areas within each standard"),
                                                            optional=True))  # fmt: skip
        self.addParameter(QgsProcessingParameterFeatureSink(self.SITES_OUTPUT, self.tr("Sites that would meet each standard"),
                                                            QgsProcessing.TypeVectorPoint, optional=True))  # fmt: skip
        self.addOutput(QgsProcessingOutputString(self.HEADLINES, self.tr("Headlines")))

    def compute(self, parameters, context, feedback):
        lang = language()
        metric = self.metric_crs(parameters, self.DISTANCE_CRS, context)
        standards = load_standards(self.parameterAsFile(parameters, self.STANDARDS, context) or None)
        wanted = [s.strip() for s in (self.parameterAsString(parameters, self.STANDARD_IDS, context) or "").split(",")
                  if s.strip()]  # fmt: skip
        if wanted:
            unknown = sorted(set(wanted) - {s.id for s in standards})
            if unknown:
                raise QgsProcessingException(self.tr("No standard with the id {} in the file (it has {}).").format(
                    ", ".join(unknown), ", ".join(s.id for s in standards)))  # fmt: skip
            standards = [s for s in standards if s.id in wanted]
        existing, candidates = self.network_and_candidates(parameters, context, metric, feedback)
        areas, population, groups, _ = self.read_areas_with_universe(parameters, context, metric, feedback)
        model = self.distance_model(parameters, context, metric, feedback)
        distances = model or STRAIGHT_LINE
        unit = "s" if model is not None and model.unit == "s" else "m"
        limits = [s.limit(unit) for s in standards]
        solver, time_limit = self.solver_choice(parameters, context)
        feedback.setProgress(20)

        xy = areas.points()
        located = np.flatnonzero(np.isfinite(xy).all(axis=1))
        weight = np.nan_to_num(np.asarray(population, float)[located], nan=0.0)
        group = np.array(
            [str(g) if g is not None else "" for g in np.asarray(groups, dtype=object)[located]], dtype=object
        )
        demand = xy[located]
        kept = np.full(len(located), np.inf)
        if len(existing):
            kept = np.asarray(distances.nearest(demand, existing.xy)[1], dtype=float)
            kept = np.where(np.isfinite(kept), kept, np.inf)
        pair_demand, pair_site, pair_cost = distances.within(demand, candidates.xy, max(limits))
        feedback.setProgress(40)

        names = site_names(candidates, lang)
        ids = candidates.column("point_id")
        table_rows, headlines, site_rows, site_xy = [], [], [], []
        for number, standard in enumerate(standards):
            checks = check_standard(group, weight, kept, pair_demand, pair_site, pair_cost, len(candidates), standard,
                                    unit, solver, time_limit)  # fmt: skip
            for check in checks:
                line = standard_headline(check, standard, unit, lang)
                headlines.append(f"{standard.name(lang)} — {line}")
                table_rows.append([standard.id, standard.name(lang), check.jurisdiction,
                                   jurisdiction_name(check.jurisdiction, lang), standard.share,
                                   standard.reach_text(unit), check.population, check.within, check.share, check.met,
                                   check.short, len(check.sites) if check.reachable else None,
                                   ";".join(str(ids[s]) for s in check.sites), check.best_share, line])  # fmt: skip
                for rank, (site, gain) in enumerate(zip(check.sites.tolist(), check.gains.tolist())):
                    site_rows.append([standard.id, check.jurisdiction, rank + 1, ids[site], names[site],
                                      candidates.column("organization")[site],
                                      candidates.column("order_of_government")[site], gain])  # fmt: skip
                    site_xy.append(candidates.xy[site])
            feedback.setProgress(40 + 40 * (number + 1) / len(standards))
        for line in headlines:
            feedback.pushInfo(line)

        fields = QgsFields()
        for name, kind in (("standard", FieldType.String), ("standard_name", FieldType.String),
                           ("jurisdiction", FieldType.String), ("name", FieldType.String),
                           ("target_share", FieldType.Double), ("reach", FieldType.String),
                           ("population", FieldType.Double), ("pop_within", FieldType.Double),
                           ("share_within", FieldType.Double), ("met", FieldType.Bool), ("population_short", FieldType.Double),
                           ("sites_needed", FieldType.Int), ("sites", FieldType.String),
                           ("share_with_sites", FieldType.Double), ("headline", FieldType.String)):  # fmt: skip
            fields.append(QgsField(name, kind))
        dest = self.write_table(parameters, self.OUTPUT, context, fields, table_rows)
        results = {
            self.OUTPUT: dest,
            self.HEADLINES: "\n".join(headlines),
            self.POINTS_USED: candidates.description,
        }
        if parameters.get(self.SITES_OUTPUT) not in (None, ""):
            site_fields = QgsFields()
            for name, kind in (("standard", FieldType.String), ("jurisdiction", FieldType.String), ("rank", FieldType.Int),
                               ("point_id", FieldType.String), ("name", FieldType.String),
                               ("organization", FieldType.String), ("order_of_government", FieldType.String),
                               ("added_population", FieldType.Double)):  # fmt: skip
                site_fields.append(QgsField(name, kind))
            sites_dest = self.write_table(parameters, self.SITES_OUTPUT, context, site_fields, site_rows,
                                          wkbs=_point_wkbs(np.array(site_xy).reshape(-1, 2)),
                                          wkb_type=QgsWkbTypes.Point, crs=metric)  # fmt: skip
            self.style_on_load(context, sites_dest, style_planned_sites)
            results[self.SITES_OUTPUT] = sites_dest
        if parameters.get(self.AREAS_OUTPUT) not in (None, ""):
            results[self.AREAS_OUTPUT] = self._write_areas(parameters, context, feedback, areas, located, kept,
                                                           standards, limits, unit, lang)  # fmt: skip
        return results

    def _write_areas(
        self, parameters, context, feedback, areas, located, kept, standards, limits, unit, lang
    ):
        """Each area's distance to the network and whether it is within each standard's reach (the map)."""
        distance = np.full(len(areas), np.nan)
        distance[located] = np.where(np.isfinite(kept), kept, np.nan)
        measured = (QgsField("travel_min", FieldType.Double), distance / 60.0) if unit == "s" else (
            QgsField("distance_m", FieldType.Double), distance)  # fmt: skip
        columns = [measured]
        for standard, limit in zip(standards, limits):
            with np.errstate(invalid="ignore"):
                columns.append((QgsField(f"within_{standard.id}"[:60], FieldType.Bool), distance <= limit))
        dest = self.write_per_feature(parameters, self.AREAS_OUTPUT, context, feedback, self.AREAS, areas.fids, columns,
                                      progress=(85, 100))  # fmt: skip
        first = f"within_{standards[0].id}"[:60]
        fr = lang == "fr"
        categories = ((True, "#9cc6e4", f"{'à portée' if fr else 'within'} {standards[0].reach_text(unit)}"),
                      (False, "#d9843b", f"{'au-delà de' if fr else 'beyond'} {standards[0].reach_text(unit)}"))  # fmt: skip
        self.style_on_load(context, dest, lambda layer: style_categories(layer, first, categories))
        return dest
