"""The OGC API Features connector against a real QGIS Server on loopback, and misbehaving servers."""

from __future__ import annotations

import pytest

from crs_plugin.core.errors import SourceError
from crs_plugin.core.http import HttpClient
from crs_plugin.core.mapping import FieldMapping
from crs_plugin.core.sources import OgcApiFeaturesSource, load_points
from tests.servers.ogcapi_faults import MisbehavingOgcApi

# The published layer is already in the common schema: map it onto itself.
MAPPING = FieldMapping.from_dict({
    "source_id": "shared_store",
    "fields": {name: {"column": name} for name in (
        "source_record_id", "name_en", "name_fr", "organization", "order_of_government", "jurisdiction",
        "channel", "point_type", "services", "city", "province")},
})  # fmt: skip


def test_pages_through_a_real_qgis_server_following_next_links(qgis_server):
    source = OgcApiFeaturesSource(qgis_server + "/wfs3", "service_points", "shared_store", limit=100)
    points, provenance = load_points(source, MAPPING)
    assert len(points) == provenance.record_count == 275
    assert len(set(points.columns["source_record_id"])) == 275
    i = list(points.columns["source_record_id"]).index("5901")
    assert points.columns["name_en"][i] == "Service Canada Centre - Vancouver"
    assert points.lon[i] == pytest.approx(-123.115316) and points.lat[i] == pytest.approx(49.281559)


def test_bbox_filter_on_a_real_qgis_server(qgis_server):
    source = OgcApiFeaturesSource(
        qgis_server + "/wfs3", "service_points", "shared_store", limit=50, bbox=(-70, 44, -60, 49)
    )
    points, _ = load_points(source, MAPPING)
    assert len(points) == 99 and set(points.columns["province"]) == {"NB"}


def test_unknown_collection_is_a_clear_error(qgis_server):
    with pytest.raises(SourceError, match="answered 404"):
        OgcApiFeaturesSource(qgis_server + "/wfs3", "no_such_collection", "x").fetch()


def test_endless_next_links_stop_at_the_page_limit():
    with MisbehavingOgcApi("endless") as server:
        with pytest.raises(SourceError, match="after 5 pages"):
            OgcApiFeaturesSource(
                server.base_url, "c", "x", limit=10, max_pages=5, client=HttpClient(timeout_s=5)
            ).fetch()


def test_next_links_that_loop_are_an_error():
    with MisbehavingOgcApi("loop") as server:
        with pytest.raises(SourceError, match="loop back"):
            OgcApiFeaturesSource(server.base_url, "c", "x", limit=10, client=HttpClient(timeout_s=5)).fetch()
