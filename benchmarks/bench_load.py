"""Loading an ArcGIS REST layer: crs:loadsources vs QGIS's ArcGIS Feature Service provider.

    python benchmarks/bench_load.py            # 100,000 points, pages of 2,000
    python benchmarks/bench_load.py --quick    # 10,000 points

Both load the same layer from the loopback ArcGIS-like server used by the tests
(tests/servers/arcgis.py) into the common schema in a GeoPackage: ours through the
catalogue's arcgis connector (pages fetched 4 at a time) and the store; QGIS's through
its ``arcgisfeatureserver`` provider followed by ``native:refactorfields`` (QGIS's
field-mapping algorithm) writing a GeoPackage. The server runs in a process of its
own, as a real server would: in this process its JSON encoding would compete with
the client's Python for the interpreter lock, which QGIS's C++ client never does.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import ROOT, peak_rss_mb, report, size, sizes, start_qgis, timed

MAPPING = {
    "source_id": "bench_arcgis",
    "fields": {
        "source_record_id": {"column": "OBJECTID"},
        "name_en": {"column": "SITE_NAME"},
        "name_fr": {"column": "NOM_SITE"},
        "organization": {"value": "Bench"},
        "order_of_government": {
            "column": "GOV_LEVEL",
            "map": {"Federal": "federal", "Provincial": "provincial"},
        },
        "jurisdiction": {"value": "NB"},
        "point_type": {"value": "service_centre"},
        "street_address": {"column": "CIVIC_ADDRESS"},
    },
}
REFACTOR = [
    ("point_id", "concat('bench_arcgis:', \"OBJECTID\")"), ("name_en", '"SITE_NAME"'), ("name_fr", '"NOM_SITE"'),
    ("organization", "'Bench'"), ("order_of_government", "lower(\"GOV_LEVEL\")"), ("jurisdiction", "'NB'"),
    ("channel", "'in_person'"), ("point_type", "'service_centre'"), ("street_address", '"CIVIC_ADDRESS"'),
    ("source_id", "'bench_arcgis'"), ("source_record_id", 'to_string("OBJECTID")'),
]  # fmt: skip


def ids(path: Path, table: str) -> set:
    with sqlite3.connect(path) as db:
        return {r[0] for r in db.execute(f'SELECT point_id FROM "{table}"')}  # noqa: S608 - fixed names


@contextlib.contextmanager
def arcgis_server(n: int, page: int):
    """The loopback ArcGIS-like server in its own process; yields the layer URL."""
    code = ("import sys, time; from tests.servers.arcgis import FakeArcGis\n"
            f"with FakeArcGis(n_features={n}, max_record_count={page}) as server:\n"
            "    print(server.layer_url, flush=True)\n"
            "    sys.stdin.read()\n")  # fmt: skip
    process = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        yield process.stdout.readline().strip()
    finally:
        process.stdin.close()
        process.wait(timeout=30)


def main() -> None:
    n, page = sizes((10_000, 2_000), (100_000, 2_000), __doc__)
    app, processing, plugin = start_qgis()
    from qgis.core import QgsVectorLayer

    tmp = Path(tempfile.mkdtemp(prefix="crs_bench_load_"))
    with arcgis_server(n, page) as layer_url:
        catalogue = tmp / "catalogue.json"
        catalogue.write_text(json.dumps({"sources": [{"id": "bench_arcgis", "mapping": MAPPING, "connector": {
            "type": "arcgis", "url": layer_url, "page_size": page}}]}), encoding="utf-8")  # fmt: skip

        def ours():
            out = tmp / "ours.gpkg"
            out.unlink(missing_ok=True)
            processing.run("crs:loadsources", {"CATALOGUE": str(catalogue), "OUTPUT": str(out)})
            return out

        ours_s, ours_out = timed(ours)
        rss = peak_rss_mb()

        def qgis_provider():
            out = tmp / "qgis.gpkg"
            out.unlink(missing_ok=True)
            layer = QgsVectorLayer(f"crs='EPSG:4326' url='{layer_url}'", "arcgis", "arcgisfeatureserver")
            mapping = [{"name": name, "type": 10, "length": 0, "precision": 0, "expression": expr}
                       for name, expr in REFACTOR]  # fmt: skip
            processing.run(
                "native:refactorfields", {"INPUT": layer, "FIELDS_MAPPING": mapping, "OUTPUT": str(out)}
            )
            return out

        base_s, base_out = timed(qgis_provider)
    ours_ids, base_ids = ids(ours_out, "service_points"), ids(base_out, "qgis")
    report(name=f"load_arcgis_{size(n)}_pages_of_{size(page)}", ours_s=round(ours_s, 3),
           baseline="arcgisfeatureserver provider + native:refactorfields", baseline_s=round(base_s, 3),
           speedup=round(base_s / ours_s, 1), agree=ours_ids == base_ids and len(ours_ids) == n,
           max_abs_diff=len(ours_ids ^ base_ids), peak_rss_mb=round(rss))  # fmt: skip
    plugin.unload()


if __name__ == "__main__":
    main()
