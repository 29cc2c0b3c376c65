"""The plugin is a guest in the QGIS process: it leaves the process as it found it.

QGIS, Processing and other plugins share GDAL's exception switches, PROJ's settings and the
editor widget registry with it; and a missing Python package must be named, not raised.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import crs_plugin
from tests.conftest import CENSUS, ROOT

# A fresh interpreter: imports every module of the plugin, loads the sample into a store,
# runs nearest service (OGR fast path, GeoPackage output) and a checkout, and reports the
# process-wide switches before and after.
SCRIPT = r"""
import json, os, pkgutil, sys, importlib
sys.path.insert(0, {root!r}); sys.path.append("/usr/share/qgis/python/plugins")
from osgeo import gdal, ogr, osr
def switches():
    return {{"gdal": gdal.GetUseExceptions(), "ogr": ogr.GetUseExceptions(), "osr": osr.GetUseExceptions(),
            "PROJ_DATA": os.environ.get("PROJ_DATA"), "PROJ_LIB": os.environ.get("PROJ_LIB")}}
from qgis.core import QgsApplication
app = QgsApplication([], False); app.initQgis()
from processing.core.Processing import Processing; Processing.initialize()
# The switches as QGIS leaves them (QGIS 3.40's Processing turns GDAL's exceptions on), then
# as another plugin may set them: the plugin must leave whichever it finds.
mode = {mode!r}
if mode == "DontUseExceptions":
    for module in (osr, ogr, gdal):
        if module.GetUseExceptions():
            module.DontUseExceptions()
else:
    for module in (gdal, ogr, osr):
        module.UseExceptions()
before = switches()
import crs_plugin
for info in pkgutil.walk_packages(crs_plugin.__path__, "crs_plugin."):
    importlib.import_module(info.name)
from crs_plugin.processing.provider import CrsProvider
provider = CrsProvider(); QgsApplication.processingRegistry().addProvider(provider)
import processing
out = {tmp!r}
processing.run("crs:loadsources", {{"OUTPUT": out + "/store.gpkg"}})
processing.run("crs:nearestservice", {{"INPUT": {census!r}, "SERVICE_POINTS": out + "/store.gpkg|layername=service_points",
                                      "OUTPUT": out + "/nearest.gpkg"}})
try:
    processing.run("crs:loadsources", {{"CATALOGUE": out + "/missing.json", "OUTPUT": out + "/x.gpkg"}})
except Exception:
    pass
print(json.dumps({{"before": before, "after": switches()}}))
"""


@pytest.mark.parametrize("mode", ["DontUseExceptions", "UseExceptions"])
def test_gdal_and_proj_settings_are_left_as_they_were(tmp_path, mode):
    script = SCRIPT.format(root=str(ROOT), mode=mode, tmp=str(tmp_path), census=str(CENSUS))
    env = {k: v for k, v in __import__("os").environ.items() if k not in ("PROJ_DATA", "PROJ_LIB")}
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                         env=dict(env, QT_QPA_PLATFORM="offscreen"))  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["after"] == report["before"], report
    assert (tmp_path / "nearest.gpkg").exists()


def test_configuring_a_form_does_not_touch_the_editor_widget_registry(qgis_app, monkeypatch):
    """Checkouts configure their form inside a Processing task (a background thread):
    registering a widget factory there is not allowed."""
    from qgis.core import QgsVectorLayer
    from qgis.gui import QgsGui

    from crs_plugin.core.schema import FIELDS
    from crs_plugin.ui.forms import configure_form

    def refuse():
        raise AssertionError("the editor widget registry was used outside the plugin's start")

    monkeypatch.setattr(QgsGui, "editorWidgetRegistry", staticmethod(refuse))
    fields = "&".join(f"field={f.name}:string" for f in FIELDS)
    layer = QgsVectorLayer(f"Point?crs=EPSG:4326&{fields}", "checkout", "memory")
    configure_form(layer, "en")
    services = layer.fields().indexOf("services")
    assert layer.editorWidgetSetup(services).type() == "CrsCodeList"


def test_the_plugin_registers_its_editor_widget_when_it_starts(qgis_iface):
    from qgis.gui import QgsGui

    plugin = crs_plugin.classFactory(qgis_iface)
    plugin.initGui()
    try:
        assert "CrsCodeList" in QgsGui.editorWidgetRegistry().factories()
    finally:
        plugin.unload()


QGIS_PARTS = {"qgis", "osgeo", "processing", "PyQt5", "sip"}


def third_party_imports() -> set[str]:
    """Top-level modules the plugin imports that are neither the standard library nor QGIS."""
    found = set()
    for path in Path(crs_plugin.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return {m for m in found if m not in sys.stdlib_module_names and m not in QGIS_PARTS | {"crs_plugin"}}


def test_every_package_the_plugin_imports_is_checked_at_start():
    checked = {name for name, _ in crs_plugin.REQUIREMENTS + crs_plugin.OPTIONAL_REQUIREMENTS}
    assert third_party_imports() <= checked, third_party_imports() - checked
    assert "pyproj" in {name for name, _ in crs_plugin.REQUIREMENTS}


def test_a_missing_pyproj_is_named_in_the_message(qgis_iface, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyproj", None)  # what Python does for a package that is not there
    plugin = crs_plugin.classFactory(qgis_iface)
    assert "pyproj >= 3.0" in plugin.message
