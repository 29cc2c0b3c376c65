"""The user's interface language, as QGIS has it ('en' or 'fr')."""

from __future__ import annotations


def language() -> str:
    try:
        from qgis.core import QgsSettings

        locale = QgsSettings().value("locale/userLocale", "") or ""
    except ImportError:  # outside QGIS
        locale = ""
    return "fr" if str(locale).lower().startswith("fr") else "en"
