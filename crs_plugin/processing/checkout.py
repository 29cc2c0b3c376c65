"""crs:checkout — an editable GeoPackage of a jurisdiction's points, with its form and base version."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsVectorLayer,
)

from ..core.errors import SubmissionError
from ..core.i18n import translatable
from ..core.partnerships import PARTNERSHIP_FIELDS, PARTNERSHIPS_TABLE
from ..core.store import POINTS_LAYER
from ..core.submissions.checkout import CheckoutInfo, write_checkout
from ..ui.forms import configure_form, save_form_as_default
from .base import CrsAlgorithm
from .contribute import shared_store, shared_store_parameter


class CheckoutAlgorithm(CrsAlgorithm):
    NAME = "checkout"
    DISPLAY_NAME = translatable("Check out service points")
    GROUP_ID = "contribute"

    JURISDICTION = "JURISDICTION"
    ORGANISATION = "ORGANISATION"
    OUTPUT = "OUTPUT"
    POINTS = "POINTS"
    PARTNERSHIPS = "PARTNERSHIPS"
    BASE_VERSION = "BASE_VERSION"

    def initAlgorithm(self, config=None):
        self.addParameter(shared_store_parameter(self))
        self.addParameter(QgsProcessingParameterString(
            self.JURISDICTION, self.tr("Jurisdiction (province code, CA, or municipality code)")))  # fmt: skip
        self.addParameter(
            QgsProcessingParameterString(self.ORGANISATION, self.tr("Organization"), optional=True)
        )
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Checkout GeoPackage"), "GeoPackage (*.gpkg)"))  # fmt: skip
        self.addOutput(QgsProcessingOutputNumber(self.POINTS, self.tr("Points checked out")))
        self.addOutput(QgsProcessingOutputNumber(self.PARTNERSHIPS, self.tr("Partnerships checked out")))
        self.addOutput(QgsProcessingOutputNumber(self.BASE_VERSION, self.tr("Base version")))

    def compute(self, parameters, context, feedback):
        store = shared_store(self, parameters, context)
        jurisdiction = self.parameterAsString(parameters, self.JURISDICTION, context).strip()
        organisation = self.parameterAsString(parameters, self.ORGANISATION, context).strip() or None
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        snapshot = store.checkout(jurisdiction, organisation)
        rows, version = snapshot.points, snapshot.version
        if not rows:
            message = (self.tr("The shared store has no points for jurisdiction '{jurisdiction}' and organization "
                               "'{organisation}'.") if organisation
                       else self.tr("The shared store has no points for jurisdiction '{jurisdiction}'."))  # fmt: skip
            raise SubmissionError(message.format(jurisdiction=jurisdiction, organisation=organisation))
        write_checkout(path, rows, CheckoutInfo(jurisdiction, version, store.describe(), organisation),
                       snapshot.partnerships)  # fmt: skip
        uri = f"{path}|layername={POINTS_LAYER}"
        layer = QgsVectorLayer(uri, POINTS_LAYER, "ogr")
        configure_form(layer)
        # The partnerships that involve these points travel with them, each table with its form.
        partnerships = QgsVectorLayer(f"{path}|layername={PARTNERSHIPS_TABLE}", PARTNERSHIPS_TABLE, "ogr")
        configure_form(partnerships, fields=PARTNERSHIP_FIELDS)
        for table in (layer, partnerships):
            error = save_form_as_default(table)
            if error:
                feedback.pushWarning(
                    self.tr("The attribute form could not be saved in the GeoPackage: {}").format(error)
                )
        feedback.pushInfo(
            self.tr("{} points of {} and {} partnerships checked out at store version {}.").format(
                len(rows), jurisdiction, len(snapshot.partnerships), version
            )
        )
        if context.project() is not None:
            details = QgsProcessingContext.LayerDetails(
                self.tr("Checkout {}").format(jurisdiction), context.project(), self.OUTPUT)  # fmt: skip
            context.addLayerToLoadOnCompletion(uri, details)
        return {self.OUTPUT: path, self.POINTS: len(rows), self.PARTNERSHIPS: len(snapshot.partnerships),
                self.BASE_VERSION: version}  # fmt: skip
