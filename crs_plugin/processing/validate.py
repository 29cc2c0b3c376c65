"""crs:validate — schema, names, location, postal codes, ids and likely duplicates, as a problem layer."""

from __future__ import annotations

from collections import Counter

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDistance,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsWkbTypes,
)

from ..core.i18n import translatable
from ..core.schema import FIELD_NAMES, PRUID, STORAGE_CRS
from ..core.table import PointTable, text_column
from ..core.validation import ERROR, WARNING, validate
from ..toolbelt.qgis_compat import METRES, FieldType
from ..toolbelt.translation import language
from .base import CrsAlgorithm


class ValidateAlgorithm(CrsAlgorithm):
    NAME = "validate"
    DISPLAY_NAME = translatable("Validate service points")
    GROUP_ID = "contribute"

    INPUT = "INPUT"
    SHARED_POINTS = "SHARED_POINTS"
    DUPLICATE_DISTANCE = "DUPLICATE_DISTANCE"
    BOUNDARIES = "BOUNDARIES"
    BOUNDARY_CODE = "BOUNDARY_CODE"
    OUTPUT = "OUTPUT"
    ERRORS = "ERRORS"
    WARNINGS = "WARNINGS"

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Service points to validate"), [QgsProcessing.TypeVectorPoint]))  # fmt: skip
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SHARED_POINTS, self.tr("Shared service points (to flag likely duplicates)"),
            [QgsProcessing.TypeVectorPoint], optional=True))  # fmt: skip
        boundaries = QgsProcessingParameterFeatureSource(
            self.BOUNDARIES, self.tr("Province/territory boundaries (exact location check)"),
            [QgsProcessing.TypeVectorPolygon], optional=True)  # fmt: skip
        boundaries.setHelp(self.tr("For example Statistics Canada's provinces boundary file. Without it, "
                                   "points are checked against each province's extent."))  # fmt: skip
        self.addParameter(boundaries)
        self.addParameter(QgsProcessingParameterField(
            self.BOUNDARY_CODE, self.tr("Boundary code field (PRUID or province code)"), "PRUID", self.BOUNDARIES,
            optional=True))  # fmt: skip
        distance = QgsProcessingParameterDistance(
            self.DUPLICATE_DISTANCE, self.tr("Likely-duplicate distance (m)"), 100.0, minValue=0
        )
        distance.setDefaultUnit(METRES)
        self.addParameter(distance)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Validation problems"), QgsProcessing.TypeVectorPoint))  # fmt: skip
        self.addOutput(QgsProcessingOutputNumber(self.ERRORS, self.tr("Errors")))
        self.addOutput(QgsProcessingOutputNumber(self.WARNINGS, self.tr("Warnings")))

    def read_points(self, parameters, name, context, feedback) -> tuple[PointTable, np.ndarray]:
        layer, _ = self.input_layer(parameters, name, context)
        present = [f for f in FIELD_NAMES if f in layer.fields().names()]
        arrays = self.layer_arrays(
            parameters, name, context, present, QgsCoordinateReferenceSystem(STORAGE_CRS), feedback
        )
        xy = arrays.points()
        columns = {f: text_column(arrays.attributes[f]) for f in present}
        return PointTable(columns, xy[:, 0], xy[:, 1]), arrays.fids

    def read_boundaries(self, parameters, context, feedback) -> dict:
        """Province code -> boundary polygon (EPSG:4326), from a PRUID or a province-code field."""
        field = self.parameterAsString(parameters, self.BOUNDARY_CODE, context) or "PRUID"
        arrays = self.layer_arrays(parameters, self.BOUNDARIES, context, [field],
                                   QgsCoordinateReferenceSystem(STORAGE_CRS), feedback)  # fmt: skip
        by_pruid = {v: k for k, v in PRUID.items()}
        codes = np.array([by_pruid.get(str(c), str(c)) for c in arrays.attributes[field]], dtype=object)
        return {code: shapely.union_all(arrays.geometries[codes == code]) for code in set(codes)}

    def compute(self, parameters, context, feedback):
        points, fids = self.read_points(parameters, self.INPUT, context, feedback)
        shared = None
        if parameters.get(self.SHARED_POINTS):
            shared, _ = self.read_points(parameters, self.SHARED_POINTS, context, feedback)
        distance = self.parameterAsDouble(parameters, self.DUPLICATE_DISTANCE, context)
        boundaries = (
            self.read_boundaries(parameters, context, feedback) if parameters.get(self.BOUNDARIES) else None
        )
        problems = validate(
            points, shared, boundaries=boundaries, duplicate_distance=distance, language=language()
        )
        fields = QgsFields()
        for name, kind in (("severity", FieldType.String), ("fid", FieldType.LongLong), ("point_id", FieldType.String),
                           ("field", FieldType.String), ("code", FieldType.String), ("message", FieldType.String)):  # fmt: skip
            fields.append(QgsField(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Point,
                                          QgsCoordinateReferenceSystem(STORAGE_CRS))  # fmt: skip
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        features = []
        for p in problems:
            feature = QgsFeature(fields)
            feature.setAttributes([p.severity, int(fids[p.row]), p.point_id, p.field, p.code, p.message])
            x, y = points.lon[p.row], points.lat[p.row]
            if np.isfinite(x) and np.isfinite(y):
                feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(x), float(y))))
            features.append(feature)
        self.add_features(sink, features, self.OUTPUT)
        counts = Counter(p.severity for p in problems)
        for p in problems[:20]:
            (feedback.reportError if p.severity == ERROR else feedback.pushWarning)(
                f"{p.point_id or ''} [{p.field}] {p.message}")  # fmt: skip
        feedback.pushInfo(
            self.tr("{} errors, {} warnings in {} points.").format(
                counts[ERROR], counts[WARNING], len(points)
            )
        )
        return {self.OUTPUT: dest, self.ERRORS: counts[ERROR], self.WARNINGS: counts[WARNING]}
