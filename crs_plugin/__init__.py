"""CRS Service Points: a QGIS plugin for the Service Network Collaboration working group."""


def classFactory(iface):  # noqa: N802 - name required by QGIS
    """Entry point QGIS calls; imports lazily so that loading the package is cheap."""
    from .plugin import CrsServicePointsPlugin

    return CrsServicePointsPlugin(iface)
