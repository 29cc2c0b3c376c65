"""crs:publishopendata — a public data package (HSDS 3, GeoJSON, Frictionless) with a finder page."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterProviderConnection,
    QgsProcessingParameterString,
)

from ..core.i18n import translatable
from ..core.opendata.package import DEFAULT_LICENCE, FINDER, LICENCES, PackageInfo, write_package
from ..core.partnerships import read_partnerships
from ..core.regions import boundary_collection
from ..core.schema import FIELD_NAMES, STORAGE_CRS
from ..core.table import PointTable, text_column
from ..toolbelt.translation import language
from .base import CrsAlgorithm
from .layer_arrays import ogr_location

BOUNDARIES_FILE = "boundaries.geojson"


class PublishOpenDataAlgorithm(CrsAlgorithm):
    NAME = "publishopendata"
    DISPLAY_NAME = translatable("Publish open data for public finders")
    GROUP_ID = "sources"
    TAGS = (
        translatable("open data"),
        "HSDS",
        "Open Referral",
        translatable("finder"),
        "GeoJSON",
        "Frictionless",
    )

    SHARED_STORE = "SHARED_STORE"
    BOUNDARIES = "BOUNDARIES"
    BOUNDARY_FIELD = "BOUNDARY_CODE_FIELD"
    PACKAGE_ID = "PACKAGE_ID"
    PUBLISHER = "PUBLISHER"
    LICENCE = "LICENCE"
    TITLE_EN = "TITLE_EN"
    TITLE_FR = "TITLE_FR"
    OUTPUT = "OUTPUT"
    FINDER_PAGE = "FINDER"
    LOCATIONS = "LOCATIONS"
    SERVICES_PUBLISHED = "SERVICES_PUBLISHED"

    def initAlgorithm(self, config=None):
        points = QgsProcessingParameterFeatureSource(
            self.SERVICES, self.tr("Service points (a layer in the common schema)"), [QgsProcessing.TypeVectorPoint],
            optional=True,
        )  # fmt: skip
        points.setHelp(self.tr("The GeoPackage store's service_points layer (or the shared store's, added from its "
                               "PostgreSQL connection). Leave empty to read the shared store below."))  # fmt: skip
        self.addParameter(points)
        store = QgsProcessingParameterProviderConnection(
            self.SHARED_STORE, self.tr("Or: shared store (PostgreSQL connection)"), "postgres", optional=True
        )
        store.setHelp(self.tr("Publish every point of the shared store; its password stays in QGIS."))
        self.addParameter(store)
        boundaries = QgsProcessingParameterFeatureSource(
            self.BOUNDARIES, self.tr("Boundaries drawn under the finder's map (optional)"),
            [QgsProcessing.TypeVectorPolygon], optional=True,
        )  # fmt: skip
        boundaries.setHelp(self.tr("Provinces and territories, or census areas (dissolved by the code field). Their "
                                   "codes also place call centres' and digital services' regions on the map."))  # fmt: skip
        self.addParameter(boundaries)
        code = QgsProcessingParameterField(
            self.BOUNDARY_FIELD, self.tr("Boundary code field (province code, PRUID or census subdivision code)"),
            "PRUID", self.BOUNDARIES, optional=True,
        )  # fmt: skip
        self.addParameter(code)
        self.addParameter(QgsProcessingParameterString(
            self.PACKAGE_ID, self.tr("Package id (a source id when the package is loaded back)"), "crs_open_data",
            optional=True))  # fmt: skip
        self.addParameter(QgsProcessingParameterString(
            self.PUBLISHER, self.tr("Publisher"), PackageInfo.publisher, optional=True))  # fmt: skip
        self.addParameter(QgsProcessingParameterEnum(
            self.LICENCE, self.tr("Licence"), [LICENCES[k][1 if language() == "fr" else 0] for k in LICENCES],
            defaultValue=list(LICENCES).index(DEFAULT_LICENCE), optional=True))  # fmt: skip
        self.addParameter(QgsProcessingParameterString(
            self.TITLE_EN, self.tr("Title (English)"), PackageInfo.title_en, optional=True))  # fmt: skip
        self.addParameter(QgsProcessingParameterString(
            self.TITLE_FR, self.tr("Title (French)"), PackageInfo.title_fr, optional=True))  # fmt: skip
        self.addParameter(
            QgsProcessingParameterFolderDestination(self.OUTPUT, self.tr("Open data package folder"))
        )
        self.addOutput(QgsProcessingOutputFile(self.FINDER_PAGE, self.tr("Finder page")))
        self.addOutput(QgsProcessingOutputNumber(self.LOCATIONS, self.tr("Locations published")))
        self.addOutput(QgsProcessingOutputNumber(self.SERVICES_PUBLISHED, self.tr("Services published")))

    def compute(self, parameters, context, feedback):
        folder = self.parameterAsString(parameters, self.OUTPUT, context)
        has_layer = parameters.get(self.SERVICES) not in (None, "")
        connection = (
            self.parameterAsConnectionName(parameters, self.SHARED_STORE, context)
            if parameters.get(self.SHARED_STORE)
            else ""
        )
        if has_layer == bool(connection):
            raise QgsProcessingException(
                self.tr("Give either a service-point layer or a shared store connection (one of them).")
            )
        points = self.layer_points(parameters, context, feedback) if has_layer else shared_points(connection)
        feedback.pushInfo(self.tr("{} service points read.").format(len(points)))
        feedback.setProgress(30)
        boundaries = self.boundaries(parameters, context, feedback)
        licence_index = (
            self.parameterAsEnum(parameters, self.LICENCE, context)
            if parameters.get(self.LICENCE) not in (None, "")
            else list(LICENCES).index(DEFAULT_LICENCE)
        )
        defaults = PackageInfo()
        info = PackageInfo(
            source_id=self.parameterAsString(parameters, self.PACKAGE_ID, context).strip()
            or defaults.source_id,
            publisher=self.parameterAsString(parameters, self.PUBLISHER, context).strip()
            or defaults.publisher,
            licence=list(LICENCES)[licence_index],
            title_en=self.parameterAsString(parameters, self.TITLE_EN, context).strip() or defaults.title_en,
            title_fr=self.parameterAsString(parameters, self.TITLE_FR, context).strip() or defaults.title_fr,
        )
        partnerships = self.partnerships(parameters, context) if has_layer else []
        if partnerships:
            feedback.pushInfo(
                self.tr("{} partnerships published (without their contacts).").format(len(partnerships))
            )
        report = write_package(folder, points, info, boundaries, partnerships)
        if boundaries is not None:
            (Path(folder) / BOUNDARIES_FILE).write_text(
                json.dumps(boundaries, ensure_ascii=False), encoding="utf-8"
            )
        feedback.pushInfo(
            self.tr("{} locations, {} services of {} organizations published in {}.").format(
                report.counts["locations"], report.counts["services"], report.counts["organizations"], folder
            )
        )
        return {
            self.OUTPUT: folder,
            self.FINDER_PAGE: str(Path(folder) / FINDER),
            self.LOCATIONS: report.counts["locations"],
            self.SERVICES_PUBLISHED: report.counts["services"],
        }

    def layer_points(self, parameters, context, feedback) -> PointTable:
        layer, _ = self.input_layer(parameters, self.SERVICES, context)
        names = layer.fields().names()
        missing = [
            f for f in ("point_id", "organization", "order_of_government", "channel") if f not in names
        ]
        if missing:
            raise QgsProcessingException(
                self.tr("The layer is not in the service-point schema: it has no {}.").format(
                    ", ".join(missing)
                )
            )
        fields = [f for f in FIELD_NAMES if f in names]
        arrays = self.layer_arrays(parameters, self.SERVICES, context, fields,
                                   QgsCoordinateReferenceSystem(STORAGE_CRS), feedback)  # fmt: skip
        xy = arrays.points()
        columns = {f: text_column([_text(v) for v in arrays.attributes[f]]) for f in fields}
        return PointTable(columns, xy[:, 0], xy[:, 1])

    def partnerships(self, parameters, context) -> list[dict]:
        """The partnerships kept beside the points (same GeoPackage), if any."""
        layer, _ = self.input_layer(parameters, self.SERVICES, context)
        location = ogr_location(layer)
        return read_partnerships(location[0]) if location and location[0].lower().endswith(".gpkg") else []

    def boundaries(self, parameters, context, feedback) -> dict | None:
        """The boundary layer dissolved by its code field, simplified, in EPSG:4326 (GeoJSON)."""
        if parameters.get(self.BOUNDARIES) in (None, ""):
            return None
        layer, _ = self.input_layer(parameters, self.BOUNDARIES, context)
        field = self.parameterAsString(parameters, self.BOUNDARY_FIELD, context) or "PRUID"
        if field not in layer.fields().names():
            raise QgsProcessingException(self.tr("The boundary layer has no field '{}'.").format(field))
        arrays = self.layer_arrays(parameters, self.BOUNDARIES, context, [field],
                                   QgsCoordinateReferenceSystem(STORAGE_CRS), feedback)  # fmt: skip
        return boundary_collection(arrays.geometries, arrays.attributes[field])


def _text(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()[:10]
    return value


def shared_points(connection: str) -> PointTable:
    """Every point of the shared store behind a QGIS PostgreSQL connection."""
    from ..toolbelt.connections import shared_store_from_connection

    rows = list(shared_store_from_connection(connection).points().values())
    columns = {f: text_column([_text(r.values.get(f)) for r in rows]) for f in FIELD_NAMES}
    lon = np.array([np.nan if r.x is None else float(r.x) for r in rows])
    lat = np.array([np.nan if r.y is None else float(r.y) for r in rows])
    return PointTable(columns, lon, lat)
