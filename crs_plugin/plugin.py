"""Plugin life cycle: what initGui adds, unload removes."""

from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsMessageLog
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTranslator
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .toolbelt.log import LOG_TAG

MENU = "&CRS Service Points"
_ICON = Path(__file__).resolve().parent / "resources" / "icons" / "icon.svg"
_I18N = Path(__file__).resolve().parent / "i18n"


def install_translator():
    """Load the French translation when QGIS runs in French; the translator, or None."""
    from .toolbelt.translation import language

    lang = language()
    qm = _I18N / f"crs_plugin_{lang}.qm"
    if lang == "en" or not qm.exists():
        return None
    translator = QTranslator()
    if not translator.load(str(qm)):
        return None
    QCoreApplication.installTranslator(translator)
    return translator


class MissingRequirementsPlugin:
    """Stands in when shapely 2 / SciPy are missing: says what to install, adds nothing."""

    def __init__(self, iface, missing: list[str]) -> None:
        self.iface = iface
        self.message = QCoreApplication.translate(
            "CrsServicePointsPlugin",
            "CRS Service Points needs these Python packages: {}. Install them in QGIS's Python "
            "(OSGeo4W shell or: python3 -m pip install --user 'shapely>=2,<2.1' scipy pyproj) and restart QGIS.",
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
        self.dock = None
        self.options_factory = None
        self.translator = install_translator()

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
        from .ui.code_list_widget import register_code_list_widget
        from .ui.dock import ServicePointsDock
        from .ui.settings import SettingsPageFactory

        # Editor widgets are registered here, on the main thread, never from an algorithm's task.
        register_code_list_widget()
        self.dock = ServicePointsDock(self.iface, self.iface.mainWindow())
        self.dock.hide()
        self.iface.addDockWidget(Qt.RightDockWidgetArea, self.dock)
        toggle = QAction(QIcon(str(_ICON)), self.tr("Service points panel"), self.iface.mainWindow())
        toggle.setObjectName("crsServicePointsDockAction")
        toggle.setCheckable(True)
        self.dock.setToggleVisibilityAction(toggle)
        self.iface.addPluginToMenu(MENU, toggle)
        self.iface.addToolBarIcon(toggle)
        self.actions.append(toggle)
        action = QAction(QIcon(str(_ICON)), self.tr("Nearest service point…"), self.iface.mainWindow())
        action.setObjectName("crsNearestServiceAction")
        action.triggered.connect(self.open_nearest_service)
        self.iface.addPluginToMenu(MENU, action)
        self.actions.append(action)
        self.options_factory = SettingsPageFactory()
        self.iface.registerOptionsWidgetFactory(self.options_factory)

    def unload(self) -> None:
        for action in self.actions:
            self.iface.removePluginMenu(MENU, action)
            self.iface.removeToolBarIcon(action)
            action.deleteLater()
        self.actions = []
        if self.dock is not None:
            self.iface.removeDockWidget(self.dock)
            self.dock.setParent(None)
            self.dock.deleteLater()
            self.dock = None
        if self.options_factory is not None:
            self.iface.unregisterOptionsWidgetFactory(self.options_factory)
            self.options_factory = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None

    def open_nearest_service(self) -> None:
        import processing  # Processing's GUI helpers; only needed when the user clicks

        processing.execAlgorithmDialog("crs:nearestservice", {})
