"""crs:applysubmission — review, apply (one transaction, three-way merge) or reject a submission."""

from __future__ import annotations

import json

from qgis.core import (
    QgsField,
    QgsFields,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core.errors import SubmissionError
from ..core.i18n import translatable
from ..core.submissions.merge import ConflictPolicy, decisions_from_json
from ..core.submissions.package import read_package
from ..toolbelt.qgis_compat import FieldType
from .base import CrsAlgorithm
from .contribute import SHARED_STORE, shared_store, shared_store_parameter

ACTIONS = ("review", "apply", "reject")
POLICIES = (ConflictPolicy.STOP, ConflictPolicy.KEEP_STORE, ConflictPolicy.TAKE_SUBMISSION)
#: Columns of the review report, one row per field of a point or a partnership (``table``; ``point_id`` is the
#: row's key, a partnership's partnership_id); the review dialog reads them back.
REPORT_COLUMNS = ("key", "table", "operation", "row_id", "point_id", "name", "field", "kind", "base", "store",
                  "submitted", "result", "other", "detail")  # fmt: skip
#: Custom properties of a loaded review report: where its submission is, to decide its conflicts later.
REVIEW_PROPERTY = "crs_service_points/review"


class ApplySubmissionAlgorithm(CrsAlgorithm):
    NAME = "applysubmission"
    DISPLAY_NAME = translatable("Review and apply a submission")
    GROUP_ID = "contribute"

    SUBMISSION_ID = "SUBMISSION_ID"
    PACKAGE = "PACKAGE"
    ACTION = "ACTION"
    POLICY = "CONFLICT_POLICY"
    DECISIONS = "DECISIONS"
    REASON = "REASON"
    OUTPUT = "OUTPUT"
    APPLIED = "APPLIED"
    CONFLICTS = "CONFLICTS"
    VERSION = "STORE_VERSION"
    CONTRIBUTOR = "CONTRIBUTOR"

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
        decisions = QgsProcessingParameterString(
            self.DECISIONS, self.tr("Decisions, conflict by conflict (JSON, from the review dialog)"),
            optional=True, multiLine=True)  # fmt: skip
        decisions.setHelp(self.tr('{"update:12:name_en": {"choice": "store" | "submission" | "value", "value": …}}; '
                                  "conflicts without a decision follow 'Conflicting fields'."))  # fmt: skip
        self.addParameter(decisions)
        self.addParameter(
            QgsProcessingParameterString(self.REASON, self.tr("Reason (for a rejection)"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Review report"), optional=True)
        )
        self.addOutput(QgsProcessingOutputNumber(self.APPLIED, self.tr("Changes written")))
        self.addOutput(QgsProcessingOutputNumber(self.CONFLICTS, self.tr("Conflicting fields")))
        self.addOutput(QgsProcessingOutputNumber(self.VERSION, self.tr("Store version")))
        self.addOutput(QgsProcessingOutputString(self.CONTRIBUTOR, self.tr("Contributor (registered role)")))

    def compute(self, parameters, context, feedback):
        store = shared_store(self, parameters, context)
        action = ACTIONS[self.parameterAsEnum(parameters, self.ACTION, context)]
        policy = POLICIES[self.parameterAsEnum(parameters, self.POLICY, context)]
        decisions = decisions_from_json(self.parameterAsString(parameters, self.DECISIONS, context))
        source = self._source(parameters, context)
        if action == "reject":
            submission_id = store.reject(
                source, self.parameterAsString(parameters, self.REASON, context) or ""
            )
            feedback.pushInfo(self.tr("Submission {} rejected.").format(submission_id))
            return {self.SUBMISSION_ID: submission_id, self.APPLIED: 0, self.CONFLICTS: 0, self.OUTPUT: None}

        def progress(done, total):
            feedback.setProgress(100.0 * done / total)
            if feedback.isCanceled():
                raise SubmissionError(
                    self.tr("Cancelled: nothing was applied (the transaction was rolled back).")
                )

        if action == "review":  # a package file is reviewed as it is: nothing is staged
            report = store.review(source, policy, decisions)
        else:
            report = store.apply(source, policy, decisions, on_change=progress)
        dest = None
        if parameters.get(self.OUTPUT) is not None:
            fields = QgsFields()
            for name in REPORT_COLUMNS:
                fields.append(QgsField(name, FieldType.LongLong if name == "row_id" else FieldType.String))
            rows = [[o.key, o.table, o.operation, o.row_id, o.point_id, o.name, o.field, o.kind,
                     *(_text(v) for v in (o.base, o.store, o.submitted)), o.result, o.other, o.detail]
                    for o in report.outcomes]  # fmt: skip
            dest = self.write_table(parameters, self.OUTPUT, context, fields, rows)
            review = {"connection": self.parameterAsConnectionName(parameters, SHARED_STORE, context),
                      "submission_id": report.submission_id,
                      "package": self.parameterAsFile(parameters, self.PACKAGE, context) or None}  # fmt: skip
            self.style_on_load(context, dest, lambda layer: _remember_review(layer, review))
        for conflict in report.conflicts:
            feedback.pushWarning(conflict.describe())
        feedback.pushInfo(str(report))
        contributor = report.contributor.role if report.contributor else ""
        return {self.SUBMISSION_ID: report.submission_id, self.APPLIED: report.written,
                self.CONFLICTS: len(report.conflicts), self.VERSION: report.version, self.OUTPUT: dest,
                self.CONTRIBUTOR: contributor}  # fmt: skip

    def _source(self, parameters, context):
        """The submission's number, or the package file read (untrusted) from the shared folder."""
        package = self.parameterAsFile(parameters, self.PACKAGE, context)
        given = parameters.get(self.SUBMISSION_ID) not in (None, "")
        if given == bool(package):
            raise SubmissionError(self.tr("Give either a submission id or a package file (one of them)."))
        if given:
            return self.parameterAsInt(parameters, self.SUBMISSION_ID, context)
        return read_package(package)


def _remember_review(layer, review: dict) -> None:
    """A loaded review report knows its submission, so that its conflicts can be decided from it."""
    layer.setCustomProperty(REVIEW_PROPERTY, json.dumps(review))
    from ..ui.review_dialog import offer_review  # noqa: PLC0415 - the interface, only when QGIS shows the report

    offer_review(layer)


def _text(value) -> str | None:
    return None if value is None else str(value)
