"""crs:buildsubmission — validate a checkout and package its changes (manifest + geodiff changeset)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..core.errors import SubmissionError
from ..core.i18n import translatable
from ..core.store import GeoPackageStore
from ..core.submissions.checkout import partnership_problems
from ..core.submissions.package import build_package, count_changes
from ..core.validation import ERROR, validate
from ..toolbelt.signing_keys import private_key
from ..toolbelt.translation import language
from .base import CrsAlgorithm


def _named(problem) -> str:
    """A problem's point, or its partnership ("partnership P-001")."""
    pid = getattr(problem, "partnership_id", None)
    return f"partnership {pid}" if pid else (getattr(problem, "point_id", None) or "")


class BuildSubmissionAlgorithm(CrsAlgorithm):
    NAME = "buildsubmission"
    DISPLAY_NAME = translatable("Build a submission package")
    GROUP_ID = "contribute"

    CHECKOUT = "CHECKOUT"
    CONTRIBUTOR = "CONTRIBUTOR"
    SIGNING_KEY = "SIGNING_KEY"
    NOTE = "NOTE"
    OUTPUT = "OUTPUT"
    INSERTS, UPDATES, DELETES = "INSERTS", "UPDATES", "DELETES"
    PARTNERSHIP_INSERTS, PARTNERSHIP_UPDATES, PARTNERSHIP_DELETES = (
        "PARTNERSHIP_INSERTS", "PARTNERSHIP_UPDATES", "PARTNERSHIP_DELETES")  # fmt: skip

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFile(self.CHECKOUT, self.tr("Checkout GeoPackage"), extension="gpkg")
        )
        self.addParameter(
            QgsProcessingParameterString(self.CONTRIBUTOR, self.tr("Contributor (name, e-mail)"))
        )
        signing_key = QgsProcessingParameterAuthConfig(
            self.SIGNING_KEY, self.tr("My signing key (QGIS authentication configuration)"), optional=True)  # fmt: skip
        signing_key.setHelp(self.tr("The key pair the plugin made for you (Contribute tab › Create my signing key); "
                                    "its public key is registered in the shared store. Packages sent through a "
                                    "shared folder must be signed."))  # fmt: skip
        self.addParameter(signing_key)
        self.addParameter(QgsProcessingParameterString(self.NOTE, self.tr("Note to the reviewers"), optional=True,
                                                       multiLine=True))  # fmt: skip
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Submission package"), "Submission package (*.crs.zip)"))  # fmt: skip
        outputs = (
            (self.INSERTS, translatable("Points added")),
            (self.UPDATES, translatable("Points changed")),
            (self.DELETES, translatable("Points deleted")),
            (self.PARTNERSHIP_INSERTS, translatable("Partnerships added")),
            (self.PARTNERSHIP_UPDATES, translatable("Partnerships changed")),
            (self.PARTNERSHIP_DELETES, translatable("Partnerships deleted")),
        )
        for name, label in outputs:
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(label)))  # i18n: marked

    def compute(self, parameters, context, feedback):
        checkout = self.parameterAsFile(parameters, self.CHECKOUT, context)
        contributor = self.parameterAsString(parameters, self.CONTRIBUTOR, context).strip()
        if not contributor:
            raise SubmissionError(self.tr("Say who you are (Contributor): the reviewers will answer you."))
        target = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        points = GeoPackageStore(checkout).read_points()
        problems = validate(points, language=language())
        problems += partnership_problems(checkout, language())
        errors = [p for p in problems if p.severity == ERROR]
        for p in problems:
            if p.severity != ERROR:
                feedback.pushWarning(f"{_named(p)} [{p.field}] {p.message}")
        if errors:
            first = errors[0]
            raise SubmissionError(
                self.tr("The checkout has {count} error(s), for example {point}: {message} Fix them (run 'Validate "
                        "service points' to list them all), then build again.").format(
                    count=len(errors), point=_named(first) or self.tr("a new point"), message=first.message)
            )  # fmt: skip
        note = self.parameterAsString(parameters, self.NOTE, context) or ""
        authcfg = self.parameterAsString(parameters, self.SIGNING_KEY, context)
        key = private_key(authcfg) if authcfg else None
        submission = build_package(checkout, target, contributor, note, signing_key=key)
        counts = submission.manifest["counts"]
        partnerships = count_changes(submission.changes, "partnerships")
        feedback.pushInfo(self.tr("Package {}: {} added, {} changed, {} deleted.").format(
            target, counts["insert"], counts["update"], counts["delete"]))  # fmt: skip
        if any(partnerships.values()):
            feedback.pushInfo(self.tr("Partnerships: {} added, {} changed, {} deleted.").format(
                partnerships["insert"], partnerships["update"], partnerships["delete"]))  # fmt: skip
        if key is None:
            feedback.pushWarning(self.tr("The package is not signed: it can be submitted to the shared store with "
                                         "your database login, but not through a shared folder."))  # fmt: skip
        return {self.OUTPUT: target, self.INSERTS: counts["insert"], self.UPDATES: counts["update"],
                self.DELETES: counts["delete"], self.PARTNERSHIP_INSERTS: partnerships["insert"],
                self.PARTNERSHIP_UPDATES: partnerships["update"],
                self.PARTNERSHIP_DELETES: partnerships["delete"]}  # fmt: skip
