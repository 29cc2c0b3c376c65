"""The WFS connector against real servers on loopback (MapServer: WFS 2.0.0; QGIS Server:
WFS 1.1.0; GeoJSON and GML each), and unsafe XML."""

from __future__ import annotations

import pytest

from crs_plugin.core.errors import SourceError
from crs_plugin.core.http import HttpClient
from crs_plugin.core.sources.wfs import WfsSource, _gml_table, _parse_xml
from tests.servers.arcgis import FakeArcGis


def _check_sample_points(raw, provenance):
    """All 275 sample points, once each, with a known one's name and position."""
    assert len(raw) == provenance.record_count == 275
    ids = list(raw.columns["point_id"])
    assert len(set(ids)) == 275
    i = ids.index("service_canada_offices:5901")
    assert raw.columns["name_en"][i] == "Service Canada Centre - Vancouver"
    # GML with a URN srsName is latitude first: the connector must swap it back.
    assert raw.x[i] == pytest.approx(-123.115316) and raw.y[i] == pytest.approx(49.281559)
    return raw


@pytest.mark.parametrize("out_format", ["geojson", "gml"])
def test_wfs_2_0_pages_with_startindex_and_count_on_a_real_mapserver(mapserver_wfs, out_format):
    first = len(mapserver_wfs.requests)
    source = WfsSource(mapserver_wfs.url + "/", "service_points", "wfs", out_format=out_format, page_size=100)
    raw = _check_sample_points(*source.fetch())
    accented = [n for n in raw.columns["name_fr"] if n and "é" in n]
    assert accented, "French accents must survive the server's encoding"
    requests = [dict(p.split("=", 1) for p in q.split("&")) for q in mapserver_wfs.requests[first:]]
    pages = [r for r in requests if r["REQUEST"] == "GetFeature"]
    assert [(p["VERSION"], p["COUNT"], p["STARTINDEX"]) for p in pages] == [
        ("2.0.0", "100", "0"), ("2.0.0", "100", "100"), ("2.0.0", "100", "200")
    ]  # fmt: skip
    assert all(p["TYPENAMES"] == "service_points" for p in pages)


def test_wfs_2_0_exception_report_is_a_clear_error(mapserver_wfs):
    with pytest.raises(SourceError, match=r"answered 400 Bad Request .*TYPENAME 'nope' doesn't exist"):
        WfsSource(mapserver_wfs.url + "/", "nope", "wfs", out_format="gml").fetch()


@pytest.mark.parametrize("out_format", ["geojson", "gml"])
def test_pages_with_startindex_on_a_real_qgis_server(qgis_server, out_format):
    source = WfsSource(
        qgis_server + "/", "service_points", "wfs", version="1.1.0", out_format=out_format, page_size=100
    )
    raw = _check_sample_points(*source.fetch())
    i = list(raw.columns["point_id"]).index("service_canada_offices:5901")
    assert raw.columns["hours"][i] is None  # xsi:nil / JSON null stay empty


def test_service_exception_is_a_clear_error(qgis_server):
    with pytest.raises(SourceError, match=r"answered 400 Bad Request .*: TypeName 'nope' could not be found"):
        WfsSource(qgis_server + "/", "nope", "wfs", version="1.1.0").fetch()


def test_urn_srs_is_read_latitude_first():
    xml = b"""<wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:gml="http://www.opengis.net/gml/3.2"
      xmlns:pub="http://example.org/pub"><wfs:member><pub:OFFICES gml:id="OFFICES.1">
      <pub:NAME>Service BC - 100 Mile House</pub:NAME><pub:SHAPE><gml:Point srsName="urn:ogc:def:crs:EPSG::4326">
      <gml:pos>51.644455 -121.297478</gml:pos></gml:Point></pub:SHAPE></pub:OFFICES></wfs:member></wfs:FeatureCollection>"""
    table = _gml_table(_parse_xml(xml, "test"), "test")
    assert (table.x[0], table.y[0]) == (-121.297478, 51.644455)
    assert (
        table.columns["NAME"][0] == "Service BC - 100 Mile House" and table.columns["@id"][0] == "OFFICES.1"
    )


def test_xml_with_a_dtd_is_refused_before_parsing():
    bomb = b"""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
      <wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs">&lol2;</wfs:FeatureCollection>"""
    with pytest.raises(SourceError, match="document type definition; refused"):
        _parse_xml(bomb, "test")
    with pytest.raises(SourceError, match="malformed XML"):
        _parse_xml(b"<a><b></a>", "test")


def test_html_page_and_retry_through_the_shared_client():
    with FakeArcGis() as server:  # any loopback server with scripted faults will do
        server.faults = [("status", 502), ("html",)]
        waits = []
        source = WfsSource(
            server.layer_url, "x", "wfs", out_format="gml", client=HttpClient(sleep=waits.append)
        )
        with pytest.raises(SourceError, match="did not answer with a WFS FeatureCollection"):
            source.fetch()
        assert waits == [0.5]


def test_catalogue_entry_with_a_wfs_connector(tmp_path):
    import json

    from crs_plugin.core.catalogue import load_catalogue

    spec = {"sources": [{"id": "bc_wfs", "connector": {"type": "wfs", "url": "https://example.gov/wfs",
                                                         "type_name": "pub:OFFICES", "version": "1.1.0", "page_size": 500},
                         "mapping": {"source_id": "bc_wfs", "fields": {"source_record_id": {"column": "@id"}}}}]}  # fmt: skip
    (tmp_path / "c.json").write_text(json.dumps(spec), encoding="utf-8")
    source = load_catalogue(tmp_path / "c.json").source("bc_wfs")
    assert isinstance(source, WfsSource)
    assert (source.type_name, source.version, source.page_size) == ("pub:OFFICES", "1.1.0", 500)


def test_wfs_2_0_and_1_1_request_parameters():
    v2 = WfsSource("https://example.gov/wfs", "pub:OFFICES", "x", page_size=500)._params(1000)
    assert (v2["VERSION"], v2["TYPENAMES"], v2["COUNT"], v2["STARTINDEX"]) == (
        "2.0.0",
        "pub:OFFICES",
        500,
        1000,
    )
    assert v2["OUTPUTFORMAT"] == "application/json" and "TYPENAME" not in v2 and v2["SRSNAME"] == "EPSG:4326"
    v1 = WfsSource(
        "https://example.gov/wfs", "OFFICES", "x", version="1.1.0", out_format="gml", page_size=500
    )._params(0)
    assert (v1["TYPENAME"], v1["MAXFEATURES"]) == ("OFFICES", 500) and "OUTPUTFORMAT" not in v1


# -- paging as the server says and the CRS it declares (issue 14) --------------------------


@pytest.mark.parametrize("out_format", ["geojson", "gml"])
@pytest.mark.parametrize("send_matched", [True, False])
def test_a_server_capping_count_below_the_page_size_gives_every_feature(out_format, send_matched):
    from tests.servers.wfs_faults import FakeWfs

    with FakeWfs(cap=30, send_matched=send_matched) as server:
        raw, _ = WfsSource(
            server.url + "/", "pub:OFFICES", "wfs", out_format=out_format, page_size=100
        ).fetch()
        starts = [int(r["STARTINDEX"]) for r in server.requests if r.get("REQUEST") == "GetFeature"]
    assert list(raw.columns["@id"]) == [f"OFFICES.{i}" for i in range(95)]
    assert starts[:4] == [0, 30, 60, 90]  # advanced by what was received


@pytest.mark.parametrize("out_format", ["geojson", "gml"])
def test_fewer_features_than_number_matched_fail_naming_the_counts(out_format):
    from tests.servers.wfs_faults import FakeWfs

    with FakeWfs(cap=30) as server:
        server.matched_error = 5
        with pytest.raises(SourceError, match=r"got 95 of 100 features \(numberMatched\) because"):
            WfsSource(server.url + "/", "pub:OFFICES", "wfs", out_format=out_format, page_size=100).fetch()


@pytest.mark.parametrize("out_format", ["geojson", "gml"])
def test_features_are_read_in_the_crs_the_answer_declares(out_format):
    from crs_plugin.core.mapping import FieldMapping
    from crs_plugin.core.sources import load_points
    from tests.servers.wfs_faults import LON_LAT, FakeWfs

    mapping = FieldMapping.from_dict({"source_id": "wfs", "fields": {
        "source_record_id": {"column": "@id"}, "name_en": {"column": "NAME"}, "organization": {"value": "BC"},
        "order_of_government": {"value": "provincial"}, "jurisdiction": {"value": "BC"},
        "point_type": {"value": "service_centre"}}})  # fmt: skip
    with FakeWfs(albers=True) as server:  # ignores SRSNAME=EPSG:4326, answers in BC Albers
        source = WfsSource(server.url + "/", "pub:OFFICES", "wfs", out_format=out_format)
        points, _ = load_points(source, mapping)
    assert points.lon[7] == pytest.approx(LON_LAT[7][0], abs=1e-7)
    assert points.lat[7] == pytest.approx(LON_LAT[7][1], abs=1e-7)
