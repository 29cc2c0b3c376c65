"""The road-network parameters the algorithms share, and the network they describe.

Roads are read once through the plugin's layer reader (OGR's Arrow stream for files,
QGIS's iterator otherwise; transformed by QGIS with the project's transform context),
then handed to the array-built network engine in ``core.network``. Segment lengths are
measured as the running QGIS's network analysis measures them (``QgsDistanceArea``:
geodesic on WGS 84 up to QGIS 3.36, on the project's ellipsoid from 3.38); the positions on
the ellipsoid come from QGIS's own transform.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDistanceArea,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterDistance,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core.i18n import translatable
from ..core.network.cache import load_network, network_key, save_network
from ..core.network.distances import ByRoad
from ..core.network.graph import BACKWARD, BOTH, FORWARD, Ellipsoid, build_network, segments_of
from ..core.network.profiles import RoadProfile, parse_speeds, road_profiles
from ..toolbelt.settings import Settings
from ..toolbelt.translation import language
from .layer_arrays import transform_coordinates

#: Part of every cache key: bump when the way networks are built changes.
_CACHE_VERSION = "road-network-1"
#: QGIS's network analysis measured road lengths on WGS 84 up to 3.36, and on the ellipsoid of
#: the Processing context (the project's; planar when "NONE") from 3.38 (QGIS pull request 56764):
#: the engine measures as the running QGIS does, so results equal its own algorithms'.
CONTEXT_ELLIPSOID_SINCE = 33800


class RoadNetworkParameters:
    """Parameters naming a road layer and how to travel it, as QGIS's network algorithms take them."""

    ROADS = "ROADS"
    TOLERANCE = "TOLERANCE"
    DIRECTION_FIELD = "DIRECTION_FIELD"
    VALUE_FORWARD = "VALUE_FORWARD"
    VALUE_BACKWARD = "VALUE_BACKWARD"
    VALUE_BOTH = "VALUE_BOTH"
    DEFAULT_DIRECTION = "DEFAULT_DIRECTION"
    SPEED_FIELD = "SPEED_FIELD"
    DEFAULT_SPEED = "DEFAULT_SPEED"
    ROAD_PROFILE = "ROAD_PROFILE"

    DIRECTIONS = (
        translatable("Forward direction"),
        translatable("Backward direction"),
        translatable("Both directions"),
    )

    def add_road_parameters(self, optional: bool = False) -> None:
        """The road layer and how to travel it. Everything but the road layer itself is optional
        with a default, so that models saved before a parameter existed stay valid."""
        roads = QgsProcessingParameterFeatureSource(
            self.ROADS, self.tr("Road network"), [QgsProcessing.TypeVectorLine], optional=optional
        )
        roads.setHelp(self.tr("Road lines: Statistics Canada's Road Network File, the National Road Network, "
                              "OpenStreetMap roads or any line layer."))  # fmt: skip
        self.addParameter(roads)
        profiles = QgsProcessingParameterEnum(
            self.ROAD_PROFILE,
            self.tr("Road data"),
            [self.tr("Other roads (use the fields below)")]
            + [p.label(language()) for p in road_profiles().values()],
            defaultValue=0,
            optional=True,
        )
        profiles.setHelp(self.tr("Which published dataset the roads come from: its class, speed and direction "
                                 "fields and the speed of each class are then known."))  # fmt: skip
        self.addParameter(profiles)
        tolerance = QgsProcessingParameterDistance(
            self.TOLERANCE, self.tr("Topology tolerance (metres)"), 0.0, self.DISTANCE_CRS, True, 0.0
        )
        tolerance.setHelp(self.tr("Road ends closer than this are joined."))
        self.addParameter(tolerance)
        advanced = [
            QgsProcessingParameterField(
                self.DIRECTION_FIELD, self.tr("Direction field"), None, self.ROADS, optional=True
            ),
            QgsProcessingParameterString(
                self.VALUE_FORWARD, self.tr("Value for forward direction"), optional=True
            ),
            QgsProcessingParameterString(
                self.VALUE_BACKWARD, self.tr("Value for backward direction"), optional=True
            ),
            QgsProcessingParameterString(
                self.VALUE_BOTH, self.tr("Value for both directions"), optional=True
            ),
            QgsProcessingParameterEnum(
                self.DEFAULT_DIRECTION,
                self.tr("Default direction"),
                [self.tr(d) for d in self.DIRECTIONS],  # i18n: marked
                defaultValue=2,
                optional=True,
            ),
            QgsProcessingParameterField(
                self.SPEED_FIELD,
                self.tr("Speed field (km/h)"),
                None,
                self.ROADS,
                QgsProcessingParameterField.Numeric,
                optional=True,
            ),
            QgsProcessingParameterNumber(
                self.DEFAULT_SPEED,
                self.tr("Default speed (km/h)"),
                QgsProcessingParameterNumber.Double,
                50.0,
                optional=True,
                minValue=0.000001,
            ),
        ]
        for parameter in advanced:
            parameter.setFlags(parameter.flags() | parameter.FlagAdvanced)
            self.addParameter(parameter)

    def has_roads(self, parameters) -> bool:
        return parameters.get(self.ROADS) not in (None, "")

    def road_network(
        self, parameters, context, metric: QgsCoordinateReferenceSystem, feedback, speeds: bool = False
    ):
        """The network of the road layer in ``metric`` and the transform to the ellipsoid's
        longitude/latitude that its lengths and split points are measured with."""
        direction_field = self.parameterAsString(parameters, self.DIRECTION_FIELD, context) or None
        speed_field = self.parameterAsString(parameters, self.SPEED_FIELD, context) or None
        chosen = self.road_profile(parameters, context)
        layer, _ = self.input_layer(parameters, self.ROADS, context)
        available = set(layer.fields().names())
        if chosen is not None and chosen.class_field not in available:
            raise QgsProcessingException(
                self.tr("The road layer has no field '{}', which {} roads have: choose the road data it comes "
                        "from, or 'Other roads'.").format(chosen.class_field, chosen.label(language()))
            )  # fmt: skip
        profile_fields = [f for f in (chosen.fields if chosen else ()) if f in available]
        fields = list(dict.fromkeys([f for f in (direction_field, speed_field if speeds else None) if f]
                                    + profile_fields))  # fmt: skip
        roads = self.layer_arrays(parameters, self.ROADS, context, fields, metric, feedback)
        if len(roads) == 0:
            raise QgsProcessingException(self.tr("The road network layer has no features."))
        segments, owner = segments_of(roads.geometries)
        if len(segments) == 0:
            raise QgsProcessingException(self.tr("The road network layer has no line segments."))
        to_lonlat, ellipsoid = lonlat_transform(metric, context)
        direction = chosen.directions_for(roads.attributes, len(roads)) if chosen else None
        if direction_field:
            direction = self._directions(parameters, context, roads.attributes[direction_field])
        speed = None
        if speeds:
            default = self.parameterAsDouble(parameters, self.DEFAULT_SPEED, context) or 50.0
            speed = (
                chosen.speeds_for(roads.attributes, len(roads)) if chosen else np.full(len(roads), default)
            )
            if speed_field:
                values = parse_speeds(roads.attributes[speed_field])
                usable = np.isfinite(values) & (values > 0)
                speed[usable] = values[usable]
        tolerance = self.parameterAsDouble(parameters, self.TOLERANCE, context)
        key = network_key(_CACHE_VERSION, segments, owner, direction, speed, tolerance, metric.toWkt(),
                          ellipsoid and (ellipsoid.semi_major, ellipsoid.inverse_flattening),
                          str(context.transformContext().coordinateOperations()))  # fmt: skip
        folder = Path(Settings().cache_folder) / "road_networks"
        network = load_network(folder, key)
        if network is not None:
            feedback.pushInfo(
                self.tr("Road network loaded from the cache (built before from the same roads).")
            )
            return network, to_lonlat
        feedback.pushInfo(self.tr("Building the road network from {} segments…").format(len(segments)))
        network = build_network(segments, owner, tolerance, to_lonlat, ellipsoid, direction, speed)
        try:
            save_network(folder, key, network)
        except OSError as exc:  # a full or read-only disk costs the next run a rebuild, nothing more
            feedback.pushWarning(
                self.tr("The road network could not be cached in {}: {}").format(folder, exc)
            )
        feedback.pushInfo(self.tr("Road network: {} nodes, {} segments.").format(network.node_count,
                                                                                 network.segment_count))  # fmt: skip
        return network, to_lonlat

    def road_profile(self, parameters, context) -> RoadProfile | None:
        choice = self.parameterAsEnum(parameters, self.ROAD_PROFILE, context)
        return list(road_profiles().values())[choice - 1] if choice > 0 else None

    def _directions(self, parameters, context, values) -> np.ndarray:
        """Each road's direction code, as QGIS's vector layer director reads the field."""
        default = (FORWARD, BACKWARD, BOTH)[self.parameterAsEnum(parameters, self.DEFAULT_DIRECTION, context)]
        text = np.array(["" if v is None else str(v) for v in values], dtype=object)
        codes = np.full(len(text), default, dtype=np.int8)
        for name, code in (
            (self.VALUE_FORWARD, FORWARD),
            (self.VALUE_BACKWARD, BACKWARD),
            (self.VALUE_BOTH, BOTH),
        ):
            value = self.parameterAsString(parameters, name, context)
            if value:
                codes[text == value] = code
        return codes


def network_ellipsoid(context) -> str | None:
    """The ellipsoid QGIS's own network analysis would measure on here (None: planar)."""
    if Qgis.versionInt() < CONTEXT_ELLIPSOID_SINCE:
        return "WGS84"
    ellipsoid = context.ellipsoid()
    return None if not ellipsoid or ellipsoid.upper() == "NONE" else ellipsoid


def lonlat_transform(metric: QgsCoordinateReferenceSystem, context, ellipsoid_name: str | None = ""):
    """QGIS's transform from the graph CRS to the longitude/latitude of the ellipsoid its
    QgsDistanceArea measures on, as a function of (n, 2) arrays, and that ellipsoid; (None,
    None) for planar lengths. ``ellipsoid_name`` defaults to what QGIS's network analysis uses."""
    name = network_ellipsoid(context) if ellipsoid_name == "" else ellipsoid_name
    if name is None:
        return None, None
    area = QgsDistanceArea()
    area.setSourceCrs(metric, context.transformContext())
    area.setEllipsoid(name)
    if not area.willUseEllipsoid():
        return None, None
    transform = QgsCoordinateTransform(metric, area.ellipsoidCrs(), context.transformContext())
    ellipsoid = Ellipsoid(area.ellipsoidSemiMajor(), area.ellipsoidInverseFlattening())
    return (lambda xy: transform_coordinates(xy, transform)), ellipsoid


class DistanceMethodParameters(RoadNetworkParameters):
    """Straight line, road distance or travel time, for the analyses that measure distances."""

    DISTANCE_METHOD = "DISTANCE_METHOD"
    TRAVEL_MINUTES = "TRAVEL_MINUTES"
    METHODS = (translatable("Straight line"), translatable("Road distance"), translatable("Travel time"))

    def add_distance_method_parameters(self, minutes_default: float | None = None, time: bool = True) -> None:
        methods = self.METHODS if time else self.METHODS[:2]
        method = QgsProcessingParameterEnum(self.DISTANCE_METHOD, self.tr("Distances measured"),
                                            [self.tr(m) for m in methods], defaultValue=0, optional=True)  # fmt: skip  # i18n: marked
        method.setHelp(self.tr("By road needs a road network layer; travel time uses each road's speed."))
        self.addParameter(method)
        self.add_road_parameters(optional=True)
        if time and minutes_default is not None:
            minutes = QgsProcessingParameterNumber(
                self.TRAVEL_MINUTES, self.tr("Travel-time limit (minutes), for travel time"),
                QgsProcessingParameterNumber.Double, minutes_default, True, 0.0,
            )  # fmt: skip
            self.addParameter(minutes)

    def distance_model(self, parameters, context, metric, feedback):
        """None for straight lines (the analyses' own fast path), else trips by road."""
        method = self.parameterAsEnum(parameters, self.DISTANCE_METHOD, context)
        if method == 0:
            return None
        if not self.has_roads(parameters):
            raise QgsProcessingException(
                self.tr("'{}' needs a road network layer: choose one, or measure straight lines.").format(
                    self.tr(self.METHODS[method])  # i18n: marked
                )
            )
        network, to_lonlat = self.road_network(parameters, context, metric, feedback, speeds=method == 2)
        return ByRoad(network, "time" if method == 2 else "distance", to_lonlat)

    def limit(self, parameters, context, model, metres_parameter: str) -> float:
        """The analysis's distance limit in the model's unit: metres, or seconds of travel."""
        if model is not None and model.unit == "s":
            return self.parameterAsDouble(parameters, self.TRAVEL_MINUTES, context) * 60.0
        return self.parameterAsDouble(parameters, metres_parameter, context)
