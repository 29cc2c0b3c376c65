"""Loading 100,000 points from a web service: crs:loadsources vs QGIS's own providers.

    python benchmarks/bench_load.py            # 100,000 points, pages of 2,000 (ArcGIS) / 1,000 (OGC API)
    python benchmarks/bench_load.py --quick    # 10,000 points

ArcGIS REST:
Both load the same layer from the loopback ArcGIS-like server used by the tests
(tests/servers/arcgis.py) into the common schema in a GeoPackage: ours through the
catalogue's arcgis connector (pages fetched 4 at a time) and the store; QGIS's through
its ``arcgisfeatureserver`` provider followed by ``native:refactorfields`` (QGIS's
field-mapping algorithm) writing a GeoPackage. The server runs in a process of its
own, as a real server would: in this process its JSON encoding would compete with
the client's Python for the interpreter lock, which QGIS's C++ client never does.

OGC API Features: pygeoapi (the server the tests use, under gunicorn with two workers)
publishing the same points from a PostgreSQL/PostGIS table (its PostgreSQL provider, which
reports ``numberMatched``), pages of 1,000; ours through the catalogue's ogcapi connector
(pages fetched concurrently by offset), QGIS's through its ``OAPIF`` provider with the same
page size followed by ``native:refactorfields``.
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


def clear_qgis_network_cache() -> None:
    """QGIS's providers keep the server's answers in QGIS's disk cache: without clearing it, its
    second and third runs read the pages from disk (3.8 s instead of 14 s for 100,000 ArcGIS points)
    while ours fetch them from the server every time."""
    from qgis.core import QgsNetworkAccessManager

    cache = QgsNetworkAccessManager.instance().cache()
    if cache is not None:
        cache.clear()


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


@contextlib.contextmanager
def pygeoapi_server(n: int, page: int):
    """pygeoapi serving ``n`` points from a PostGIS table (a throw-away cluster); yields its URL. The office
    number is a property as well as the feature id: QGIS's OAPIF provider keeps no field for the id."""
    import psycopg2

    from tests.servers.postgres import PostgresCluster
    from tests.servers.pygeoapi import PygeoapiServer

    cluster = PostgresCluster().start()
    try:
        conn = psycopg2.connect(cluster.conninfo())
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("CREATE EXTENSION postgis")
            cur.execute(
                "CREATE TABLE points AS SELECT i AS objectid, i AS office_no, 'Service Centre ' || i AS site_name, "
                "'Centre de services ' || i AS nom_site, (99 + i) || ' Main Street' AS civic_address, "
                "CASE WHEN mod(i, 2) = 0 THEN 'Provincial' ELSE 'Federal' END AS gov_level, "
                "ST_SetSRID(ST_MakePoint(-66.6 + mod(i - 1, 500) * 0.004, 45.9 + ((i - 1) / 500) * 0.001), 4326)"
                "::geometry(Point, 4326) AS geom FROM generate_series(1, %s) AS i",
                (n,),
            )
            cur.execute("ALTER TABLE points ADD PRIMARY KEY (objectid)")
            cur.execute("ANALYZE points")
        conn.close()
        data = {"host": "127.0.0.1", "port": cluster.port, "dbname": "postgres", "user": cluster.superuser,
                "password": cluster.password, "search_path": ["public"]}  # fmt: skip
        provider = {
            "name": "PostgreSQL",
            "data": data,
            "id_field": "objectid",
            "table": "points",
            "geom_field": "geom",
        }
        with PygeoapiServer({"points": provider}, max_items=page, workers=2) as server:
            yield server.url
    finally:
        cluster.stop()


def compare_ogcapi(processing, tmp: Path, n: int, page: int) -> None:
    from qgis.core import QgsVectorLayer

    mapping = {**MAPPING, "source_id": "bench_ogcapi", "fields": {
        **MAPPING["fields"], "source_record_id": {"column": "office_no"}, "name_en": {"column": "site_name"},
        "name_fr": {"column": "nom_site"}, "street_address": {"column": "civic_address"},
        "order_of_government": {"column": "gov_level", "map": {"Federal": "federal", "Provincial": "provincial"}}}}  # fmt: skip
    refactor = [
        ("point_id", "concat('bench_ogcapi:', \"office_no\")"), ("name_en", '"site_name"'), ("name_fr", '"nom_site"'),
        ("organization", "'Bench'"), ("order_of_government", "lower(\"gov_level\")"), ("jurisdiction", "'NB'"),
        ("channel", "'in_person'"), ("point_type", "'service_centre'"), ("street_address", '"civic_address"'),
        ("source_id", "'bench_ogcapi'"), ("source_record_id", 'to_string("office_no")'),
    ]  # fmt: skip
    with pygeoapi_server(n, page) as url:
        catalogue = tmp / "catalogue_ogcapi.json"
        catalogue.write_text(json.dumps({"sources": [{"id": "bench_ogcapi", "mapping": mapping, "connector": {
            "type": "ogcapi", "url": url, "collection": "points", "limit": page}}]}), encoding="utf-8")  # fmt: skip

        def ours():
            out = tmp / "ours_ogcapi.gpkg"
            out.unlink(missing_ok=True)
            processing.run("crs:loadsources", {"CATALOGUE": str(catalogue), "OUTPUT": str(out)})
            return out

        ours_s, ours_out = timed(ours)
        rss = peak_rss_mb()

        def qgis_provider():
            out = tmp / "qgis_ogcapi.gpkg"
            out.unlink(missing_ok=True)
            clear_qgis_network_cache()
            layer = QgsVectorLayer(f"url='{url}' typename='points' pageSize='{page}'", "oapif", "OAPIF")
            assert layer.isValid(), "QGIS's OAPIF provider could not open the collection"
            fields = [{"name": name, "type": 10, "length": 0, "precision": 0, "expression": expr}
                      for name, expr in refactor]  # fmt: skip
            processing.run(
                "native:refactorfields", {"INPUT": layer, "FIELDS_MAPPING": fields, "OUTPUT": str(out)}
            )
            return out

        base_s, base_out = timed(qgis_provider)
    ours_ids, base_ids = ids(ours_out, "service_points"), ids(base_out, "qgis_ogcapi")
    report(name=f"load_ogcapi_{size(n)}_pages_of_{size(page)}", ours_s=round(ours_s, 3),
           baseline="OAPIF provider + native:refactorfields", baseline_s=round(base_s, 3),
           speedup=round(base_s / ours_s, 1), agree=ours_ids == base_ids and len(ours_ids) == n,
           max_abs_diff=len(ours_ids ^ base_ids), peak_rss_mb=round(rss))  # fmt: skip


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
            clear_qgis_network_cache()
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
    compare_ogcapi(processing, tmp, n, 1_000)
    plugin.unload()


if __name__ == "__main__":
    main()
