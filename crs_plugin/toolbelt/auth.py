"""Credentials from QGIS's authentication manager, read when needed and never kept."""

from __future__ import annotations

from qgis.core import QgsApplication, QgsAuthMethodConfig

from ..core.i18n import translatable

#: Marked for translation; tr(UNREADABLE) where it is shown.
UNREADABLE = translatable(
    "unlock QGIS's authentication database (master password) or check the configuration id"
)


def load_auth_config(authcfg: str) -> QgsAuthMethodConfig | None:
    """The decrypted configuration ``authcfg``, or None when it cannot be read."""
    config = QgsAuthMethodConfig()
    loaded = QgsApplication.authManager().loadAuthenticationConfig(authcfg, config, True)
    if isinstance(loaded, tuple):  # PyQGIS returns (ok, config)
        loaded, config = loaded
    return config if loaded else None
