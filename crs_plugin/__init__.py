"""CRS Service Points: a QGIS plugin for the Service Network Collaboration working group."""

from __future__ import annotations

#: Python packages the plugin needs beyond QGIS itself, with the version it needs.
REQUIREMENTS = (
    ("shapely", "2.0"),
    ("scipy", "1.5"),
    ("numpy", "1.21"),
    ("pyproj", "3.0"),
    ("jsonschema", "4.0"),
)
#: Packages only the contribute-and-review tools need; without them those tools are left out.
CONTRIBUTE_REQUIREMENTS = (("pygeodiff", "2.0"), ("psycopg2", "2.8"), ("cryptography", "2.6"))
#: Charts (the planner's coverage curve, the report's charts); without it charts are left out, with a message.
CHART_REQUIREMENTS = (("matplotlib", "3.0"),)
OPTIONAL_REQUIREMENTS = CONTRIBUTE_REQUIREMENTS + CHART_REQUIREMENTS


def missing_requirements() -> list[str]:
    """Requirements that are absent or too old, as 'name >= version' strings."""
    missing = _missing(REQUIREMENTS)
    geos_clash = _shapely_geos_newer_than_qgis()
    if geos_clash:
        missing.append(geos_clash)
    return missing


def missing_optional_requirements(requirements=CONTRIBUTE_REQUIREMENTS) -> list[str]:
    """Optional requirements (by default the contribute-and-review tools') that are absent or too old."""
    return _missing(requirements)


def _missing(requirements) -> list[str]:
    from importlib import import_module, metadata

    missing = []
    for name, minimum in requirements:
        try:
            module = import_module(name)
        except ImportError:
            missing.append(f"{name} >= {minimum}")
            continue
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:  # installed without metadata (some bundles)
            version = getattr(module, "__version__", None)
        if not version:
            continue  # importable, version unknown: give it the benefit of the doubt
        have = tuple(int(p) for p in version.split(" ")[0].split(".")[:2] if p.isdigit())
        want = tuple(int(p) for p in minimum.split("."))
        if have < want:
            missing.append(f"{name} >= {minimum} (found {version})")
    return missing


def _shapely_geos_newer_than_qgis() -> str | None:
    """QGIS links GEOS into the process, so a shapely wheel's own (newer) GEOS has its
    calls answered by QGIS's older one, which fails or worse (WKB of dimension 4 on GEOS
    3.11). shapely must be built on QGIS's GEOS version or older."""
    try:
        import shapely
        from qgis.core import Qgis
    except ImportError:
        return None
    qgis_geos = (Qgis.geosVersionMajor(), Qgis.geosVersionMinor())
    if tuple(shapely.geos_version[:2]) <= qgis_geos:
        return None
    return (
        f"shapely built on GEOS {qgis_geos[0]}.{qgis_geos[1]} or older (found shapely {shapely.__version__} "
        f"with GEOS {shapely.geos_version[0]}.{shapely.geos_version[1]}; shapely 2.0 wheels use GEOS 3.11)"
    )


def classFactory(iface):  # noqa: N802 - name required by QGIS
    """Entry point QGIS calls; imports lazily so that loading the package is cheap."""
    from .toolbelt.dependencies import use_installed_dependencies

    use_installed_dependencies()  # packages the plugin installed for itself, if any
    missing = missing_requirements()
    if missing:
        from .plugin import MissingRequirementsPlugin

        return MissingRequirementsPlugin(iface, missing)
    from .plugin import CrsServicePointsPlugin

    return CrsServicePointsPlugin(iface)
