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
    """Stands in when required packages are missing: says which, in full, and offers to install
    them into the plugin's own folder with QGIS's Python; registers nothing else."""

    def __init__(self, iface, missing: list[str]) -> None:
        self.iface = iface
        self.missing = missing
        self.task = None
        self.message = QCoreApplication.translate(
            "CrsServicePointsPlugin",
            "CRS Service Points needs these Python packages: {}. Install them in QGIS's Python "
            "(OSGeo4W shell or: python3 -m pip install --user 'shapely>=2,<2.1' scipy pyproj) and restart QGIS.",
        ).format(", ".join(missing))

    @staticmethod
    def tr(text: str) -> str:
        return QCoreApplication.translate("MissingRequirementsPlugin", text)

    def initProcessing(self) -> None:  # noqa: N802 - QGIS API
        QgsMessageLog.logMessage(self.message, LOG_TAG, Qgis.Critical)

    def initGui(self) -> None:  # noqa: N802 - QGIS API
        self.initProcessing()
        if self.iface is None:
            return
        from qgis.PyQt.QtWidgets import QPushButton

        bar = self.iface.messageBar()
        widget = bar.createMessage(
            LOG_TAG, self.tr("Some Python packages are missing: {}.").format(", ".join(self.missing))
        )
        details = QPushButton(self.tr("Details…"), widget)
        details.clicked.connect(self.show_details)
        install = QPushButton(self.tr("Install them for the plugin"), widget)
        install.clicked.connect(self.install)
        widget.layout().addWidget(details)
        widget.layout().addWidget(install)
        bar.pushWidget(widget, Qgis.Critical, 0)

    def show_details(self) -> None:
        from qgis.PyQt.QtWidgets import QMessageBox

        from .toolbelt.dependencies import dependencies_folder

        QMessageBox.information(self.iface.mainWindow(), LOG_TAG, self.message + "\n\n" + self.tr(
            "Or let the plugin install them with QGIS's own Python into its own folder ({}), "
            "without touching the system's Python.").format(dependencies_folder()))  # fmt: skip

    def install(self) -> None:
        """pip in a background task; the plugin is loaded again when it is done."""
        from qgis.core import QgsApplication, QgsTask

        from .toolbelt.dependencies import install

        def run(_task):
            return install(self.missing)

        def done(exception, _result=None):
            bar = self.iface.messageBar()
            if exception is not None:
                bar.pushCritical(
                    LOG_TAG, self.tr("The packages could not be installed: {}").format(exception)
                )
                return
            bar.pushSuccess(
                LOG_TAG, self.tr("The packages are installed; restart QGIS to use CRS Service Points.")
            )

        self.task = QgsTask.fromFunction(self.tr("Installing Python packages for CRS Service Points"), run,
                                         on_finished=done)  # fmt: skip
        QgsApplication.taskManager().addTask(self.task)

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
        from .core import i18n
        from .toolbelt.translation import language

        i18n.install(QCoreApplication.translate, language)  # core's messages in the interface language

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
        self.iface.addDockWidget(Qt.RightDockWidgetArea, self.dock)
        # QGIS shows every dock it adds (behind the Processing toolbox, when tabified there); the panel
        # starts closed, so that the toolbar button's state says so and its first click opens it.
        self.dock.hide()
        toggle = QAction(QIcon(str(_ICON)), self.tr("Service points panel"), self.iface.mainWindow())
        toggle.setObjectName("crsServicePointsDockAction")
        toggle.setCheckable(True)
        toggle.setChecked(False)
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
            self.dock.unload()
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
        from .core import i18n

        i18n.install(None)

    def open_nearest_service(self) -> None:
        import processing  # Processing's GUI helpers; only needed when the user clicks

        processing.execAlgorithmDialog("crs:nearestservice", {})
