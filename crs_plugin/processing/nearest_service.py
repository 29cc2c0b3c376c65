"""crs:nearestservice — nearest service point(s) of each demand point or area, in metres."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDistance,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingUtils,
)
from qgis.PyQt.QtCore import QVariant

from ..core.analysis import nearest
from ..core.schema import METRIC_CRS
from .base import CrsAlgorithm


class NearestServiceAlgorithm(CrsAlgorithm):
    NAME = "nearestservice"
    DISPLAY_NAME = "Nearest service point"

    INPUT = "INPUT"
    SERVICES = "SERVICE_POINTS"
    ID_FIELD = "SERVICE_ID_FIELD"
    NAME_FIELD = "SERVICE_NAME_FIELD"
    K = "K"
    MAX_DISTANCE = "MAX_DISTANCE"
    DISTANCE_CRS = "DISTANCE_CRS"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None):
        inp = QgsProcessingParameterFeatureSource(
            self.INPUT,
            self.tr("Demand points or areas (areas use their centroid)"),
            [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon],
        )
        inp.setHelp(self.tr("Where people are: census dissemination areas, blocks or addresses."))
        self.addParameter(inp)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.SERVICES, self.tr("Service points"), [QgsProcessing.TypeVectorPoint]
            )
        )
        # Optional with defaults: QGIS 3.22's qgis_process treats a mandatory field or
        # CRS parameter left out as missing even when it has a default.
        self.addParameter(
            QgsProcessingParameterField(
                self.ID_FIELD, self.tr("Service point id field"), "point_id", self.SERVICES, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.NAME_FIELD,
                self.tr("Service point name field"),
                "name_en",
                self.SERVICES,
                optional=True,
            )
        )
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
        max_distance = QgsProcessingParameterDistance(
            self.MAX_DISTANCE, self.tr("Maximum distance (0 = no limit)"), 0.0, self.INPUT, True, 0.0
        )
        self.addParameter(max_distance)
        crs = QgsProcessingParameterCrs(
            self.DISTANCE_CRS,
            self.tr("CRS in which distances are measured (metres)"),
            METRIC_CRS,
            optional=True,
        )
        crs.setHelp(self.tr("A projected CRS in metres. Statistics Canada Lambert (EPSG:3347) by default."))
        self.addParameter(crs)
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Nearest service")))

    def compute(self, parameters, context, feedback):
        metric = self.parameterAsCrs(parameters, self.DISTANCE_CRS, context)
        if not metric.isValid():
            metric = QgsCoordinateReferenceSystem(METRIC_CRS)
        if metric.isGeographic():
            raise QgsProcessingException(
                self.tr("Distances need a projected CRS in metres, such as EPSG:3347.")
            )
        metric = QgsCoordinateReferenceSystem(metric)
        k = self.parameterAsInt(parameters, self.K, context)
        max_distance = self.parameterAsDouble(parameters, self.MAX_DISTANCE, context) or None
        id_field = self.parameterAsString(parameters, self.ID_FIELD, context) or "point_id"
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context)
        service_filter = self.service_filter(parameters, context)

        feedback.pushInfo(self.tr("Reading service points…"))
        available = self._field_names(parameters, context)
        service_filter.require_fields(available)
        optional = [f for f in (name_field, "order_of_government") if f and f in available]
        wanted = list(dict.fromkeys([id_field, *optional, *service_filter.needed_fields]))
        services = self.layer_arrays(parameters, self.SERVICES, context, wanted, metric, feedback)
        keep = service_filter.mask(services.attributes, len(services))
        service_xy = services.points()[keep]
        located = np.isfinite(service_xy).all(axis=1)
        service_rows = np.flatnonzero(keep)[located]
        service_xy = service_xy[located]
        feedback.pushInfo(
            self.tr("{} of {} service points match: {}.").format(
                len(service_rows), len(services), service_filter.describe()
            )
        )
        if feedback.isCanceled():
            return {}
        feedback.setProgress(20)

        feedback.pushInfo(self.tr("Reading demand features…"))
        demand = self.layer_arrays(parameters, self.INPUT, context, [], metric, feedback)
        result = nearest(demand.points(), service_xy, k=k, max_distance=max_distance)
        feedback.setProgress(60)

        source = self.parameterAsSource(parameters, self.INPUT, context)
        new_fields = QgsFields()
        for name, vtype in (("nearest_id", QVariant.String), ("nearest_name", QVariant.String),
                            ("nearest_order", QVariant.String), ("distance_m", QVariant.Double)):  # fmt: skip
            new_fields.append(QgsField(name, vtype))
        if k > 1:
            new_fields.append(QgsField("rank", QVariant.Int))
        fields = QgsProcessingUtils.combineFields(source.fields(), new_fields)
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, source.wkbType(), source.sourceCrs()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))

        ids = services.attributes[id_field]
        names = services.attributes.get(name_field) if name_field else None
        orders = services.attributes.get("order_of_government")
        row_of_fid = dict(zip(demand.fids.tolist(), range(len(demand))))
        total = max(len(demand), 1)
        for count, feature in enumerate(source.getFeatures()):
            if feedback.isCanceled():
                break
            row = row_of_fid.get(feature.id())
            attrs = feature.attributes()
            for rank in range(k):
                j = -1 if row is None else result.index[row, rank]
                if j < 0 and rank > 0:
                    break
                s = service_rows[j] if j >= 0 else None
                extra = [
                    _value(ids, s),
                    _value(names, s),
                    _value(orders, s),
                    float(result.distance[row, rank]) if j >= 0 else NULL,
                ]
                if k > 1:
                    extra.append(rank + 1)
                out = QgsFeature(fields)
                out.setGeometry(feature.geometry())
                out.setAttributes(attrs + extra)
                sink.addFeature(out, QgsFeatureSink.FastInsert)
            if count % 5000 == 0:
                feedback.setProgress(60 + 40 * count / total)
        return {self.OUTPUT: dest_id}

    def _field_names(self, parameters, context) -> set[str]:
        layer = self.parameterAsVectorLayer(parameters, self.SERVICES, context)
        return set(layer.fields().names()) if layer is not None else set()


def _value(column, row):
    if column is None or row is None:
        return NULL
    value = column[row]
    return NULL if value is None else str(value)
