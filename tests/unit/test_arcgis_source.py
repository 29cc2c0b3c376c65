"""The ArcGIS REST connector and the HTTP client against a loopback ArcGIS-like server."""

from __future__ import annotations

import hashlib

import pytest

from crs_plugin.core.errors import SourceError
from crs_plugin.core.http import HttpClient
from crs_plugin.core.mapping import FieldMapping
from crs_plugin.core.sources import load_points
from crs_plugin.core.sources.arcgis import ArcGisSource
from crs_plugin.core.store import GeoPackageStore
from tests.servers.arcgis import SERVICE_PATH, FakeArcGis

MAPPING = FieldMapping.from_dict({
    "source_id": "nb_arcgis",
    "fields": {
        "source_record_id": {"column": "OBJECTID"},
        "name_en": {"column": "SITE_NAME"},
        "name_fr": {"column": "NOM_SITE"},
        "organization": {"value": "Test"},
        "order_of_government": {"column": "GOV_LEVEL", "map": {"Federal": "federal", "Provincial": "provincial"}},
        "jurisdiction": {"value": "NB"},
        "point_type": {"value": "service_centre"},
        "street_address": {"column": "CIVIC_ADDRESS"},
    },
})  # fmt: skip


class Waits(list):
    """Stands in for time.sleep: records the waits instead of sleeping."""

    def __call__(self, seconds):
        self.append(seconds)


def client(**kwargs) -> HttpClient:
    return HttpClient(**{"timeout_s": 2.0, "sleep": Waits(), **kwargs})


@pytest.fixture
def server():
    with FakeArcGis(n_features=2500, max_record_count=1000) as fake:
        yield fake


@pytest.mark.parametrize("out_format", ["geojson", "json"])
def test_pages_until_the_transfer_limit_is_no_longer_exceeded(server, out_format):
    source = ArcGisSource(server.layer_url, "nb_arcgis", out_format=out_format, client=client())
    points, provenance = load_points(source, MAPPING)
    assert len(points) == 2500 and provenance.record_count == 2500
    offsets = sorted(int(r["resultOffset"]) for r in server.requests if "resultOffset" in r)
    assert offsets == [0, 1000, 2000]  # fetched concurrently: any order
    assert {r.get("outSR") for r in server.requests if "resultOffset" in r} == {"4326"}
    assert points.columns["point_id"][1234] == "nb_arcgis:1235"
    assert points.columns["order_of_government"][0] == "federal"
    assert points.lon[1] == pytest.approx(-66.596) and points.lat[600] == pytest.approx(45.91)


def test_page_size_never_exceeds_the_layers_max_record_count(server):
    ArcGisSource(server.layer_url, "nb_arcgis", page_size=5000, client=client()).fetch()
    assert {r["resultRecordCount"] for r in server.requests if "resultRecordCount" in r} == {"1000"}


def test_object_id_batches_when_paging_is_not_supported():
    with FakeArcGis(n_features=1200, max_record_count=500, pagination=False) as fake:
        raw, provenance = ArcGisSource(fake.layer_url, "nb_arcgis", client=client()).fetch()
        batches = [r["objectIds"].count(",") + 1 for r in fake.requests if "objectIds" in r]
    assert len(raw) == 1200 and sorted(batches) == [200, 500, 500]  # batches may be fetched concurrently
    assert provenance.extra["paging"] == "object ids"


def test_500_then_success_is_retried(server):
    server.faults = [("status", 500)]
    c = client()
    raw, _ = ArcGisSource(server.layer_url, "nb_arcgis", client=c).fetch()
    assert len(raw) == 2500 and c.sleep == [0.5]


def test_429_waits_as_long_as_retry_after_says(server):
    server.faults = [("status", 429, {"Retry-After": "3"})]
    c = client()
    ArcGisSource(server.layer_url, "nb_arcgis", client=c).fetch()
    assert c.sleep == [3.0]


def test_retries_are_bounded(server):
    server.faults = [("status", 503)] * 5
    c = client(retries=3)
    with pytest.raises(SourceError, match=r"503 .*\(3 attempts\)"):
        ArcGisSource(server.layer_url, "nb_arcgis", client=c).fetch()
    assert c.sleep == [0.5, 1.0]


def test_timeout_is_a_clear_error(server):
    server.faults = [("sleep", 1.0)] * 2
    with pytest.raises(SourceError, match="did not answer in time"):
        ArcGisSource(server.layer_url, "nb_arcgis", client=client(timeout_s=0.2, retries=2)).fetch()


def test_truncated_json(server):
    server.faults = [("truncated",)]
    with pytest.raises(SourceError, match="invalid or truncated JSON"):
        ArcGisSource(server.layer_url, "nb_arcgis", client=client()).fetch()


def test_html_page_instead_of_json(server):
    server.faults = [("html",)]
    with pytest.raises(SourceError, match="web page instead of JSON"):
        ArcGisSource(server.layer_url, "nb_arcgis", client=client()).fetch()


def test_xml_labelled_json_is_named_with_the_servers_words(server):
    server.faults = [("xml",)]
    with pytest.raises(SourceError, match=r"answered with XML instead of JSON: Token required\."):
        ArcGisSource(server.layer_url, "nb_arcgis", client=client()).fetch()


def test_arcgis_error_json_with_http_200(server):
    server.faults = [("error200",)]
    with pytest.raises(
        SourceError, match=r"reported error 400: Unable to complete operation. \(Invalid query"
    ):
        ArcGisSource(server.layer_url, "nb_arcgis", client=client()).fetch()


def test_a_server_that_never_finishes_stops_at_the_page_limit(server):
    server.endless = True
    server.supports_count = False  # the sequential path: it has to trust exceededTransferLimit
    with pytest.raises(SourceError, match="after 5 pages; stopped"):
        ArcGisSource(server.layer_url, "nb_arcgis", max_pages=5, client=client()).fetch()


def test_known_count_beyond_the_page_limit_is_refused_up_front(server):
    with pytest.raises(SourceError, match="2500 records: more than 2 pages of 1000"):
        ArcGisSource(server.layer_url, "nb_arcgis", max_pages=2, client=client()).fetch()


def test_sequential_and_concurrent_paging_give_the_same_records(server):
    concurrent, _ = ArcGisSource(server.layer_url, "nb_arcgis", concurrency=4, client=client()).fetch()
    server.supports_count = False
    sequential, _ = ArcGisSource(server.layer_url, "nb_arcgis", client=client()).fetch()
    assert (
        list(concurrent.columns["@id"]) == list(sequential.columns["@id"]) == [str(i) for i in range(1, 2501)]
    )


@pytest.mark.parametrize("count", [True, False])
def test_a_page_repeating_another_is_an_error(server, count):
    server.ignore_offset = True
    server.supports_count = count
    with pytest.raises(SourceError, match="same page"):
        ArcGisSource(server.layer_url, "nb_arcgis", client=client()).fetch()


def test_byte_limit(server):
    server.faults = [("huge", 5000)]
    with pytest.raises(SourceError, match="larger than"):
        ArcGisSource(server.layer_url, "nb_arcgis", client=client(max_bytes=1000)).fetch()


def test_only_http_urls_are_fetched():
    with pytest.raises(SourceError, match="Only http"):
        ArcGisSource("file:///etc/passwd/FeatureServer/0", "x", client=client()).fetch()


def test_a_failed_refresh_leaves_the_cached_points(server, tmp_path):
    store = GeoPackageStore(tmp_path / "crs.gpkg")
    store.write_points(*load_points(ArcGisSource(server.layer_url, "nb_arcgis", client=client()), MAPPING))
    digest = hashlib.sha256((tmp_path / "crs.gpkg").read_bytes()).hexdigest()
    server.faults = [("sleep", 0.0), ("truncated",)]  # metadata fine, then a broken page
    with pytest.raises(SourceError):
        store.write_points(
            *load_points(ArcGisSource(server.layer_url, "nb_arcgis", client=client()), MAPPING)
        )
    assert hashlib.sha256((tmp_path / "crs.gpkg").read_bytes()).hexdigest() == digest
    assert store.count("nb_arcgis") == 2500


def test_catalogue_entry_with_an_arcgis_connector(server, tmp_path):
    import json

    from crs_plugin.core.catalogue import load_catalogue

    spec = {"sources": [{"id": "nb_arcgis", "title_en": "NB", "connector": {"type": "arcgis", "url": server.layer_url,
                                                                             "page_size": 700},
                         "mapping": json.loads(json.dumps({"source_id": "nb_arcgis", "fields": {
                             k: ({"column": r.column} if r.column else {"value": r.value, "map": r.value_map})
                             for k, r in MAPPING.fields.items()}}))}]}  # fmt: skip
    path = tmp_path / "catalogue.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    catalogue = load_catalogue(path)
    source = catalogue.source("nb_arcgis")
    assert isinstance(source, ArcGisSource) and source.page_size == 700
    raw, _ = source.fetch()
    assert len(raw) == 2500


# -- paging as the server says (issue 14) ------------------------------------------------

ALL_IDS = [str(i) for i in range(1, 2501)]


@pytest.mark.parametrize("concurrency", [4, 1])
@pytest.mark.parametrize("out_format", ["geojson", "json"])
def test_pages_shorter_than_asked_advance_by_the_records_received(server, concurrency, out_format):
    server.page_cap = 300  # advertises 1000 a page, sends 300
    raw, _ = ArcGisSource(
        server.layer_url, "nb_arcgis", out_format=out_format, concurrency=concurrency, client=client()
    ).fetch()
    assert sorted(raw.columns["@id"], key=int) == ALL_IDS
    offsets = sorted({int(r["resultOffset"]) for r in server.requests if "resultOffset" in r})
    assert offsets[:3] == [0, 300, 600]


@pytest.mark.parametrize("supports_count", [True, False])
def test_geojson_that_never_says_exceeded_transfer_limit(server, supports_count):
    server.send_flag = False  # as Koop's and other implementations' GeoJSON
    server.supports_count = supports_count
    raw, _ = ArcGisSource(server.layer_url, "nb_arcgis", out_format="geojson", client=client()).fetch()
    assert sorted(raw.columns["@id"], key=int) == ALL_IDS


def test_records_the_pages_leave_out_are_asked_for_by_object_id(server):
    server.hidden_ids = {5, 1700}
    raw, provenance = ArcGisSource(server.layer_url, "nb_arcgis", client=client()).fetch()
    assert sorted(raw.columns["@id"], key=int) == ALL_IDS
    assert any(r.get("objectIds") == "5,1700" for r in server.requests)
    assert "fetched by object id" in raw.notes[0]


def test_records_that_cannot_be_had_fail_saying_how_many_of_how_many(server):
    server.lost_ids = {90001, 90002}  # counted and listed, never sent
    with pytest.raises(SourceError, match=r"got 2500 of 2502 records because the server's pages left some out"
                                          r".*\(90001, 90002\); nothing was loaded"):  # fmt: skip
        ArcGisSource(server.layer_url, "nb_arcgis", client=client()).fetch()


@pytest.mark.parametrize("error", [5, -5])
def test_a_count_that_disagrees_with_the_pages_is_checked_against_the_object_ids(server, error):
    server.count_error = error
    raw, _ = ArcGisSource(server.layer_url, "nb_arcgis", client=client()).fetch()
    assert sorted(raw.columns["@id"], key=int) == ALL_IDS
    assert raw.notes == [f"the server's count ({2500 + error}) disagrees with its 2500 object ids: all 2500 "
                         "records with an object id were loaded"]  # fmt: skip


def test_an_empty_page_while_more_exist_is_an_error_naming_the_counts(server):
    server.empty_at = 1000
    server.supports_count = False
    with pytest.raises(SourceError, match=r"got 1000 records.*empty page at offset 1000 while saying more"):
        ArcGisSource(server.layer_url, "nb_arcgis", client=client()).fetch()


def test_an_empty_page_with_a_count_is_completed_by_object_id(server):
    server.empty_at = 1000
    raw, _ = ArcGisSource(server.layer_url, "nb_arcgis", client=client()).fetch()
    assert sorted(raw.columns["@id"], key=int) == ALL_IDS


def test_esri_json_is_read_in_the_crs_it_declares(server):
    server.ignore_out_sr = True  # answers in Web Mercator (wkid 102100, latestWkid 3857) whatever outSR says
    points, _ = load_points(
        ArcGisSource(server.layer_url, "nb_arcgis", out_format="json", client=client()), MAPPING
    )
    assert points.lon[1] == pytest.approx(-66.596) and points.lat[600] == pytest.approx(45.91)


# -- the addresses people paste ------------------------------------------------------------


def test_a_service_address_with_one_layer_loads_that_layer(server):
    raw, provenance = ArcGisSource(server.url + SERVICE_PATH, "nb_arcgis", client=client()).fetch()
    assert len(raw) == 2500 and provenance.uri == server.layer_url


def test_a_service_address_with_several_layers_says_which_to_paste(server):
    server.layers = [{"id": 0, "name": "ServicePoints"}, {"id": 3, "name": "Boundaries"}]
    with pytest.raises(SourceError, match=r"service with 2 layers \(0: ServicePoints; 3: Boundaries\).*"
                                          r"FeatureServer/0\."):  # fmt: skip
        ArcGisSource(server.url + SERVICE_PATH, "nb_arcgis", client=client()).fetch()


def test_a_layer_html_page_and_a_query_address_with_parameters(server):
    raw, _ = ArcGisSource(server.layer_url + "/?f=html", "nb_arcgis", client=client()).fetch()
    assert len(raw) == 2500
    server.requests.clear()
    url = server.layer_url + "/query?where=GOV_LEVEL%3D%27Federal%27&outFields=SITE_NAME&f=pjson&token=abc"
    ArcGisSource(url, "nb_arcgis", client=client()).fetch()
    queries = [r for r in server.requests if r["path"].endswith("/query")]
    assert {r["where"] for r in queries} == {"GOV_LEVEL='Federal'"} and {r["token"] for r in queries} == {
        "abc"
    }
    assert {r["outFields"] for r in queries if "resultOffset" in r} == {"*"}


def test_an_address_that_is_not_a_layer_says_what_to_paste():
    with pytest.raises(SourceError, match=r"ending in /FeatureServer/<layer number>"):
        ArcGisSource("https://www.arcgis.com/home/item.html?id=abc", "x", client=client())


@pytest.mark.parametrize(("spatial_reference", "crs"), [
    ({"wkid": 102100, "latestWkid": 3857}, "EPSG:3857"),
    ({"wkid": 3347}, "EPSG:3347"),
    ({"wkid": 102001}, "ESRI:102001"),  # Canada Albers, an Esri-only code
    ({"wkt": 'PROJCS["NAD83 / Statistics Canada Lambert"]'}, 'PROJCS["NAD83 / Statistics Canada Lambert"]'),
    ({}, None),
    (None, None),
])  # fmt: skip
def test_an_esri_spatial_reference_as_a_crs(spatial_reference, crs):
    from crs_plugin.core.sources.arcgis import esri_crs

    assert esri_crs(spatial_reference) == crs


def test_an_incomplete_load_leaves_the_store_as_it_was(server, tmp_path):
    store = GeoPackageStore(tmp_path / "crs.gpkg")
    store.write_points(*load_points(ArcGisSource(server.layer_url, "nb_arcgis", client=client()), MAPPING))
    digest = hashlib.sha256((tmp_path / "crs.gpkg").read_bytes()).hexdigest()
    server.lost_ids = {90001}
    with pytest.raises(SourceError, match="got 2500 of 2501 records"):
        store.write_points(
            *load_points(ArcGisSource(server.layer_url, "nb_arcgis", client=client()), MAPPING)
        )
    assert hashlib.sha256((tmp_path / "crs.gpkg").read_bytes()).hexdigest() == digest
