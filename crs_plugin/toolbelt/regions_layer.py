"""The service regions of call centres and digital services as a polygon layer, for maps."""

from __future__ import annotations

import shapely
from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsVectorLayer

from ..core.regions import region_outlines
from ..core.table import PointTable
from .qgis_compat import FieldType
from .styles import style_service_regions

FIELDS = ("point_id", "name", "organization", "channel", "service_region")


def service_regions_layer(
    points: PointTable, boundaries: dict | None, name: str, language: str = "en"
) -> QgsVectorLayer:
    """A memory layer (EPSG:4326) with one outline per call centre or digital service: its
    polygon and the ``boundaries`` (GeoJSON features with a ``code``) of its region's codes."""
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326", name, "memory")
    provider = layer.dataProvider()
    provider.addAttributes([QgsField(f, FieldType.String) for f in FIELDS])
    layer.updateFields()
    features = []
    columns = points.columns
    for row, outline in region_outlines(points, boundaries):
        feature = QgsFeature(layer.fields())
        geometry = QgsGeometry()
        geometry.fromWkb(shapely.to_wkb(outline))
        geometry.convertToMultiType()
        feature.setGeometry(geometry)
        title = columns["name_fr"][row] if language.startswith("fr") else columns["name_en"][row]
        feature.setAttributes(
            [
                columns["point_id"][row],
                title or columns["name_en"][row] or columns["name_fr"][row],
                columns["organization"][row],
                columns["channel"][row],
                columns["service_region"][row],
            ]
        )
        features.append(feature)
    provider.addFeatures(features)
    layer.updateExtents()
    style_service_regions(layer, language)
    return layer
