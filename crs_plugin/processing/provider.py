"""The Processing provider: id ``crs``, listed as 'CRS Service Points'."""

from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis, QgsMessageLog, QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..core import i18n
from ..toolbelt.log import LOG_TAG
from ..toolbelt.translation import language
from .accessibility import AccessibilityAlgorithm
from .add_source import AddSourceAlgorithm
from .catchment_overlap import CatchmentOverlapAlgorithm
from .colocation_candidates import ColocationCandidatesAlgorithm
from .colocation_planner import ColocationPlannerAlgorithm
from .coverage import CoverageAlgorithm
from .duplicates import DuplicatesAlgorithm
from .import_census import ImportCensusAlgorithm
from .load_sources import LoadSourcesAlgorithm
from .nearest_service import NearestServiceAlgorithm
from .network_distance import NetworkDistanceAlgorithm
from .official_language_coverage import OfficialLanguageCoverageAlgorithm
from .publish_open_data import PublishOpenDataAlgorithm
from .report import ReportAlgorithm
from .service_areas import ServiceAreasAlgorithm
from .service_gaps import ServiceGapsAlgorithm
from .service_standard import ServiceStandardAlgorithm

ALGORITHMS = (
    NearestServiceAlgorithm,
    CoverageAlgorithm,
    ServiceGapsAlgorithm,
    ColocationCandidatesAlgorithm,
    DuplicatesAlgorithm,
    AccessibilityAlgorithm,
    CatchmentOverlapAlgorithm,
    NetworkDistanceAlgorithm,
    OfficialLanguageCoverageAlgorithm,
    ServiceAreasAlgorithm,
    ColocationPlannerAlgorithm,
    ServiceStandardAlgorithm,
    ReportAlgorithm,
    LoadSourcesAlgorithm,
    AddSourceAlgorithm,
    ImportCensusAlgorithm,
    PublishOpenDataAlgorithm,
)


class CrsProvider(QgsProcessingProvider):
    def id(self) -> str:
        return "crs"

    def name(self) -> str:
        return QCoreApplication.translate("CrsServicePoints", "CRS Service Points")  # as the panel is titled

    def longName(self) -> str:
        return self.name()

    def icon(self) -> QIcon:
        return QIcon(str(Path(__file__).resolve().parent.parent / "resources" / "icons" / "icon.svg"))

    def loadAlgorithms(self) -> None:
        # core's messages (errors, summaries) in the interface language, also under qgis_process.
        i18n.install(QCoreApplication.translate, language)
        for algorithm in ALGORITHMS + contribute_algorithms():
            self.addAlgorithm(algorithm())


def contribute_algorithms() -> tuple:
    """The contribute-and-review algorithms, when their libraries (pygeodiff, psycopg2, cryptography) are
    installed."""
    from .. import missing_optional_requirements

    missing = missing_optional_requirements()
    if missing:
        QgsMessageLog.logMessage(
            QCoreApplication.translate(
                "CrsServicePoints",
                "Contribute and review tools are unavailable: they need {}. Install them (python3 -m pip install "
                "--user pygeodiff; apt install python3-psycopg2 python3-cryptography) and restart QGIS.",
            ).format(", ".join(missing)),
            LOG_TAG,
            Qgis.Warning,
        )
        return ()
    from .apply_submission import ApplySubmissionAlgorithm
    from .build_submission import BuildSubmissionAlgorithm
    from .checkout import CheckoutAlgorithm
    from .submit import SubmitAlgorithm
    from .validate import ValidateAlgorithm

    return (
        CheckoutAlgorithm,
        ValidateAlgorithm,
        BuildSubmissionAlgorithm,
        SubmitAlgorithm,
        ApplySubmissionAlgorithm,
    )
