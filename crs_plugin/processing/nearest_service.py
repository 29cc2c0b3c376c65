"""crs:nearestservice — nearest service point(s) of each demand point or area, in metres."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDistance,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingUtils,
    QgsWkbTypes,
)

from ..core.analysis.nearest import nearest, take
from ..core.i18n import translatable
from ..core.schema import ORDERS_OF_GOVERNMENT
from ..core.wording import capitalised
from ..toolbelt.qgis_compat import FieldType
from ..toolbelt.styles import style_distance, style_lines
from ..toolbelt.translation import language
from .base import CrsAlgorithm, as_python


class NearestServiceAlgorithm(CrsAlgorithm):
    NAME = "nearestservice"
    DISPLAY_NAME = translatable("Nearest service point")

    INPUT = "INPUT"
    ID_FIELD = "SERVICE_ID_FIELD"
    NAME_FIELD = "SERVICE_NAME_FIELD"
    K = "K"
    PER_ORDER = "PER_ORDER_OF_GOVERNMENT"
    MAX_DISTANCE = "MAX_DISTANCE"
    OUTPUT = "OUTPUT"
    LINES = "LINES"

    def initAlgorithm(self, config=None):
        inp = QgsProcessingParameterFeatureSource(
            self.INPUT,
            self.tr("Demand points or areas (areas use their centroid)"),
            [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon],
        )
        inp.setHelp(self.tr("Where people are: census dissemination areas, blocks or addresses."))
        self.addParameter(inp)
        self.add_service_points_parameter()
        # Optional with defaults: QGIS 3.22's qgis_process treats a mandatory field or
        # CRS parameter left out as missing even when it has a default.
        self.addParameter(
            QgsProcessingParameterField(
                self.ID_FIELD, self.tr("Service point id field"), "point_id", self.SERVICES, optional=True
            )
        )
        name = QgsProcessingParameterField(
            self.NAME_FIELD, self.tr("Service point name field"), None, self.SERVICES, optional=True
        )
        name.setHelp(self.tr("Empty: the name in the interface language (name_fr in French, name_en otherwise), "
                             "the other where a point has none."))  # fmt: skip
        self.addParameter(name)
        self.add_service_filter_parameters()
        k = QgsProcessingParameterNumber(
            self.K,
            self.tr("Number of nearest points (k)"),
            QgsProcessingParameterNumber.Integer,
            1,
            False,
            1,
            100,
        )
        k.setHelp(self.tr("With k > 1 each demand feature gets k output rows, ranked by distance."))
        self.addParameter(k)
        per_order = QgsProcessingParameterBoolean(
            self.PER_ORDER, self.tr("Also the nearest point of each order of government"), False
        )
        per_order.setHelp(
            self.tr("Adds nearest_<order>_id and nearest_<order>_m columns for every order of government.")
        )
        self.addParameter(per_order)
        self.addParameter(
            QgsProcessingParameterDistance(
                self.MAX_DISTANCE,
                self.tr("Maximum distance (metres, 0 = no limit)"),
                0.0,
                self.DISTANCE_CRS,
                True,
                0.0,
            )
        )
        self.add_distance_crs_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Nearest service")))
        lines = QgsProcessingParameterFeatureSink(
            self.LINES, self.tr("Lines to the nearest point"), QgsProcessing.TypeVectorLine,
            optional=True, createByDefault=False,
        )  # fmt: skip
        lines.setHelp(self.tr("A line from each area (its point) to its nearest service point, with the area's "
                              "fields, the point's id and name and the distance, as QGIS's 'Distance to nearest "
                              "hub (line to hub)'."))  # fmt: skip
        self.addParameter(lines)

    def compute(self, parameters, context, feedback):
        metric = self.metric_crs(parameters, self.DISTANCE_CRS, context)
        k = self.parameterAsInt(parameters, self.K, context)
        max_distance = self.parameterAsDouble(parameters, self.MAX_DISTANCE, context) or None
        id_field = self.parameterAsString(parameters, self.ID_FIELD, context) or "point_id"
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context)
        per_order = self.parameterAsBool(parameters, self.PER_ORDER, context)

        # The points' names in the interface language unless a field is chosen (the other one where empty).
        name_fields = [name_field] if name_field else (["name_fr", "name_en"] if language() == "fr"
                                                       else ["name_en", "name_fr"])  # fmt: skip
        fields = [id_field, *name_fields, "order_of_government"]
        services = self.service_points(
            parameters, self.SERVICES, context, metric, feedback, fields, exclude_regional=True
        )
        if feedback.isCanceled():
            return {}
        demand = self.layer_arrays(parameters, self.INPUT, context, [], metric, feedback)
        demand_xy = demand.points()
        feedback.setProgress(30)
        result = nearest(demand_xy, services.xy, k=k, max_distance=max_distance)

        found = result.index >= 0

        def pick(column):
            return take(column, result.index).reshape(-1)

        ids, orders = services.column(id_field), services.column("order_of_government")
        names = services.column(name_fields[0])
        for other in name_fields[1:]:
            names = np.where([v is None or v == "" for v in names.tolist()], services.column(other), names)
        columns = [
            (QgsField("nearest_id", FieldType.String), pick(ids)),
            (QgsField("nearest_name", FieldType.String), pick(names)),
            (QgsField("nearest_order", FieldType.String), pick(orders)),
            (QgsField("distance_m", FieldType.Double), result.distance.reshape(-1)),
        ]
        if k > 1:
            columns.append((QgsField("rank", FieldType.Int), np.tile(np.arange(1, k + 1), len(demand))))
        if per_order:
            columns += self._per_order(demand_xy, services, ids, orders, max_distance, k)
        fids = np.repeat(demand.fids, k)
        if k > 1:  # ranks beyond the points found are not written
            fids = np.where(found.reshape(-1) | (np.arange(fids.size) % k == 0), fids, -(2**62))
        feedback.setProgress(50)
        dest = self.write_per_feature(parameters, self.OUTPUT, context, feedback, self.INPUT, fids, columns,
                                      progress=(50, 85))  # fmt: skip
        lang = language()
        point = self.service_filter(parameters, context).point_phrase(lang, article=False)
        name = capitalised(self.tr("Nearest {point}").format(point=point))
        self.style_on_load(context, dest, style_distance, name)
        results = {self.OUTPUT: dest, self.POINTS_USED: services.description}
        if parameters.get(self.LINES) not in (None, ""):
            lines = self._write_lines(
                parameters, context, demand, demand_xy, services.xy, result, columns, metric
            )
            self.style_on_load(context, lines, lambda layer: style_lines(layer, "#555555", 0.3),
                               capitalised(self.tr("Lines to the nearest {point}").format(point=point)))  # fmt: skip
            results[self.LINES] = lines
        return results

    def _write_lines(self, parameters, context, demand, demand_xy, service_xy, result, columns, metric):
        """One line per area and rank found, from the area's point to the service point, with the area's fields."""
        source = self.parameterAsSource(parameters, self.INPUT, context)
        extra = QgsFields()
        for field, _ in columns:
            extra.append(field)
        fields = QgsProcessingUtils.combineFields(source.fields(), extra)
        sink, dest = self.parameterAsSink(
            parameters, self.LINES, context, fields, QgsWkbTypes.LineString, metric
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.LINES))
        k = result.index.shape[1]
        rows_of: dict[int, int] = {}
        for row, fid in enumerate(demand.fids.tolist()):
            rows_of.setdefault(fid, row)
        values = [as_python(column) for _, column in columns]
        batch = []
        for feature in source.getFeatures():
            row = rows_of.get(feature.id())
            if row is None or not np.isfinite(demand_xy[row]).all():
                continue
            for rank in range(k):
                target = result.index[row, rank]
                if target < 0:
                    continue
                line = QgsFeature(fields)
                start, end = demand_xy[row], service_xy[target]
                line.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(*start), QgsPointXY(*end)]))
                line.setAttributes(feature.attributes() + [column[row * k + rank] for column in values])
                batch.append(line)
            if len(batch) >= 2000:
                self.add_features(sink, batch, self.LINES)
                batch = []
        self.add_features(sink, batch, self.LINES)
        return dest

    @staticmethod
    def _per_order(demand_xy, services, ids, orders, max_distance, k):
        columns = []
        for choice in ORDERS_OF_GOVERNMENT:
            rows = np.flatnonzero(orders.astype(str) == choice.code)
            res = nearest(demand_xy, services.xy[rows], k=1, max_distance=max_distance)
            columns += [
                (
                    QgsField(f"nearest_{choice.code}_id", FieldType.String),
                    np.repeat(take(ids[rows], res.index[:, 0]), k),
                ),
                (QgsField(f"nearest_{choice.code}_m", FieldType.Double), np.repeat(res.distance[:, 0], k)),
            ]
        return columns
