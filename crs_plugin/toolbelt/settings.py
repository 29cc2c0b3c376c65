"""The plugin's settings (QgsSettings, under ``crs_service_points/``), for the panel, the
options page and the algorithms alike."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..core.catalogue import SAMPLE_CATALOGUE

_PREFIX = "crs_service_points/"


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
    def shared_folder(self) -> str:
        """The shared folder where teams without database access drop their packages ('' = none)."""
        return self._get("shared_folder", "")

    @shared_folder.setter
    def shared_folder(self, value: str) -> None:
        self._set("shared_folder", value)

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


class SettingsSignals(QObject):
    """Tells the panel at once that the options page saved new settings."""

    changed = pyqtSignal()


#: One for the QGIS session: the options page emits, the panel listens.
SETTINGS_SIGNALS = SettingsSignals()
