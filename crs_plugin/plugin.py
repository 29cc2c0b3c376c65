"""Plugin life cycle: what initGui adds, unload removes."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .processing.provider import CrsProvider

MENU = "&CRS Service Points"
_ICON = Path(__file__).resolve().parent / "resources" / "icons" / "icon.svg"


class CrsServicePointsPlugin:
    def __init__(self, iface) -> None:
        self.iface = iface
        self.provider: CrsProvider | None = None
        self.actions: list[QAction] = []

    @staticmethod
    def tr(text: str) -> str:
        return QCoreApplication.translate("CrsServicePointsPlugin", text)

    def initProcessing(self) -> None:  # noqa: N802 - QGIS API
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
