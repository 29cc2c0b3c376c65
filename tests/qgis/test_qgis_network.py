"""Sources fetched with QGIS's network settings (as crs:loadsources and the dock do): the same
paging, retries and messages, through the proxy configured in QGIS, with QGIS auth configurations."""

from __future__ import annotations

import base64
import json

import pytest
from qgis.core import QgsNetworkAccessManager
from qgis.PyQt.QtNetwork import QNetworkProxy

from crs_plugin.core.errors import SourceError
from crs_plugin.core.sources.arcgis import ArcGisSource
from crs_plugin.core.sources.ogcapi import OgcApiFeaturesSource
from crs_plugin.toolbelt.network import qgis_http_client
from tests.conftest import store_basic_auth
from tests.servers.arcgis import FakeArcGis
from tests.servers.loopback import LoopbackServer


class Waits(list):
    def __call__(self, seconds):
        self.append(seconds)


def client(**options):
    return qgis_http_client(**{"timeout_s": 5.0, "sleep": Waits(), **options})


@pytest.fixture
def server():
    with FakeArcGis(n_features=2500, max_record_count=1000) as fake:
        yield fake


def test_paging_with_qgis_settings_gives_every_record(qgis_app, server):
    table, provenance = ArcGisSource(server.layer_url, "nb_arcgis", concurrency=4, client=client()).fetch()
    assert list(table.columns["@id"]) == [str(i) for i in range(1, 2501)]
    assert provenance.record_count == 2500


def test_retries_and_retry_after_with_qgis_settings(qgis_app, server):
    server.faults = [("status", 503), ("status", 429, {"Retry-After": "3"})]
    c = client(retries=3)
    table, _ = ArcGisSource(server.layer_url, "nb_arcgis", client=c).fetch()
    assert len(table) == 2500 and c.sleep == [0.5, 3.0]
    server.faults = [("status", 503)] * 5
    c = client(retries=3)
    with pytest.raises(SourceError, match=r"503 .*\(3 attempts\)"):
        ArcGisSource(server.layer_url, "nb_arcgis", client=c).fetch()


def test_http_error_timeout_and_size_limit_with_qgis_settings(qgis_app, server):
    with pytest.raises(SourceError, match=r"answered 404 .*Not found"):
        ArcGisSource(server.url + "/arcgis/rest/services/Nope/FeatureServer/0", "x", client=client()).fetch()
    server.faults = [("sleep", 1.5)] * 2
    with pytest.raises(SourceError, match="did not answer in time"):
        ArcGisSource(server.layer_url, "nb_arcgis", client=client(timeout_s=0.3, retries=2)).fetch()
    server.faults = [("huge", 3_000_000)]
    with pytest.raises(SourceError, match="larger than the 1 MB limit"):
        ArcGisSource(server.layer_url, "nb_arcgis", client=client(max_bytes=1 << 20, retries=1)).fetch()


class Proxy(LoopbackServer):
    """An HTTP proxy standing in for a department's: answers OGC API requests for any host."""

    def __init__(self):
        super().__init__()
        self.seen: list[str] = []

    def handle(self, handler, path):
        self.seen.append(path)  # a proxy receives the absolute URL
        doc = {"type": "FeatureCollection", "features": [
            {"type": "Feature", "id": "1", "geometry": {"type": "Point", "coordinates": [-66.64, 45.96]},
             "properties": {"name": "Fredericton"}}], "links": []}  # fmt: skip
        self.send(handler, 200, json.dumps(doc).encode(), "application/geo+json")


def test_qgis_proxy_settings_are_honoured(qgis_app):
    manager = QgsNetworkAccessManager.instance()
    with Proxy() as proxy:
        port = int(proxy.url.rsplit(":", 1)[1])
        manager.setFallbackProxyAndExcludes(QNetworkProxy(QNetworkProxy.HttpProxy, "127.0.0.1", port), [], [])
        try:
            url = "http://open.data.example.invalid/ogcapi"  # resolvable only by the proxy
            table, _ = OgcApiFeaturesSource(url, "offices", "nb_ogc", client=client()).fetch()
        finally:
            manager.setFallbackProxyAndExcludes(QNetworkProxy(), [], [])
    assert len(table) == 1
    assert proxy.seen and proxy.seen[0].startswith(
        "http://open.data.example.invalid/ogcapi/collections/offices/items"
    )


class ProtectedFeatures(LoopbackServer):
    def __init__(self, expected: str):
        super().__init__()
        self.expected = expected
        self.authorizations: list[str | None] = []

    def handle(self, handler, path):
        auth = handler.headers.get("Authorization")
        self.authorizations.append(auth)
        if auth != self.expected:
            return self.send(handler, 401, b'{"detail": "authentication required"}',
                             headers={"WWW-Authenticate": 'Basic realm="gis"'})  # fmt: skip
        doc = {"type": "FeatureCollection", "features": [], "links": []}
        self.send(handler, 200, json.dumps(doc).encode(), "application/geo+json")


def test_a_qgis_auth_configuration_authenticates_the_source(qgis_app):
    authcfg = store_basic_auth("municipal portal", "gis-reader", "s3cret-portal")
    expected = "Basic " + base64.b64encode(b"gis-reader:s3cret-portal").decode()
    with ProtectedFeatures(expected) as portal:
        table, _ = OgcApiFeaturesSource(portal.url, "offices", "x", client=qgis_http_client(authcfg)).fetch()
        assert len(table) == 0 and portal.authorizations[-1] == expected
        with pytest.raises(SourceError, match=r"answered 401 .*authentication required"):
            OgcApiFeaturesSource(portal.url, "offices", "x", client=client()).fetch()
    # Credentials never travel in clear text to another machine.
    with pytest.raises(SourceError, match="without https"):
        OgcApiFeaturesSource("http://portal.example.invalid/ogc", "offices", "x",
                             client=qgis_http_client(authcfg, retries=1)).fetch()  # fmt: skip
