"""CRS Service Points: a QGIS plugin for the Service Network Collaboration working group."""

#: Python packages the plugin needs beyond QGIS itself, with the version it needs.
REQUIREMENTS = (("shapely", "2.0"), ("scipy", "1.5"), ("numpy", "1.21"))


def missing_requirements() -> list[str]:
    """Requirements that are absent or too old, as 'name >= version' strings."""
    from importlib import import_module

    missing = []
    for name, minimum in REQUIREMENTS:
        try:
            version = import_module(name).__version__
        except ImportError:
            missing.append(f"{name} >= {minimum}")
            continue
        have = tuple(int(p) for p in version.split(".")[:2] if p.isdigit())
        want = tuple(int(p) for p in minimum.split("."))
        if have < want:
            missing.append(f"{name} >= {minimum} (found {version})")
    return missing


def classFactory(iface):  # noqa: N802 - name required by QGIS
    """Entry point QGIS calls; imports lazily so that loading the package is cheap."""
    missing = missing_requirements()
    if missing:
        from .plugin import MissingRequirementsPlugin

        return MissingRequirementsPlugin(iface, missing)
    from .plugin import CrsServicePointsPlugin

    return CrsServicePointsPlugin(iface)
