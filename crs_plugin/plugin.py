"""Plugin life cycle: what initGui adds, unload removes."""

from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsMessageLog
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .toolbelt.log import LOG_TAG

MENU = "&CRS Service Points"
_ICON = Path(__file__).resolve().parent / "resources" / "icons" / "icon.svg"


class MissingRequirementsPlugin:
    """Stands in when shapely 2 / SciPy are missing: says what to install, adds nothing."""

    def __init__(self, iface, missing: list[str]) -> None:
        self.iface = iface
        self.message = QCoreApplication.translate(
            "CrsServicePointsPlugin",
            "CRS Service Points needs these Python packages: {}. Install them in QGIS's Python "
            "(OSGeo4W shell or: python3 -m pip install --user 'shapely>=2' scipy) and restart QGIS.",
        ).format(", ".join(missing))

    def initProcessing(self) -> None:  # noqa: N802 - QGIS API
        QgsMessageLog.logMessage(self.message, LOG_TAG, Qgis.Critical)

    def initGui(self) -> None:  # noqa: N802 - QGIS API
        self.initProcessing()
        if self.iface is not None:
            self.iface.messageBar().pushMessage(LOG_TAG, self.message, Qgis.Critical, 0)

    def unload(self) -> None:
        pass


class CrsServicePointsPlugin:
    def __init__(self, iface) -> None:
        self.iface = iface
        self.provider = None  # the CrsProvider we registered, if any
        self.actions: list[QAction] = []

    @staticmethod
    def tr(text: str) -> str:
        return QCoreApplication.translate("CrsServicePointsPlugin", text)

    def initProcessing(self) -> None:  # noqa: N802 - QGIS API
        from .processing.provider import CrsProvider

        if self.provider is None:
            provider = CrsProvider()
            # addProvider refuses a second provider with the same id (another copy of
            # the plugin); keep a reference only to what we registered, so unload
            # never removes someone else's.
            if QgsApplication.processingRegistry().addProvider(provider):
                self.provider = provider

    def initGui(self) -> None:  # noqa: N802 - QGIS API
        self.initProcessing()
        action = QAction(QIcon(str(_ICON)), self.tr("Nearest service point…"), self.iface.mainWindow())
        action.setObjectName("crsNearestServiceAction")
        action.triggered.connect(self.open_nearest_service)
        self.iface.addPluginToMenu(MENU, action)
        self.iface.addToolBarIcon(action)
        self.actions.append(action)

    def unload(self) -> None:
        for action in self.actions:
            action.triggered.disconnect()
            self.iface.removePluginMenu(MENU, action)
            self.iface.removeToolBarIcon(action)
            action.deleteLater()
        self.actions = []
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None

    def open_nearest_service(self) -> None:
        import processing  # Processing's GUI helpers; only needed when the user clicks

        processing.execAlgorithmDialog("crs:nearestservice", {})
