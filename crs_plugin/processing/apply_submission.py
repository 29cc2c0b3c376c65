"""crs:applysubmission — review, apply (one transaction, three-way merge) or reject a submission."""

from __future__ import annotations

from qgis.core import (
    QgsField,
    QgsFields,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QVariant

from ..core.errors import SubmissionError
from ..core.submissions.merge import ConflictPolicy
from ..core.submissions.package import read_package
from .base import CrsAlgorithm
from .contribute import shared_store, shared_store_parameter

ACTIONS = ("review", "apply", "reject")
POLICIES = (ConflictPolicy.STOP, ConflictPolicy.KEEP_STORE, ConflictPolicy.TAKE_SUBMISSION)


class ApplySubmissionAlgorithm(CrsAlgorithm):
    NAME = "applysubmission"
    DISPLAY_NAME = "Review and apply a submission"
    GROUP_ID = "contribute"

    SUBMISSION_ID = "SUBMISSION_ID"
    PACKAGE = "PACKAGE"
    ACTION = "ACTION"
    POLICY = "CONFLICT_POLICY"
    REASON = "REASON"
    OUTPUT = "OUTPUT"
    APPLIED = "APPLIED"
    CONFLICTS = "CONFLICTS"
    VERSION = "STORE_VERSION"

    def initAlgorithm(self, config=None):
        self.addParameter(shared_store_parameter(self))
        self.addParameter(QgsProcessingParameterNumber(
            self.SUBMISSION_ID, self.tr("Submission id"), QgsProcessingParameterNumber.Integer, optional=True, minValue=1))  # fmt: skip
        self.addParameter(QgsProcessingParameterFile(
            self.PACKAGE, self.tr("…or a package from the shared folder"), optional=True,
            fileFilter="Submission package (*.crs.zip)"))  # fmt: skip
        self.addParameter(QgsProcessingParameterEnum(
            self.ACTION, self.tr("Action"), [self.tr("Review only (write nothing)"), self.tr("Apply"), self.tr("Reject")],
            defaultValue=0))  # fmt: skip
        self.addParameter(QgsProcessingParameterEnum(
            self.POLICY, self.tr("Conflicting fields"),
            [self.tr("Stop: apply nothing while there are conflicts"), self.tr("Keep the shared store's values"),
             self.tr("Take the submission's values")], defaultValue=0))  # fmt: skip
        self.addParameter(
            QgsProcessingParameterString(self.REASON, self.tr("Reason (for a rejection)"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Review report"), optional=True)
        )
        self.addOutput(QgsProcessingOutputNumber(self.APPLIED, self.tr("Changes written")))
        self.addOutput(QgsProcessingOutputNumber(self.CONFLICTS, self.tr("Conflicting fields")))
        self.addOutput(QgsProcessingOutputNumber(self.VERSION, self.tr("Store version")))

    def compute(self, parameters, context, feedback):
        store = shared_store(self, parameters, context)
        action = ACTIONS[self.parameterAsEnum(parameters, self.ACTION, context)]
        policy = POLICIES[self.parameterAsEnum(parameters, self.POLICY, context)]
        submission_id = self._submission_id(parameters, context, store, feedback)
        if action == "reject":
            store.reject(submission_id, self.parameterAsString(parameters, self.REASON, context) or "")
            feedback.pushInfo(self.tr("Submission {} rejected.").format(submission_id))
            return {self.SUBMISSION_ID: submission_id, self.APPLIED: 0, self.CONFLICTS: 0, self.OUTPUT: None}

        def progress(done, total):
            feedback.setProgress(100.0 * done / total)
            if feedback.isCanceled():
                raise SubmissionError("Cancelled: nothing was applied (the transaction was rolled back).")

        report = store.apply(submission_id, policy, dry_run=action == "review", on_change=progress)
        dest = None
        if parameters.get(self.OUTPUT) is not None:
            fields = QgsFields()
            for name in ("operation", "point_id", "field", "base", "store", "submitted", "result"):
                fields.append(QgsField(name, QVariant.String))
            rows = [[o.operation, o.point_id, o.field, *(_text(v) for v in (o.base, o.store, o.submitted)), o.result]
                    for o in report.outcomes]  # fmt: skip
            dest = self.write_table(parameters, self.OUTPUT, context, fields, rows)
        for conflict in report.conflicts:
            feedback.pushWarning(self.tr("Conflict on {} {}: base {!r}, shared store {!r}, submission {!r}.").format(
                conflict.point_id, conflict.field, conflict.base, conflict.store, conflict.submitted))  # fmt: skip
        feedback.pushInfo(str(report))
        return {self.SUBMISSION_ID: submission_id, self.APPLIED: report.written, self.CONFLICTS: len(report.conflicts),
                self.VERSION: report.version, self.OUTPUT: dest}  # fmt: skip

    def _submission_id(self, parameters, context, store, feedback) -> int:
        package = self.parameterAsFile(parameters, self.PACKAGE, context)
        given = parameters.get(self.SUBMISSION_ID) not in (None, "")
        if given == bool(package):
            raise SubmissionError("Give either a submission id or a package file (one of them).")
        if given:
            return self.parameterAsInt(parameters, self.SUBMISSION_ID, context)
        submission_id = store.submit(read_package(package))
        feedback.pushInfo(self.tr("Package staged as submission {}.").format(submission_id))
        return submission_id


def _text(value) -> str | None:
    return None if value is None else str(value)
