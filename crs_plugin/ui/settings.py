"""The options page of the plugin's settings (QGIS Options > CRS Service Points)."""

from __future__ import annotations

from pathlib import Path

from qgis.gui import (
    QgsFileWidget,
    QgsOptionsPageWidget,
    QgsOptionsWidgetFactory,
    QgsProviderConnectionComboBox,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QFormLayout, QLineEdit

from ..toolbelt.settings import SETTINGS_SIGNALS, Settings, parse_km

_ICON = Path(__file__).resolve().parent.parent / "resources" / "icons" / "icon.svg"


def _tr(text: str) -> str:
    return QCoreApplication.translate("CrsSettings", text)


class SettingsPage(QgsOptionsPageWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        settings = Settings()
        layout = QFormLayout(self)
        self.catalogue = QgsFileWidget()
        self.catalogue.setFilter("JSON (*.json)")
        self.catalogue.setFilePath(settings.catalogue)
        self.catalogue.setToolTip(_tr("A catalogue file, or the URL of a shared one."))
        layout.addRow(_tr("Source catalogue (path or URL)"), self.catalogue)
        self.connection = QgsProviderConnectionComboBox("postgres")
        self.connection.setAllowEmptyConnection(True)
        self.connection.setConnection(settings.shared_store)
        layout.addRow(_tr("Shared store (PostgreSQL connection)"), self.connection)
        self.thresholds = QLineEdit(", ".join(f"{v:g}" for v in settings.thresholds_km))
        layout.addRow(_tr("Default distance thresholds (km)"), self.thresholds)
        self.cache = QgsFileWidget()
        self.cache.setStorageMode(QgsFileWidget.GetDirectory)
        self.cache.setFilePath(settings.cache_folder)
        layout.addRow(_tr("Cache folder"), self.cache)

    def apply(self) -> None:
        settings = Settings()
        settings.catalogue = self.catalogue.filePath()
        settings.shared_store = self.connection.currentConnection() or ""
        thresholds = parse_km(self.thresholds.text())
        if thresholds:  # otherwise keep the previous thresholds
            settings.thresholds_km = thresholds
        settings.cache_folder = self.cache.filePath()
        SETTINGS_SIGNALS.changed.emit()  # the panel follows at once


class SettingsPageFactory(QgsOptionsWidgetFactory):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle("CRS Service Points")

    def icon(self) -> QIcon:
        return QIcon(str(_ICON))

    def createWidget(self, parent=None) -> SettingsPage:  # noqa: N802 - QGIS API
        return SettingsPage(parent)
