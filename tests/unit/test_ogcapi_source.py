"""The OGC API Features connector against a real QGIS Server on loopback, and misbehaving servers."""

from __future__ import annotations

import pytest

from crs_plugin.core.errors import SourceError
from crs_plugin.core.http import HttpClient
from crs_plugin.core.mapping import FieldMapping
from crs_plugin.core.sources import OgcApiFeaturesSource, load_points
from tests.servers.ogcapi_faults import CappedOgcApi, MisbehavingOgcApi

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
        with pytest.raises(SourceError, match="more than 5 pages would be needed"):
            OgcApiFeaturesSource(
                server.base_url, "c", "x", limit=10, max_pages=5, client=HttpClient(timeout_s=5)
            ).fetch()


def test_next_links_that_loop_are_an_error():
    with MisbehavingOgcApi("loop") as server:
        with pytest.raises(SourceError, match="loop back"):
            OgcApiFeaturesSource(server.base_url, "c", "x", limit=10, client=HttpClient(timeout_s=5)).fetch()


# -- paging as the server says, and the addresses people paste (issue 14) -------------------


def capped_source(server, **kwargs) -> OgcApiFeaturesSource:
    return OgcApiFeaturesSource(
        server.url, "c", "x", **{"limit": 1000, "client": HttpClient(timeout_s=5), **kwargs}
    )


@pytest.mark.parametrize("concurrency", [4, 1])
def test_a_server_capping_limit_gives_every_item(concurrency):
    with CappedOgcApi(n=95, cap=10) as server:
        raw, _ = capped_source(server, concurrency=concurrency).fetch()
    assert sorted(int(i) for i in raw.columns["@id"]) == list(range(95))


def test_pages_known_from_number_matched_are_fetched_by_offset():
    with CappedOgcApi(n=95, cap=10) as server:
        raw, provenance = capped_source(server).fetch()
        offsets = sorted(int(r.get("offset", 0)) for r in server.requests)
    assert offsets == list(range(0, 95, 10)) and provenance.extra["paging"] == "offset, concurrent"
    assert list(raw.columns["n"]) == list(range(95))  # in order


def test_the_page_limit_says_pages_were_small():
    with CappedOgcApi(n=95, cap=10) as server:
        for concurrency in (4, 1):
            with pytest.raises(SourceError, match=r"more than 5 pages of 95 items would be needed because the "
                                                  r"server sends 10 items a page, fewer than the 1000 asked for"
                                                  if concurrency > 1 else r"sends 10 items a page"):  # fmt: skip
                capped_source(server, max_pages=5, concurrency=concurrency).fetch()


@pytest.mark.parametrize("concurrency", [4, 1])
def test_next_links_that_stop_before_number_matched_fail_naming_the_counts(concurrency):
    with CappedOgcApi(n=95, cap=10) as server:
        server.stop_after = 30
        server.matched_error = 0
        if concurrency == 4:
            server.matched_error = 10  # counts 105: the offset pages past 95 come back empty
        with pytest.raises(SourceError, match=r"got (30 of 95|95 of 105) items \(numberMatched\) because"):
            capped_source(server, concurrency=concurrency).fetch()


def test_a_page_shorter_than_its_number_returned_is_an_error():
    with CappedOgcApi(n=95, cap=10) as server:
        server.short_page_at = 20
        with pytest.raises(SourceError, match=r"returned 10 items \(numberReturned\) but sent 9"):
            capped_source(server).fetch()


def test_a_landing_page_or_a_collection_address_instead_of_the_collection():
    with CappedOgcApi(n=25, cap=10) as server:
        raw, _ = OgcApiFeaturesSource(server.url + "/", None, "x", client=HttpClient(timeout_s=5)).fetch()
        assert len(raw) == 25
        raw, provenance = OgcApiFeaturesSource(server.url + "/collections/c/items?f=html", None, "x").fetch()
        assert len(raw) == 25 and provenance.uri == server.url + "/collections/c/items"
        server.collections = ("c", "offices")
        with pytest.raises(SourceError, match=r"2 collections \(c \(Collection c\); offices \(Collection offices\)\)"
                                              r": set the connector's 'collection'.*/collections/c\."):  # fmt: skip
            OgcApiFeaturesSource(server.url, None, "x").fetch()
