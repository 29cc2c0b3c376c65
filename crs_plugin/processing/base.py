"""What every CRS Service Points algorithm shares: naming, help, filters, errors."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterString,
    QgsProcessingUtils,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..core.errors import CrsServicePointsError
from ..core.filters import ServiceFilter
from ..core.schema import CHANNELS, ORDERS_OF_GOVERNMENT, POINT_TYPES
from ..toolbelt.translation import language
from .layer_arrays import LayerArrays, read_layer

_RESOURCES = Path(__file__).resolve().parent.parent / "resources"


class CrsAlgorithm(QgsProcessingAlgorithm):
    """Base class. Subclasses set NAME, DISPLAY_NAME, GROUP and implement ``compute``."""

    NAME = ""
    DISPLAY_NAME = ""
    GROUP = "analysis"

    ORDERS = "ORDERS_OF_GOVERNMENT"
    CHANNELS = "CHANNELS"
    POINT_TYPES = "POINT_TYPES"
    SERVICE_CODES = "SERVICE_CODES"

    _GROUPS = {"analysis": "Proximity and overlap", "sources": "Sources"}

    def tr(self, text: str) -> str:
        return QCoreApplication.translate(type(self).__name__, text)

    def createInstance(self):
        return type(self)()

    def name(self) -> str:
        return self.NAME

    def displayName(self) -> str:
        return self.tr(self.DISPLAY_NAME)

    def group(self) -> str:
        return self.tr(self._GROUPS[self.GROUP])

    def groupId(self) -> str:
        return self.GROUP

    def icon(self) -> QIcon:
        return QIcon(str(_RESOURCES / "icons" / "icon.svg"))

    def shortHelpString(self) -> str:
        lang = language()
        for name in (f"{self.NAME}_{lang}.md", f"{self.NAME}.md"):
            path = _RESOURCES / "help" / name
            if path.exists():
                return path.read_text(encoding="utf-8")
        return ""

    # -- shared parameters ------------------------------------------------------

    def add_service_filter_parameters(self) -> None:
        lang = language()
        for name, label, choices in (
            (self.ORDERS, "Only these orders of government", ORDERS_OF_GOVERNMENT),
            (self.CHANNELS, "Only these channels", CHANNELS),
            (self.POINT_TYPES, "Only these point types", POINT_TYPES),
        ):
            param = QgsProcessingParameterEnum(
                name,
                self.tr(label),
                options=[c.label(lang) for c in choices],
                allowMultiple=True,
                optional=True,
            )
            param.setHelp(self.tr("Leave empty to use every service point."))
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
            channels=codes(self.CHANNELS, CHANNELS),
            point_types=codes(self.POINT_TYPES, POINT_TYPES),
            services=tuple(s.strip() for s in text.split(",") if s.strip()),
        )

    # -- reading inputs -----------------------------------------------------------

    def layer_arrays(
        self,
        parameters,
        name: str,
        context,
        fields: list[str],
        dest_crs: QgsCoordinateReferenceSystem,
        feedback,
    ) -> LayerArrays:
        definition = parameters.get(name)
        if isinstance(definition, QgsProcessingFeatureSourceDefinition):
            # parameterAsVectorLayer does not resolve source definitions in QGIS 3.22.
            value = definition.source.valueAsString(context.expressionContext(), "")[0]
            layer = QgsProcessingUtils.mapLayerFromString(value, context)
        else:
            layer = self.parameterAsVectorLayer(parameters, name, context)
        if layer is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        request = None
        if isinstance(definition, QgsProcessingFeatureSourceDefinition) and definition.selectedFeaturesOnly:
            request = QgsFeatureRequest().setFilterFids(layer.selectedFeatureIds())
        return read_layer(layer, fields, dest_crs, context.transformContext(), feedback, request)

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
            return self.compute(parameters, context, feedback)
        except CrsServicePointsError as exc:
            raise QgsProcessingException(str(exc)) from None

    def compute(self, parameters, context, feedback) -> dict:
        raise NotImplementedError
