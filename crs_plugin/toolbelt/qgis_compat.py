"""Where QGIS 3.22 and the current long-term release differ, in one place.

QGIS 3.38 moved field types from ``QVariant.Type`` (deprecated there, with a warning at
every ``QgsField``) to ``QMetaType.Type``; 3.22 only takes the former. Both enums number
these types alike (``QVariant.Double == QMetaType.Double == 6``), so comparisons with
``QgsField.type()`` work on either release whichever constant is used.
"""

from __future__ import annotations

from qgis.core import Qgis, QgsMapLayerProxyModel, QgsPalLayerSettings, QgsUnitTypes
from qgis.PyQt.QtCore import QMetaType, QVariant

#: QgsField takes QMetaType.Type from QGIS 3.38 on.
USES_METATYPE = Qgis.versionInt() >= 33800


class FieldType:
    """Field types for ``QgsField(name, FieldType.Double)`` on every supported QGIS."""

    if USES_METATYPE:
        String = QMetaType.QString
        Double = QMetaType.Double
        Int = QMetaType.Int
        LongLong = QMetaType.LongLong
        Bool = QMetaType.Bool
        Date = QMetaType.QDate
        DateTime = QMetaType.QDateTime
        Time = QMetaType.QTime
    else:
        String = QVariant.String
        Double = QVariant.Double
        Int = QVariant.Int
        LongLong = QVariant.LongLong
        Bool = QVariant.Bool
        Date = QVariant.Date
        DateTime = QVariant.DateTime
        Time = QVariant.Time


#: Metres as QGIS's unit APIs take them (a scoped enum from 3.30; 3.40 refuses the plain int).
METRES = Qgis.DistanceUnit.Meters if hasattr(Qgis, "DistanceUnit") else QgsUnitTypes.DistanceMeters

#: Layer filters for map layer combo boxes (Qgis.LayerFilter from 3.34; the old flags are deprecated).
_LAYER_FILTER = getattr(Qgis, "LayerFilter", None)
POLYGON_OR_POINT_LAYERS = (
    Qgis.LayerFilters(_LAYER_FILTER.PolygonLayer | _LAYER_FILTER.PointLayer)  # the flags type, not an int
    if _LAYER_FILTER is not None
    else QgsMapLayerProxyModel.PolygonLayer | QgsMapLayerProxyModel.PointLayer
)

#: Labels placed over their point (Qgis.LabelPlacement from 3.26; 3.40 refuses the old member).
LABEL_OVER_POINT = (
    Qgis.LabelPlacement.OverPoint if hasattr(Qgis, "LabelPlacement") else QgsPalLayerSettings.OverPoint
)
#: Labels placed around their point, in the cartographic order of positions.
LABEL_AROUND_POINT = (
    Qgis.LabelPlacement.OrderedPositionsAroundPoint
    if hasattr(Qgis, "LabelPlacement")
    else QgsPalLayerSettings.OrderedPositionsAroundPoint
)


def place_markers_on_vertex(layer, first: bool) -> None:
    """A marker line's markers on its first (or last) vertex (Qgis.MarkerLinePlacements from 3.24;
    the old enum is deprecated)."""
    if hasattr(Qgis, "MarkerLinePlacement"):
        which = Qgis.MarkerLinePlacement.FirstVertex if first else Qgis.MarkerLinePlacement.LastVertex
        layer.setPlacements(Qgis.MarkerLinePlacements(which))
    else:
        from qgis.core import QgsTemplatedLineSymbolLayerBase

        layer.setPlacement(
            QgsTemplatedLineSymbolLayerBase.FirstVertex
            if first
            else QgsTemplatedLineSymbolLayerBase.LastVertex
        )
