"""What every CRS Service Points algorithm shares: naming, help, filters, errors."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsMapLayerType,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingOutputString,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..core.census.catalogue import load_characteristics
from ..core.census.importer import REP_CRS, REP_X, REP_Y
from ..core.errors import CrsServicePointsError
from ..core.filters import ServiceFilter
from ..core.gpkg_columns import copy_with_columns
from ..core.i18n import CONTEXT as I18N_CONTEXT
from ..core.i18n import translatable
from ..core.regions import (
    AREA_CODE_FIELDS,
    ExtentError,
    Region,
    area_codes,
    has_region,
    parse_extent,
    region_codes,
    served_by_regions,
)
from ..core.schema import (
    CHANNELS,
    JURISDICTIONS,
    METRIC_CRS,
    ORDERS_OF_GOVERNMENT,
    POINT_TYPES,
    PROVINCES,
    REGIONAL_CHANNELS,
    STORAGE_CRS,
)
from ..core.table import number_column
from ..toolbelt.help_text import markdown_to_html
from ..toolbelt.qgis_compat import METRES, FieldType
from ..toolbelt.tables import name_fields
from ..toolbelt.translation import language
from .layer_arrays import (
    LayerArrays,
    coordinate_transform,
    ogr_location,
    only_provider_fields,
    read_layer,
    representative_points,
    transform_coordinates,
)

_RESOURCES = Path(__file__).resolve().parent.parent / "resources"


SPATIAL_INDEX_LIMIT = 100_000
#: Where the help texts are published (the repository named in metadata.txt).
HELP_BASE_URL = "https://github.com/crs-service-points/crs-service-points/blob/main/crs_plugin/resources/help"


class _StyleOnLoad(QgsProcessingLayerPostProcessorInterface):
    """Presents an output when Processing loads it into the project: its default style, a name
    that says what was asked ("Nearest federal point"), and a place in the layer tree just below
    the service points it was measured to (areas drawn under the points, not over them)."""

    def __init__(self, style=None, name: str | None = None) -> None:
        super().__init__()
        self.style = style
        self.name = name
        self.below: tuple[str, str] | None = None  # (layer id, source) of the service points

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 - QGIS API
        if layer is None:
            return
        if layer.type() == QgsMapLayerType.VectorLayer:
            name_fields(layer)
            if self.style is not None:
                self.style(layer)
        if self.name:
            layer.setName(self.name)
        if self.below is not None:
            place_below(layer, self.below, context.project())


def place_below(layer, anchor: tuple[str, str], project) -> bool:
    """Move ``layer`` just below the layer ``anchor`` (id, or else the same source) in the layer tree."""
    if project is None:
        return False
    root = project.layerTreeRoot()
    anchor_id, anchor_source = anchor
    target = root.findLayer(anchor_id) if anchor_id else None
    if target is None:
        target = next((node for node in root.findLayers() if node.layer() is not None and node.layer() is not layer
                       and node.layer().source() == anchor_source), None)  # fmt: skip
    node = root.findLayer(layer.id())
    if target is None or node is None or target is node:
        return False
    parent = target.parent()
    clone = node.clone()
    parent.insertChildNode(parent.children().index(target) + 1, clone)
    node.parent().removeChildNode(node)
    return True


#: Python post-processors must outlive the algorithm run (QGIS calls them afterwards).
_POST_PROCESSORS: dict[str, _StyleOnLoad] = {}

_SQL_KIND = {
    FieldType.Double: "real",
    FieldType.Int: "integer",
    FieldType.LongLong: "integer",
    FieldType.Bool: "boolean",
}


@dataclass
class ServicePoints:
    xy: np.ndarray  # (m, 2) in the metric CRS
    attributes: dict[str, np.ndarray]
    description: str = ""  # which points were used, for the log and the outputs

    def __len__(self) -> int:
        return len(self.xy)

    def column(self, name: str) -> np.ndarray:
        return self.attributes.get(name, np.full(len(self), None, dtype=object))


#: Fields that tell a call centre's or digital service's region.
REGION_FIELDS = ("point_id", "channel", "service_region", "service_region_extent")


def _regional_mask(attributes: dict, n: int) -> np.ndarray:
    """Rows that are call centres or digital services with a service region."""
    none = np.full(n, None, dtype=object)
    return np.array([has_region(c, r, e) for c, r, e in zip(attributes.get("channel", none),
                     attributes.get("service_region", none), attributes.get("service_region_extent", none))],
                    dtype=bool)  # fmt: skip


def pair_lines(xy: np.ndarray, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """WKB lines from point ``i[k]`` to point ``j[k]`` (for pair outputs), built in one call."""
    if len(i) == 0:
        return np.array([], dtype=object)
    return shapely.to_wkb(shapely.linestrings(np.stack([xy[i], xy[j]], axis=1)))


def as_python(column) -> list:
    """numpy values as plain Python values QGIS accepts (NaN and None as NULL)."""
    out = []
    for v in np.asarray(column, dtype=object).tolist():
        if v is None or (isinstance(v, float) and v != v):
            out.append(NULL)
        elif isinstance(v, np.generic):
            out.append(v.item())
        else:
            out.append(v)
    return out


class CrsAlgorithm(QgsProcessingAlgorithm):
    """Base class. Subclasses set NAME, DISPLAY_NAME, GROUP_ID and implement ``compute``."""

    NAME = ""
    DISPLAY_NAME = ""
    GROUP_ID = "analysis"
    TAGS: tuple[str, ...] = ()

    SERVICES = "SERVICE_POINTS"
    POINTS_USED = "SERVICE_POINTS_USED"
    DISTANCE_CRS = "DISTANCE_CRS"
    ORDERS = "ORDERS_OF_GOVERNMENT"
    CHANNELS = "CHANNELS"
    POINT_TYPES = "POINT_TYPES"
    SERVICE_CODES = "SERVICE_CODES"
    OPERATED_BY = "OPERATED_BY"
    LOCATED_IN = "LOCATED_IN"

    _GROUPS = {
        "analysis": translatable("Proximity and overlap"),
        "sources": translatable("Sources"),
        "contribute": translatable("Contribute and review"),
    }

    def tr(self, text: str) -> str:
        # One context for every algorithm: strings of the base class and the mixins have one
        # translation, whichever subclass shows them.
        return QCoreApplication.translate(I18N_CONTEXT, text)  # i18n: marked (the texts of self.tr calls)

    def createInstance(self):
        return type(self)()

    def name(self) -> str:
        return self.NAME

    def displayName(self) -> str:
        return self.tr(self.DISPLAY_NAME)  # i18n: marked

    def group(self) -> str:
        return self.tr(self._GROUPS[self.GROUP_ID])  # i18n: marked

    def groupId(self) -> str:
        return self.GROUP_ID

    def icon(self) -> QIcon:
        return QIcon(str(_RESOURCES / "icons" / "icon.svg"))

    def helpUrl(self) -> str:  # noqa: N802 - QGIS API
        suffix = "_fr" if language() == "fr" else ""
        return f"{HELP_BASE_URL}/{self.NAME}{suffix}.md"

    def tags(self) -> list[str]:
        # Both languages: a search in either finds the algorithm.
        tags = (translatable("service points"), "CRS", *self.TAGS)
        return list(dict.fromkeys([*tags, *(self.tr(tag) for tag in tags)]))  # i18n: marked

    def shortHelpString(self) -> str:
        lang = language()
        for name in (f"{self.NAME}_{lang}.md", f"{self.NAME}.md"):
            path = _RESOURCES / "help" / name
            if path.exists():
                return markdown_to_html(path.read_text(encoding="utf-8"))
        return ""

    # -- shared parameters ------------------------------------------------------

    def add_service_points_parameter(self) -> None:
        points = QgsProcessingParameterFeatureSource(
            self.SERVICES, self.tr("Service points"), [QgsProcessing.TypeVectorPoint]
        )
        points.setHelp(self.tr("A layer in the common schema, as loaded by the plugin."))
        self.addParameter(points)
        self.addOutput(QgsProcessingOutputString(self.POINTS_USED, self.tr("Service points used")))

    def add_distance_crs_parameter(self) -> None:
        # Optional with a default: QGIS 3.22's qgis_process rejects a mandatory CRS left out.
        crs = QgsProcessingParameterCrs(
            self.DISTANCE_CRS,
            self.tr("CRS in which distances are measured (metres)"),
            METRIC_CRS,
            optional=True,
        )
        crs.setHelp(self.tr("A projected CRS in metres. Statistics Canada Lambert (EPSG:3347) by default."))
        self.addParameter(crs)

    def add_service_filter_parameters(self) -> None:
        lang = language()
        for name, label, choices in (
            (self.ORDERS, self.tr("Only these orders of government"), ORDERS_OF_GOVERNMENT),
            (self.CHANNELS, self.tr("Only these channels"), CHANNELS),
            (self.POINT_TYPES, self.tr("Only these point types"), POINT_TYPES),
        ):
            param = QgsProcessingParameterEnum(
                name,
                label,
                options=[c.label(lang) for c in choices],
                allowMultiple=True,
                optional=True,
            )
            param.setHelp(self.tr("Leave empty to use every service point."))
            self.addParameter(param)
        # Two meanings of "jurisdiction": who operates a point, and where it stands.
        for name, label, help_text, choices in (
            (self.OPERATED_BY, self.tr("Only points operated by these jurisdictions"),
             self.tr("The government responsible for the point (its 'jurisdiction' field): British Columbia "
                     "keeps BC's own offices, not the federal or municipal ones in BC."), JURISDICTIONS),
            (self.LOCATED_IN, self.tr("Only points located in these provinces/territories"),
             self.tr("Where the point stands (its 'province' field, which validation checks against its position), "
                     "whoever operates it: British Columbia keeps every office in BC."), PROVINCES),
        ):  # fmt: skip
            param = QgsProcessingParameterEnum(name, label, options=[c.label(lang) for c in choices],
                                               allowMultiple=True, optional=True)  # fmt: skip
            param.setHelp(help_text)
            self.addParameter(param)
        codes = QgsProcessingParameterString(
            self.SERVICE_CODES,
            self.tr("Only points offering one of these service codes (comma-separated)"),
            optional=True,
        )
        codes.setHelp(self.tr("Service codes such as passport, employment_insurance."))
        self.addParameter(codes)

    def service_filter(self, parameters, context) -> ServiceFilter:
        def codes(name, choices):
            # QGIS 3.22 answers [0] for an omitted optional multi-enum: treat absent as "any".
            if parameters.get(name) in (None, "", []):
                return ()
            return tuple(choices[i].code for i in self.parameterAsEnums(parameters, name, context))

        text = self.parameterAsString(parameters, self.SERVICE_CODES, context) or ""
        return ServiceFilter(
            orders=codes(self.ORDERS, ORDERS_OF_GOVERNMENT),
            jurisdictions=codes(self.OPERATED_BY, JURISDICTIONS),
            located_in=codes(self.LOCATED_IN, PROVINCES),
            channels=codes(self.CHANNELS, CHANNELS),
            point_types=codes(self.POINT_TYPES, POINT_TYPES),
            services=tuple(s.strip() for s in text.split(",") if s.strip()),
        )

    # -- reading inputs -----------------------------------------------------------

    def input_layer(self, parameters, name: str, context) -> tuple[QgsVectorLayer, QgsFeatureRequest | None]:
        """The layer behind a feature-source parameter, and the request that restricts it to
        what the user chose ("selected features only", a feature limit), as the toolbox,
        models and ``qgis_process`` pass it."""
        definition = parameters.get(name)
        if isinstance(definition, QgsProcessingFeatureSourceDefinition):
            # parameterAsVectorLayer does not resolve source definitions in QGIS 3.22.
            value = definition.source.valueAsString(context.expressionContext(), "")[0]
            layer = QgsProcessingUtils.mapLayerFromString(value, context)
        else:
            layer = self.parameterAsVectorLayer(parameters, name, context)
        if not isinstance(layer, QgsVectorLayer):
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        request = None
        if isinstance(definition, QgsProcessingFeatureSourceDefinition):
            if definition.selectedFeaturesOnly:
                request = QgsFeatureRequest().setFilterFids(layer.selectedFeatureIds())
            if definition.featureLimit > 0:
                request = (request or QgsFeatureRequest()).setLimit(definition.featureLimit)
        return layer, request

    def layer_arrays(
        self,
        parameters,
        name: str,
        context,
        fields: list[str],
        dest_crs: QgsCoordinateReferenceSystem,
        feedback,
    ) -> LayerArrays:
        layer, request = self.input_layer(parameters, name, context)
        # A census layer written by crs:importcensus carries each area's population-weighted
        # point in two EPSG:3347 columns: every analysis measures from it instead of the centroid.
        point_fields = [f for f in (REP_X, REP_Y) if layer.fields().indexOf(f) >= 0]
        wanted = list(dict.fromkeys([*fields, *point_fields]))
        arrays = read_layer(layer, wanted, dest_crs, context.transformContext(), feedback, request)
        if len(point_fields) == 2:
            columns = [
                arrays.attributes[f] if f in fields else arrays.attributes.pop(f) for f in point_fields
            ]
            arrays.representative = representative_points(*columns, QgsCoordinateReferenceSystem(REP_CRS), dest_crs,
                                                          context.transformContext())  # fmt: skip
        return arrays

    def describe_input(self, parameters, name: str, context) -> str:
        """Which features of an input are used, beyond the algorithm's own filters: the
        layer's filter (as the panel sets it) and "selected features only"."""
        layer, request = self.input_layer(parameters, name, context)
        parts = []
        if layer.subsetString():
            parts.append(self.tr("layer filter {}").format(layer.subsetString()))
        if request is not None and request.filterType() == QgsFeatureRequest.FilterFids:
            parts.append(self.tr("{} selected features").format(len(request.filterFids())))
        return "; ".join(parts)

    def metric_crs(self, parameters, name: str, context) -> QgsCoordinateReferenceSystem:
        """The CRS distances are measured in: the parameter, EPSG:3347 when left empty."""
        crs = self.parameterAsCrs(parameters, name, context)
        if not crs.isValid():
            crs = QgsCoordinateReferenceSystem(METRIC_CRS)
        if crs.isGeographic() or crs.mapUnits() != METRES:
            raise QgsProcessingException(
                self.tr("Distances need a projected CRS in metres, such as EPSG:3347 ({} is not).").format(
                    crs.authid() or crs.description()
                )
            )
        return crs

    def service_points(self, parameters, name: str, context, metric, feedback, fields=(),
                       exclude_regional=False) -> ServicePoints:  # fmt: skip
        """Service points passing the filter parameters, with their coordinates in ``metric``.

        ``exclude_regional`` leaves out every call centre and digital service (distance analyses:
        their address is not where people are served; coverage and gaps count their regions apart).
        """
        service_filter = self.service_filter(parameters, context)
        layer, _ = self.input_layer(parameters, name, context)
        available = set(layer.fields().names())
        service_filter.require_fields(available)
        wanted = [f for f in fields if f in available]
        remote_channel = ["channel"] if exclude_regional and "channel" in available else []
        wanted = list(dict.fromkeys([*wanted, *service_filter.needed_fields, *remote_channel]))
        arrays = self.layer_arrays(parameters, name, context, wanted, metric, feedback)
        xy = arrays.points()
        keep = service_filter.mask(arrays.attributes, len(arrays)) & np.isfinite(xy).all(axis=1)
        remote = np.zeros(len(arrays), dtype=bool)
        if remote_channel:
            # A call centre's or online service's address is not where people are served: never a
            # distance to it, with or without a region (its region, where it has one, counts apart).
            channels = np.asarray(arrays.attributes["channel"], dtype=object).astype(str)
            remote = keep & np.isin(channels, sorted(REGIONAL_CHANNELS))
            keep &= ~remote
        rows = np.flatnonzero(keep)
        filters = service_filter.describe() if service_filter.needed_fields else ""
        chosen = "; ".join(p for p in (self.describe_input(parameters, name, context), filters) if p)
        chosen = chosen or self.tr("all service points")
        used = self.tr("{} of {} service points used: {}.").format(len(rows), len(arrays), chosen)
        if remote.any():
            used += " " + self.tr("{} call centres and online services with a position are left out: distances are "
                                  "measured to points people go to.").format(int(remote.sum()))  # fmt: skip
        feedback.pushInfo(used)
        return ServicePoints(xy[rows], {k: v[rows] for k, v in arrays.attributes.items()}, used)

    def service_regions(self, parameters, name: str, context, metric, feedback) -> list[Region]:
        """The service regions of the call centres and digital services passing the filters, their
        polygons in ``metric`` (transformed with the project's transform context)."""
        layer, _ = self.input_layer(parameters, name, context)
        available = set(layer.fields().names())
        if not {"channel", "service_region"} <= available:
            return []
        service_filter = self.service_filter(parameters, context)
        fields = list(
            dict.fromkeys([*service_filter.needed_fields, *(f for f in REGION_FIELDS if f in available)])
        )
        arrays = self.layer_arrays(parameters, name, context, fields, metric, feedback)
        keep = service_filter.mask(arrays.attributes, len(arrays)) & _regional_mask(
            arrays.attributes, len(arrays)
        )
        transform = coordinate_transform(
            QgsCoordinateReferenceSystem(STORAGE_CRS), metric, context.transformContext()
        )
        extents = arrays.attributes.get("service_region_extent", np.full(len(arrays), None, dtype=object))
        regions = []
        for r in np.flatnonzero(keep):
            extent = None
            if extents[r]:
                try:
                    extent = parse_extent(extents[r])
                except ExtentError as exc:
                    raise QgsProcessingException(
                        self.tr("The service region of point {} cannot be read: {}.").format(
                            arrays.attributes.get("point_id", arrays.fids)[r], exc)
                    ) from None  # fmt: skip
                if transform is not None:
                    extent = shapely.transform(extent, lambda xy: transform_coordinates(xy, transform))
            regions.append(Region(tuple(region_codes(arrays.attributes["service_region"][r])), extent))
        if regions:
            feedback.pushInfo(self.tr("{} call centres and digital services count by their service region.").format(
                len(regions)))  # fmt: skip
        return regions

    # -- writing outputs ----------------------------------------------------------

    def write_per_feature(self, parameters, name, context, feedback, source_name, fids, fields_and_columns,
                          progress=(50.0, 100.0), only_listed=False):  # fmt: skip
        """Features of input ``source_name`` with extra attributes, one output row per entry of ``fids``.

        Output row ``r`` copies the feature whose id is ``fids[r]`` and adds
        ``column[r]`` of each (QgsField, column) pair; a fid may repeat (k nearest) and
        features with no row are written once with empty extras (or skipped with
        ``only_listed``). Features are handed
        to QGIS in batches of 2,000, not one call per feature.
        """
        source = self.parameterAsSource(parameters, source_name, context)
        extra = QgsFields()
        for field, _ in fields_and_columns:
            extra.append(field)
        fields = QgsProcessingUtils.combineFields(source.fields(), extra)
        fids = np.asarray(fids)
        if not only_listed and len(np.unique(fids)) == len(fids) == source.featureCount():
            dest = self._write_gpkg_copy(
                parameters, name, source_name, context, feedback, fields, fids, fields_and_columns
            )
            if dest is not None:
                return dest
        sink, dest = self.parameterAsSink(
            parameters, name, context, fields, source.wkbType(), source.sourceCrs()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        rows_of: dict[int, list[int]] = {}
        for row, fid in enumerate(fids.tolist()):
            rows_of.setdefault(fid, []).append(row)
        columns = [as_python(column) for _, column in fields_and_columns]
        # Several rows per feature (k nearest): a GeoPackage output takes a field named 'fid' as its
        # feature id, so the copied ids would collide; the output numbers its rows itself.
        repeated = len(rows_of) < len(fids)
        fid_fields = [
            i for i in range(source.fields().count()) if source.fields().at(i).name().lower() == "fid"
        ]
        no_row = [] if only_listed else [None]
        batch, total, start, span = [], max(source.featureCount(), 1), progress[0], progress[1] - progress[0]
        matched = 0
        for count, feature in enumerate(source.getFeatures()):
            attributes, geometry = feature.attributes(), feature.geometry()
            if repeated:
                for i in fid_fields:
                    attributes[i] = NULL
            rows = rows_of.get(feature.id())
            matched += rows is not None
            for row in rows if rows is not None else no_row:
                out = QgsFeature(fields)
                out.setGeometry(geometry)
                out.setAttributes(attributes + [NULL if row is None else c[row] for c in columns])
                batch.append(out)
            if len(batch) >= 2000:
                if feedback.isCanceled():
                    break
                self.add_features(sink, batch, name)
                batch = []
                feedback.setProgress(start + span * count / total)
        if not feedback.isCanceled() and matched < len(rows_of):
            # The input gave fewer of the analysed features back than it did moments ago.
            raise QgsProcessingException(
                self.tr(
                    "The input layer changed or stopped answering while the results were written "
                    "({} of {} features read back); nothing is complete. Run the analysis again."
                ).format(matched, len(rows_of))
            )
        self.add_features(sink, batch, name)
        return dest

    def add_features(self, sink, features: list, name: str) -> None:
        """Hand ``features`` to an output, or stop: a row the output refused is never dropped quietly."""
        if features and not sink.addFeatures(features, QgsFeatureSink.FastInsert):
            raise QgsProcessingException(
                self.tr("Output '{name}' refused some of its rows, so it is incomplete: {error}").format(
                    name=name, error=sink.lastError() or self.tr("no reason given")
                )
            )

    def _write_gpkg_copy(
        self, parameters, name, source_name, context, feedback, fields, fids, fields_and_columns
    ) -> str | None:
        """Fast path of write_per_feature: input and output are GeoPackage-able files.

        Returns the output path, or None when the fast path does not apply (memory or
        database outputs, selections, layers not read through OGR).
        """
        destination = parameters.get(name)
        if isinstance(destination, QgsProcessingOutputLayerDefinition):
            definition, destination = destination, destination.sink.staticValue()
        else:
            definition = None
        if (
            not isinstance(destination, str)
            or not destination.lower().endswith(".gpkg")
            or ":" in destination[:8]
        ):
            return None
        layer, request = self.input_layer(parameters, source_name, context)
        # The copy is of the file's table: not for a selection, joined or virtual fields.
        location = ogr_location(layer) if request is None and only_provider_fields(layer) else None
        if location is None or (os.path.exists(destination) and os.path.samefile(location[0], destination)):
            return None
        layer_name = Path(destination).stem
        added = [fields.at(i) for i in range(fields.count() - len(fields_and_columns), fields.count())]
        columns = [
            (f.name(), _SQL_KIND.get(f.type(), "string"), column)
            for f, (_, column) in zip(added, fields_and_columns)
        ]
        # Past SPATIAL_INDEX_LIMIT features an input without R-tree gives an output without
        # one (QGIS adds it on demand: Layer Properties > Source).
        indexed = copy_with_columns(location[0], location[1], destination, layer_name, fids, columns,
                                    index_build_limit=SPATIAL_INDEX_LIMIT)  # fmt: skip
        if not indexed:
            feedback.pushInfo(self.tr("The output has {} features: written without a spatial index to save time; "
                                      "create one from the layer properties if you need it.").format(len(fids)))  # fmt: skip
        if definition is not None and definition.destinationProject is not None:
            details = QgsProcessingContext.LayerDetails(definition.destinationName or layer_name,
                                                        definition.destinationProject, name)  # fmt: skip
            context.addLayerToLoadOnCompletion(destination, details)
        return destination

    def write_table(self, parameters, name, context, fields: QgsFields, rows, wkbs=None,
                    wkb_type=QgsWkbTypes.NoGeometry, crs=None):  # fmt: skip
        """A table from rows of Python values; a layer when WKB ``wkbs`` and ``wkb_type`` are given."""
        sink, dest = self.parameterAsSink(parameters, name, context, fields, wkb_type,
                                          crs or QgsCoordinateReferenceSystem())  # fmt: skip
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        batch = []
        for r, values in enumerate(rows):
            feature = QgsFeature(fields)
            feature.setAttributes(as_python(values))
            if wkbs is not None:
                geometry = QgsGeometry()
                geometry.fromWkb(wkbs[r])
                if QgsWkbTypes.isMultiType(wkb_type):
                    geometry.convertToMultiType()
                feature.setGeometry(geometry)
            batch.append(feature)
        self.add_features(sink, batch, name)
        return dest

    def style_on_load(self, context, dest_id: str, style, name: str | None = None) -> None:
        """Style output ``dest_id`` with ``style(layer)`` (and name it ``name``) if Processing loads it
        on completion."""
        if dest_id and context.willLoadLayerOnCompletion(dest_id):
            processor = _StyleOnLoad(style, name)
            _POST_PROCESSORS[dest_id] = processor
            context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(processor)

    def _place_outputs_below_points(self, parameters, context, results: dict) -> None:
        """Outputs Processing loads go just below the service points of this run in the layer tree."""
        if self.parameterDefinition(self.SERVICES) is None or parameters.get(self.SERVICES) in (None, ""):
            return
        try:
            layer, _ = self.input_layer(parameters, self.SERVICES, context)
        except QgsProcessingException:
            return
        anchor = (layer.id(), layer.source())
        for value in results.values():
            if not isinstance(value, str) or not value or not context.willLoadLayerOnCompletion(value):
                continue
            processor = _POST_PROCESSORS.get(value)
            details = context.layerToLoadOnCompletionDetails(value)
            if processor is None or details.postProcessor() is None:
                processor = _StyleOnLoad()
                _POST_PROCESSORS[value] = processor
                details.setPostProcessor(processor)
            processor.below = anchor

    # -- running ----------------------------------------------------------------

    def checkParameterValues(self, parameters, context):  # noqa: N802 - QGIS API
        # QGIS 3.22 rejects an omitted parameter even when it has a default (newer
        # releases accept it); check with the defaults that parameterAs*() will use.
        filled = dict(parameters)
        for definition in self.parameterDefinitions():
            if filled.get(definition.name()) is None and definition.defaultValue() is not None:
                filled[definition.name()] = definition.defaultValue()
        return super().checkParameterValues(filled, context)

    def processAlgorithm(self, parameters, context, feedback):
        try:
            results = self.compute(parameters, context, feedback)
        except CrsServicePointsError as exc:
            raise QgsProcessingException(str(exc)) from None
        self._place_outputs_below_points(parameters, context, results or {})
        return results

    def compute(self, parameters, context, feedback) -> dict:
        raise NotImplementedError


class PopulationAreasMixin:
    """Parameters shared by algorithms over census areas: layer, population, universe and group fields.

    The population is any numeric field: a census layer's characteristic (people aged 65
    and over, people in low income), a field joined in QGIS or an expression field. Its
    universe is the population it is a part of (all people, for those aged 65 and over):
    it turns a percentage into people, and the summaries give the characteristic's share of it.
    """

    AREAS = "INPUT"
    POPULATION = "POPULATION_FIELD"
    UNIVERSE_FIELD = "UNIVERSE_FIELD"
    GROUP_FIELD = "GROUP_FIELD"
    #: Population columns looked for when the default is not in the layer (sample, crs:importcensus).
    POPULATION_DEFAULTS = ("POP2021", "pop_2021")

    def add_area_parameters(self, group_default: str | None = "PRUID") -> None:
        areas = QgsProcessingParameterFeatureSource(
            self.AREAS,
            self.tr("Census areas (polygons or centroids) with population"),
            [QgsProcessing.TypeVectorPolygon, QgsProcessing.TypeVectorPoint],
        )
        areas.setHelp(
            self.tr(
                "Dissemination areas or blocks; polygons are measured from their population-weighted "
                "representative point when the layer has one (crs:importcensus), else from their centroid."
            )
        )
        self.addParameter(areas)
        # Optional with a default: QGIS 3.22's qgis_process rejects a mandatory field left out.
        population = QgsProcessingParameterField(
            self.POPULATION,
            self.tr("Population field"),
            "POP2021",
            self.AREAS,
            QgsProcessingParameterField.Numeric,
            optional=True,
        )
        population.setHelp(
            self.tr(
                "Any numeric field: the total population or a characteristic (people aged 65 and over, "
                "people in low income, Indigenous people…), including fields joined in QGIS. A percentage "
                "(such as the prevalence of low income) is turned into people with its universe."
            )
        )
        self.addParameter(population)
        universe = QgsProcessingParameterField(
            self.UNIVERSE_FIELD,
            self.tr("Universe of the population field (optional)"),
            None,
            self.AREAS,
            QgsProcessingParameterField.Numeric,
            optional=True,
        )
        universe.setHelp(
            self.tr(
                "The population the chosen field is a part of (all people for 'people aged 65 and over'). "
                "Left empty, the census catalogue's universe is used when the layer has it."
            )
        )
        self.addParameter(universe)
        if group_default is not None:
            group = QgsProcessingParameterField(
                self.GROUP_FIELD,
                self.tr("Summarise by (jurisdiction field)"),
                group_default,
                self.AREAS,
                optional=True,
            )
            group.setHelp(self.tr("Field naming the province/territory or region of each area."))
            self.addParameter(group)
        self.add_service_points_parameter()

    def population_fields(self, parameters, context, layer) -> tuple[str, str | None, bool]:
        """(population field, universe field or None, whether the population is a percentage)."""
        names = layer.fields().names()
        population = self.parameterAsString(parameters, self.POPULATION, context) or "POP2021"
        if population not in names and population in self.POPULATION_DEFAULTS:
            population = next((f for f in self.POPULATION_DEFAULTS if f in names), population)
        if population not in names:
            raise QgsProcessingException(
                self.tr(
                    "The census layer has no population field '{}': choose the field that holds the population."
                ).format(population)
            )
        has_universe = self.parameterDefinition(self.UNIVERSE_FIELD) is not None
        universe = (
            self.parameterAsString(parameters, self.UNIVERSE_FIELD, context) if has_universe else ""
        ) or None
        characteristic = load_characteristics().field(population)
        if universe is None and characteristic is not None and characteristic.universe:
            # The catalogue's universe, under the same join prefix as the population field.
            candidate = population[: len(population) - len(characteristic.field)] + characteristic.universe
            universe = candidate if candidate in names else None
        if universe is not None and universe not in names:
            raise QgsProcessingException(
                self.tr("The census layer has no universe field '{}'.").format(universe)
            )
        percent = characteristic is not None and characteristic.unit == "percent"
        if percent and universe is None:
            raise QgsProcessingException(
                self.tr(
                    "'{}' is a percentage: give the universe field it is a percentage of, so that it can be "
                    "turned into people."
                ).format(population)
            )
        return population, universe, percent

    def served_by_regions(self, parameters, context, areas, regions, metric, feedback) -> np.ndarray:
        """Which areas lie in a service region (by their province or census subdivision code, or
        their point inside a region's polygon)."""
        layer, _ = self.input_layer(parameters, self.AREAS, context)
        fields = [f for f in AREA_CODE_FIELDS if f in layer.fields().names()]
        codes = (
            self.layer_arrays(parameters, self.AREAS, context, fields, metric, feedback) if fields else None
        )
        attributes = codes.attributes if codes is not None else {}
        province, csd = area_codes(attributes, len(areas))
        return served_by_regions(areas.points(), province, csd, regions)

    def read_areas(self, parameters, context, metric, feedback):
        areas, pop, groups, _ = self.read_areas_with_universe(parameters, context, metric, feedback)
        return areas, pop, groups

    def read_areas_with_universe(self, parameters, context, metric, feedback):
        """Areas, population (people; NaN where unknown), groups and universe (None without one)."""
        layer, _ = self.input_layer(parameters, self.AREAS, context)
        population, universe_field, percent = self.population_fields(parameters, context, layer)
        has_group = self.parameterDefinition(self.GROUP_FIELD) is not None
        group = (self.parameterAsString(parameters, self.GROUP_FIELD, context) if has_group else "") or None
        fields = list(
            dict.fromkeys(
                [population] + ([universe_field] if universe_field else []) + ([group] if group else [])
            )
        )
        areas = self.layer_arrays(parameters, self.AREAS, context, fields, metric, feedback)
        pop, not_numbers = number_column(areas.attributes[population])
        if len(not_numbers):
            feedback.pushWarning(
                self.tr(
                    "Population field '{}' holds values that are not numbers ({}): those areas count as unknown."
                ).format(population, ", ".join(repr(v) for v in not_numbers[:5]))
            )
        universe = number_column(areas.attributes[universe_field])[0] if universe_field else None
        if percent:
            pop = pop / 100.0 * universe
            feedback.pushInfo(
                self.tr("'{}' is a percentage of '{}': counted as that share of its people.").format(
                    population, universe_field
                )
            )
        groups = areas.attributes[group] if group else np.full(len(areas), "all", dtype=object)
        return areas, pop, groups, universe
