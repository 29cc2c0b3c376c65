"""crs:loadsources — load catalogue sources into the GeoPackage store, one transaction each."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..core.catalogue import SAMPLE_CATALOGUE, load_catalogue
from ..core.errors import CrsServicePointsError
from ..core.i18n import translatable
from ..core.sources import load_points
from ..core.store import POINTS_LAYER, GeoPackageStore
from ..toolbelt.network import qgis_http_client
from ..ui.forms import present_service_points
from .base import CrsAlgorithm


class LoadSourcesAlgorithm(CrsAlgorithm):
    NAME = "loadsources"
    DISPLAY_NAME = translatable("Load service point sources")
    GROUP_ID = "sources"

    CATALOGUE = "CATALOGUE"
    SOURCES = "SOURCE_IDS"
    OUTPUT = "OUTPUT"
    POINTS = "SERVICE_POINTS"
    LOADED = "POINTS_LOADED"
    FAILED = "FAILED_SOURCES"
    SOURCES_LOADED = "SOURCES_LOADED"
    CHANGED = "POINTS_CHANGED"

    def initAlgorithm(self, config=None):
        catalogue = QgsProcessingParameterFile(
            self.CATALOGUE, self.tr("Source catalogue (JSON)"), extension="json", defaultValue=str(SAMPLE_CATALOGUE),
            optional=True,
        )  # fmt: skip
        catalogue.setHelp(self.tr("Leave empty for the sample catalogue shipped with the plugin."))
        self.addParameter(catalogue)
        ids = QgsProcessingParameterString(
            self.SOURCES, self.tr("Source ids (comma-separated; empty = all)"), optional=True
        )
        self.addParameter(ids)
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT, self.tr("GeoPackage store"), "GeoPackage (*.gpkg)"
            )
        )
        self.addOutput(QgsProcessingOutputVectorLayer(self.POINTS, self.tr("Service points")))
        self.addOutput(QgsProcessingOutputNumber(self.LOADED, self.tr("Points loaded")))
        self.addOutput(QgsProcessingOutputString(self.FAILED, self.tr("Sources that failed")))
        self.addOutput(QgsProcessingOutputNumber(self.SOURCES_LOADED, self.tr("Sources loaded")))
        self.addOutput(QgsProcessingOutputNumber(self.CHANGED, self.tr("Points added, changed or removed")))

    def compute(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, self.CATALOGUE, context) or str(SAMPLE_CATALOGUE)
        catalogue = load_catalogue(path, qgis_http_client())  # a path, or the URL of a shared catalogue
        wanted = [
            s.strip()
            for s in (self.parameterAsString(parameters, self.SOURCES, context) or "").split(",")
            if s.strip()
        ]
        entries = [catalogue.entry(sid) for sid in wanted] if wanted else list(catalogue.entries)
        if not entries:
            raise QgsProcessingException(self.tr("The catalogue lists no sources."))
        store = GeoPackageStore(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        loaded, failed, sources_loaded, changed = 0, [], 0, 0
        for number, entry in enumerate(entries):
            if feedback.isCanceled():
                feedback.pushInfo(
                    self.tr("Cancelled: sources already loaded are kept, the others untouched.")
                )
                break
            feedback.pushInfo(self.tr("Loading {} ({})…").format(entry.id, entry.connector.get("type")))
            try:
                # Through QGIS's network manager: the user's proxy and, if named, an auth configuration.
                client = qgis_http_client(str(entry.connector.get("authcfg", "")))
                points, provenance = load_points(catalogue.source(entry.id, client), entry.mapping)
                summary = store.write_points(points, provenance)
            except CrsServicePointsError as exc:
                # One source failing leaves its previous version in the store and the others loading.
                feedback.reportError(self.tr("{}: {}").format(entry.id, exc), fatalError=False)
                failed.append(entry.id)
            else:
                loaded += summary.total
                sources_loaded += 1
                changed += summary.added + summary.changed + summary.removed
                feedback.pushInfo(str(summary))
                for note in provenance.extra.get("notes", []):  # how the source was read (decimal commas…)
                    feedback.pushInfo(self.tr("{}: {}").format(entry.id, note))
            feedback.setProgress(100.0 * (number + 1) / len(entries))
        if failed and len(failed) == len(entries):
            raise QgsProcessingException(self.tr("No source could be loaded: {}.").format(", ".join(failed)))
        points = f"{store.path}|layername={POINTS_LAYER}"
        if context.project() is not None:
            # Run from the toolbox or a model: the points join the project, labelled and with their form.
            details = QgsProcessingContext.LayerDetails(
                self.tr("Service points"), context.project(), self.POINTS
            )
            details.forceName = True
            context.addLayerToLoadOnCompletion(points, details)
            self.style_on_load(context, points, present_service_points)
        return {
            self.OUTPUT: store.path,
            self.POINTS: points,
            self.LOADED: loaded,
            self.FAILED: ",".join(failed),
            self.SOURCES_LOADED: sources_loaded,
            self.CHANGED: changed,
        }
