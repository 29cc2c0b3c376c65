"""Shared fixtures. Tests run inside a real (headless) QGIS through pytest-qgis."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A throw-away QGIS authentication database: tests store credentials in it, never in a real profile.
os.environ.setdefault("QGIS_AUTH_DB_DIR_PATH", tempfile.mkdtemp(prefix="crs-qgis-auth-"))
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PROCESSING_PLUGINS = "/usr/share/qgis/python/plugins"
if os.path.isdir(PROCESSING_PLUGINS) and PROCESSING_PLUGINS not in sys.path:
    sys.path.append(PROCESSING_PLUGINS)

from crs_plugin.core.catalogue import SAMPLE_CATALOGUE, SAMPLE_CHANNEL_SOURCES, load_catalogue  # noqa: E402
from crs_plugin.core.sources import load_points  # noqa: E402
from crs_plugin.core.store import GeoPackageStore  # noqa: E402

SAMPLE_DIR = SAMPLE_CATALOGUE.parent
CENSUS = SAMPLE_DIR / "census_population.gpkg"
N_AREAS = 3755  # dissemination areas in the sample census layer


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory) -> Path:
    """A GeoPackage with the sample's counters (every source of the sample catalogue but its call
    centres and digital services), the points the analyses' checks are written for (read-only for
    tests: copy to change)."""
    path = tmp_path_factory.mktemp("store") / "crs.gpkg"
    catalogue = load_catalogue()
    store = GeoPackageStore(path)
    for entry in catalogue.entries:
        if entry.id not in SAMPLE_CHANNEL_SOURCES:
            store.write_points(*load_points(catalogue.source(entry.id), entry.mapping))
    return path


@pytest.fixture(scope="session")
def channels_store(sample_store, tmp_path_factory) -> Path:
    """The whole sample: the sample store with its call centres and digital services too (read-only)."""
    path = tmp_path_factory.mktemp("channels_store") / "crs.gpkg"
    shutil.copy(sample_store, path)
    catalogue = load_catalogue()
    for source_id in SAMPLE_CHANNEL_SOURCES:
        GeoPackageStore(path).write_points(
            *load_points(catalogue.source(source_id), catalogue.entry(source_id).mapping)
        )
    return path


@pytest.fixture(scope="session")
def census_copy(tmp_path_factory) -> Path:
    """The sample census GeoPackage, copied: QGIS's OGR provider opens a GeoPackage for update
    (a subset string alone rewrites its header), and the shipped file must stay as it is."""
    path = tmp_path_factory.mktemp("census") / CENSUS.name
    shutil.copy(CENSUS, path)
    return path


@pytest.fixture(scope="session")
def sample_roads(tmp_path_factory):
    """The synthetic road network over the sample census areas (scripts/sample_roads.py), EPSG:3347."""
    from qgis.core import QgsVectorLayer

    path = tmp_path_factory.mktemp("roads") / "roads.gpkg"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "sample_roads.py"), str(path)], check=True,
                   capture_output=True)  # fmt: skip
    return QgsVectorLayer(f"{path}|layername=roads", "roads", "ogr")


@pytest.fixture
def store_copy(sample_store, tmp_path) -> Path:
    path = tmp_path / "crs.gpkg"
    shutil.copy(sample_store, path)
    return path


@pytest.fixture
def crs_provider(qgis_processing):
    """The plugin's Processing provider, registered in the test QGIS if it is not already."""
    from qgis.core import QgsApplication

    from crs_plugin.processing.provider import CrsProvider

    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("crs")
    if provider is None:
        provider = CrsProvider()
        registry.addProvider(provider)
        # A Python provider must outlive the fixture, or its Python half is collected.
        _KEEP_ALIVE.append(provider)
    yield provider


_KEEP_ALIVE: list = []


@pytest.fixture
def french_translation():
    """The French translation compiled as `make translations` does."""
    qm = ROOT / "crs_plugin" / "i18n" / "crs_plugin_fr.qm"
    subprocess.run(["make", "-s", "translations"], cwd=ROOT, check=True)
    assert qm.exists()
    return qm


@pytest.fixture
def french(french_translation):
    """QGIS in French, with the plugin's translation loaded (the translator)."""
    from qgis.core import QgsSettings
    from qgis.PyQt.QtCore import QCoreApplication

    from crs_plugin.plugin import install_translator

    settings = QgsSettings()
    settings.setValue("locale/userLocale", "fr_CA")
    translator = install_translator()
    assert translator is not None
    yield translator
    QCoreApplication.removeTranslator(translator)
    settings.remove("locale/userLocale")


@pytest.fixture(scope="session")
def qgis_server(tmp_path_factory, sample_store):
    """A real QGIS Server publishing the sample store (OGC API Features at /wfs3, WFS at /), own process."""
    port_file = tmp_path_factory.mktemp("qgis_server") / "port"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "servers" / "qgis_server.py"), f"{sample_store}|layername=service_points",
         str(port_file)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        for _ in range(300):
            if port_file.exists() and port_file.read_text().strip():
                break
            if process.poll() is not None:
                raise RuntimeError(process.stderr.read().decode(errors="replace"))
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port_file.read_text().strip()}"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def mapserver_wfs(sample_store):
    """A real MapServer publishing the sample store as WFS 2.0.0 at ``.url + "/"``."""
    from tests.servers.mapserver import MapServerWfs

    with MapServerWfs(sample_store) as server:
        yield server


@pytest.fixture(scope="session")
def koop():
    """Koop (Esri's GeoServices implementation in Node.js) serving GeoJSON files as FeatureServer layers:
    ``points`` (the ArcGIS test offices, 2,500, maxRecordCount 1000) and ``offices_300`` (the same with
    maxRecordCount 300)."""
    from tests.servers.arcgis import make_features
    from tests.servers.koop import KoopServer

    def layer(max_record_count: int) -> dict:
        features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [r["x"], r["y"]]},
                     "properties": {k: v for k, v in r.items() if k not in ("x", "y")}} for r in make_features(2500)]  # fmt: skip
        metadata = {"maxRecordCount": max_record_count, "idField": "OBJECTID", "name": "ServicePoints"}
        return {"type": "FeatureCollection", "metadata": metadata, "features": features}

    with KoopServer({"points": layer(1000), "offices_300": layer(300)}) as server:
        yield server


@pytest.fixture(scope="session")
def pygeoapi(sample_store, tmp_path_factory):
    """pygeoapi (OGC API Features) serving the sample service points from a GeoJSON file as collection
    ``service_points``, and a second collection ``offices``; ``limit`` capped at 10, pygeoapi's default."""
    from osgeo import gdal

    from tests.servers.pygeoapi import PygeoapiServer

    data = tmp_path_factory.mktemp("pygeoapi") / "service_points.geojson"
    gdal.VectorTranslate(str(data), str(sample_store), format="GeoJSON", layers=["service_points"])
    provider = {"name": "GeoJSON", "data": str(data), "id_field": "point_id"}
    with PygeoapiServer({"service_points": provider, "offices": provider}) as server:
        yield server


# -- shared store: a real PostgreSQL + PostGIS cluster ------------------------------------
ROLES = {"nb_editor": "NB", "bc_editor": "BC"}  # contributor role -> jurisdiction
MAINTAINER = "geomapping"


@pytest.fixture(scope="session")
def postgres_cluster(sample_store):
    """One cluster per test session with a template database holding the published sample."""
    import psycopg2

    from crs_plugin.core.submissions.shared_store import SharedStore
    from crs_plugin.core.submissions.signing import new_private_key, public_key_of
    from tests.servers.postgres import PostgresCluster

    cluster = PostgresCluster().start()
    # Each contributor's signing key, as QGIS's auth database would hold it (only in memory here).
    cluster.signing_keys = {role: new_private_key() for role in ROLES}
    try:
        conn = psycopg2.connect(cluster.conninfo())
        conn.autocommit = True
        with conn.cursor() as cur:
            for role in [*ROLES, MAINTAINER]:
                cur.execute(f"CREATE ROLE {role} LOGIN PASSWORD %s", (role + "-pw",))
            cur.execute("CREATE DATABASE crs_template")
        conn.close()
        admin = SharedStore(cluster.conninfo(dbname="crs_template"))
        admin.install()
        admin.publish(GeoPackageStore(sample_store).read_points())
        for role, jurisdiction in ROLES.items():
            admin.register_contributor(role, jurisdiction, public_key_of(cluster.signing_keys[role]))
        admin.register_maintainer(MAINTAINER)
        yield cluster
    finally:
        cluster.stop()


class SharedStores:
    """A fresh shared store (its own database) seen through each role."""

    def __init__(self, cluster, dbname: str) -> None:
        from crs_plugin.core.submissions.shared_store import SharedStore

        self.cluster, self.dbname = cluster, dbname
        self.signing_keys = cluster.signing_keys  # contributor role -> private key
        self.admin = SharedStore(cluster.conninfo(dbname=dbname))
        self.nb = SharedStore(cluster.conninfo("nb_editor", "nb_editor-pw", dbname))
        self.bc = SharedStore(cluster.conninfo("bc_editor", "bc_editor-pw", dbname))
        self.maintainer = SharedStore(cluster.conninfo(MAINTAINER, MAINTAINER + "-pw", dbname))

    def query(self, statement: str, params=()) -> list[tuple]:
        with self.admin.transaction() as cur:
            cur.execute(statement, params)
            return cur.fetchall() if cur.description else []


@pytest.fixture
def shared(postgres_cluster, request) -> SharedStores:
    import psycopg2

    dbname = "t_" + "".join(ch if ch.isalnum() else "_" for ch in request.node.name.lower())[:50]
    conn = psycopg2.connect(postgres_cluster.conninfo())
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute(f"DROP DATABASE IF EXISTS {dbname}")
        cur.execute(f"CREATE DATABASE {dbname} TEMPLATE crs_template")
    conn.close()
    return SharedStores(postgres_cluster, dbname)


def store_basic_auth(name: str, username: str, password: str) -> str:
    """A Basic configuration in the test session's (throw-away) QGIS auth database; its id."""
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        manager.setMasterPassword("test-master-password", True)
    config = QgsAuthMethodConfig("Basic")
    config.setName(name)
    config.setConfig("username", username)
    config.setConfig("password", password)
    stored = manager.storeAuthenticationConfig(config)
    if isinstance(stored, tuple):  # PyQGIS returns (ok, config)
        stored, config = stored
    assert stored, f"could not store the auth configuration {name}"
    return config.id()


# -- deprecations raised from the plugin's own code fail the run ------------------------------
# QGIS 3.40 warns about APIs 3.22 still needs (crs_plugin/toolbelt/qgis_compat.py chooses per
# release). Turning them into errors would abort the process where QGIS calls Python (an
# algorithm's initAlgorithm), so they are collected and fail the session at its end instead.
_PLUGIN_DIR = str(ROOT / "crs_plugin")
PLUGIN_DEPRECATIONS: list[str] = []


def pytest_warning_recorded(warning_message, when, nodeid, location):
    if issubclass(warning_message.category, DeprecationWarning) and str(warning_message.filename).startswith(
        _PLUGIN_DIR
    ):
        PLUGIN_DEPRECATIONS.append(
            f"{warning_message.filename}:{warning_message.lineno}: {warning_message.message}"
        )


def pytest_sessionfinish(session, exitstatus):
    if PLUGIN_DEPRECATIONS:
        print("\nDeprecation warnings raised from crs_plugin/ (fix them, see toolbelt/qgis_compat.py):")
        for line in sorted(set(PLUGIN_DEPRECATIONS)):
            print("  " + line)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


# -- exceptions raised where Qt calls Python (slots, task callbacks) fail the test ------------
# PyQt aborts the whole process on an exception in a slot unless sys.excepthook is replaced:
# record them instead and fail the test that raised them, with the traceback.
_SLOT_EXCEPTIONS: list[str] = []


def _record_exception(kind, value, tb):
    import traceback

    _SLOT_EXCEPTIONS.append("".join(traceback.format_exception(kind, value, tb)))


@pytest.fixture(autouse=True)
def _fail_on_exceptions_in_qt_callbacks():
    previous = sys.excepthook
    sys.excepthook = _record_exception
    _SLOT_EXCEPTIONS.clear()
    yield
    sys.excepthook = previous
    if _SLOT_EXCEPTIONS:
        raised = "\n".join(_SLOT_EXCEPTIONS)
        _SLOT_EXCEPTIONS.clear()
        pytest.fail(f"An exception was raised where Qt called Python:\n{raised}")
