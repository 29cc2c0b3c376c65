"""The plugin's settings (QgsSettings, under ``crs_service_points/``) and their options page."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsApplication, QgsSettings
from qgis.gui import (
    QgsFileWidget,
    QgsOptionsPageWidget,
    QgsOptionsWidgetFactory,
    QgsProviderConnectionComboBox,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QFormLayout, QLineEdit

from ..core.catalogue import SAMPLE_CATALOGUE

_PREFIX = "crs_service_points/"
_ICON = Path(__file__).resolve().parent.parent / "resources" / "icons" / "icon.svg"


def _tr(text: str) -> str:
    return QCoreApplication.translate("CrsSettings", text)


def parse_km(text: str) -> list[float]:
    """'5, 10; 25' -> [5.0, 10.0, 25.0]; [] when the text is not a list of numbers."""
    try:
        return [float(v) for v in str(text).replace(";", ",").split(",") if v.strip()]
    except ValueError:
        return []


class Settings:
    """Typed access to the plugin's settings; defaults work offline on the sample data."""

    def __init__(self) -> None:
        self._s = QgsSettings()

    def _get(self, key: str, default: str) -> str:
        return str(self._s.value(_PREFIX + key, default) or default)

    def _set(self, key: str, value) -> None:
        self._s.setValue(_PREFIX + key, value)

    @property
    def catalogue(self) -> str:
        """Path or URL of the source catalogue."""
        return self._get("catalogue", str(SAMPLE_CATALOGUE))

    @catalogue.setter
    def catalogue(self, value: str) -> None:
        self._set("catalogue", value)

    @property
    def shared_store(self) -> str:
        """Name of the QGIS PostgreSQL connection of the shared store ('' = none)."""
        return self._get("shared_store", "")

    @shared_store.setter
    def shared_store(self, value: str) -> None:
        self._set("shared_store", value)

    @property
    def signing_key(self) -> str:
        """Id of the authentication configuration holding the contributor's signing key ('' = none)."""
        return self._get("signing_key", "")

    @signing_key.setter
    def signing_key(self, value: str) -> None:
        self._set("signing_key", value)

    @property
    def thresholds_km(self) -> list[float]:
        return parse_km(self._get("thresholds_km", "")) or [5.0, 10.0, 25.0, 50.0]

    @thresholds_km.setter
    def thresholds_km(self, values) -> None:
        self._set("thresholds_km", ", ".join(f"{v:g}" for v in values))

    @property
    def cache_folder(self) -> str:
        default = str(Path(QgsApplication.qgisSettingsDirPath()) / "crs_service_points")
        return self._get("cache_folder", default)

    @cache_folder.setter
    def cache_folder(self, value: str) -> None:
        self._set("cache_folder", value)

    @property
    def store_path(self) -> str:
        """The embedded GeoPackage store the dock loads sources into."""
        return str(Path(self.cache_folder) / "service_points.gpkg")


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


class SettingsPageFactory(QgsOptionsWidgetFactory):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle("CRS Service Points")

    def icon(self) -> QIcon:
        return QIcon(str(_ICON))

    def createWidget(self, parent=None) -> SettingsPage:  # noqa: N802 - QGIS API
        return SettingsPage(parent)
