"""Screenshots of the Service Points dock in English and French (for the README).

    python scripts/screenshots.py [output_folder]      (make screenshots)

Runs a headless QGIS, loads the sample catalogue through the dock's own task,
and grabs the dock's Sources and Contribute tabs in each language.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append("/usr/share/qgis/python/plugins")


def grab_dock(iface, folder: Path, lang: str) -> list[Path]:
    """Build the dock in ``lang``, load the sample sources, save PNGs of two tabs; their paths."""
    from qgis.core import QgsApplication, QgsProject, QgsSettings
    from qgis.PyQt.QtCore import QCoreApplication

    from crs_plugin.plugin import install_translator
    from crs_plugin.ui.dock import ServicePointsDock
    from crs_plugin.ui.tasks import running_tasks

    settings = QgsSettings()
    settings.setValue("locale/userLocale", "fr_CA" if lang == "fr" else "en_CA")
    translator = install_translator()
    try:
        QgsProject.instance().clear()
        dock = ServicePointsDock(iface)
        dock.resize(460, 720)
        dock.load_checked()
        deadline = time.monotonic() + 120
        while running_tasks() and time.monotonic() < deadline:
            QgsApplication.processEvents()
            time.sleep(0.02)
        box = dock.filter_boxes["orders"]
        box.setItemCheckState(box.findData("provincial"), 2)
        _validate_example_checkout(dock, Path(tempfile.mkdtemp(prefix="crs-shots-")) / "nb_checkout.gpkg")
        deadline = time.monotonic() + 60
        while running_tasks() and time.monotonic() < deadline:
            QgsApplication.processEvents()
            time.sleep(0.02)
        dock.show()
        QgsApplication.processEvents()
        shots = []
        for index, name in ((0, "sources"), (2, "contribute")):
            dock.tabs.setCurrentIndex(index)
            QgsApplication.processEvents()
            path = folder / f"dock_{name}_{lang}.png"
            dock.grab().save(str(path))
            shots.append(path)
        dock.close()
        dock.deleteLater()
        return shots
    finally:
        if translator is not None:
            QCoreApplication.removeTranslator(translator)
        settings.remove("locale/userLocale")


def _validate_example_checkout(dock, path: Path) -> None:
    """A New Brunswick checkout with two typical mistakes, validated in the Contribute tab."""
    from osgeo import ogr

    from crs_plugin.core.store import GeoPackageStore
    from crs_plugin.core.submissions.checkout import CheckoutInfo, SharedRow, write_checkout

    points = GeoPackageStore(dock.settings.store_path).read_points()
    rows = [SharedRow(i + 1, {k: v[i] for k, v in points.columns.items()}, points.lon[i], points.lat[i])
            for i in range(len(points)) if points.columns["jurisdiction"][i] == "NB"]  # fmt: skip
    write_checkout(path, rows, CheckoutInfo("NB", 1, "sample"))
    ds = ogr.Open(str(path), update=1)
    layer = ds.GetLayerByName("service_points")
    first, second = layer.GetFeature(rows[0].id), layer.GetFeature(rows[1].id)
    first.SetFieldNull("name_fr")  # New Brunswick names its offices in both languages
    layer.SetFeature(first)
    point = ogr.Geometry(ogr.wkbPoint)
    point.AddPoint_2D(-123.12, 49.28)  # a New Brunswick office dropped in Vancouver
    second.SetGeometry(point)
    layer.SetFeature(second)
    ds = None
    dock.open_checkout(str(path))
    dock.jurisdiction.setCurrentIndex(dock.jurisdiction.findData("NB"))
    dock.validate()


def main(folder: Path) -> None:
    from qgis.core import QgsApplication, QgsSettings
    from qgis.gui import QgsMapCanvas, QgsMessageBar

    folder.mkdir(parents=True, exist_ok=True)
    app = QgsApplication([], True)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    from crs_plugin.processing.provider import CrsProvider

    provider = CrsProvider()
    QgsApplication.processingRegistry().addProvider(provider)

    class Iface:  # the few interface calls the dock makes
        def __init__(self):
            self.bar, self.canvas = QgsMessageBar(), QgsMapCanvas()

        def messageBar(self):  # noqa: N802 - QGIS API
            return self.bar

        def mapCanvas(self):  # noqa: N802 - QGIS API
            return self.canvas

    cache = tempfile.mkdtemp(prefix="crs-shots-")
    QgsSettings().setValue("crs_service_points/cache_folder", cache)
    iface = Iface()
    for lang in ("en", "fr"):
        for path in grab_dock(iface, folder, lang):
            print(path)
    QgsSettings().remove("crs_service_points/cache_folder")
    sys.stdout.flush()
    os._exit(0)  # skip QGIS 3.22's teardown double free after Processing


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs")
