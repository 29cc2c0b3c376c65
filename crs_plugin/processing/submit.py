"""crs:submit — send a package to the shared store (database) or to a shared folder."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFile,
)

from ..core.errors import SubmissionError
from ..core.i18n import translatable
from ..core.submissions.package import read_package, send_to_folder
from .base import CrsAlgorithm
from .contribute import shared_store, shared_store_parameter


class SubmitAlgorithm(CrsAlgorithm):
    NAME = "submit"
    DISPLAY_NAME = translatable("Submit a package")
    GROUP_ID = "contribute"

    PACKAGE = "PACKAGE"
    FOLDER = "FOLDER"
    SUBMISSION_ID = "SUBMISSION_ID"
    SENT_TO = "SENT_TO"

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(self.PACKAGE, self.tr("Submission package"),
                                                     fileFilter="Submission package (*.crs.zip)"))  # fmt: skip
        self.addParameter(shared_store_parameter(self, optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.FOLDER, self.tr("…or a shared folder (teams without database access)"),
            behavior=QgsProcessingParameterFile.Folder, optional=True))  # fmt: skip
        self.addOutput(QgsProcessingOutputNumber(self.SUBMISSION_ID, self.tr("Submission id")))
        self.addOutput(QgsProcessingOutputString(self.SENT_TO, self.tr("Package copy in the shared folder")))

    def compute(self, parameters, context, feedback):
        package = self.parameterAsFile(parameters, self.PACKAGE, context)
        store = shared_store(self, parameters, context)
        folder = self.parameterAsFile(parameters, self.FOLDER, context)
        if (store is None) == (not folder):
            raise SubmissionError(
                self.tr(
                    "Choose where to send the package: the shared store or a shared folder (one of them)."
                )
            )
        if store is None:
            sent = send_to_folder(package, folder)
            feedback.pushInfo(self.tr("Package placed in {}.").format(sent))
            return {self.SENT_TO: str(sent), self.SUBMISSION_ID: None}
        submission_id = store.submit(read_package(package))
        feedback.pushInfo(
            self.tr("Submitted as number {}; the geomapping team will review it.").format(submission_id)
        )
        return {self.SUBMISSION_ID: submission_id, self.SENT_TO: ""}
