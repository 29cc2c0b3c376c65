"""The OGC API Features connector against pygeoapi, a server implementation no one here wrote
(started on loopback from its own virtualenv; see tests/servers/pygeoapi.py). pygeoapi caps
``limit`` at 10 items a page, as its default configuration does."""

from __future__ import annotations

import pytest

from crs_plugin.core.errors import SourceError
from crs_plugin.core.sources import OgcApiFeaturesSource, load_points
from tests.unit.test_ogcapi_source import MAPPING


@pytest.mark.parametrize("concurrency", [4, 1])
def test_every_sample_point_from_pygeoapi_capping_limit_at_10(pygeoapi, concurrency):
    source = OgcApiFeaturesSource(
        pygeoapi.url, "service_points", "shared_store", limit=1000, concurrency=concurrency
    )
    points, provenance = load_points(source, MAPPING)
    assert len(points) == provenance.record_count == 275
    assert len(set(points.columns["source_record_id"])) == 275
    i = list(points.columns["source_record_id"]).index("5901")
    assert points.columns["name_en"][i] == "Service Canada Centre - Vancouver"
    assert points.lon[i] == pytest.approx(-123.115316) and points.lat[i] == pytest.approx(49.281559)
    assert provenance.extra["page_size"] == 10


def test_the_page_limit_says_pygeoapi_sends_small_pages(pygeoapi):
    source = OgcApiFeaturesSource(pygeoapi.url, "service_points", "x", limit=1000, max_pages=20)
    with pytest.raises(SourceError, match=r"server sends 10 items a page, fewer than the 1000 asked for"):
        source.fetch()


def test_a_pygeoapi_landing_page_lists_its_collections_and_a_collection_address_loads(pygeoapi):
    with pytest.raises(SourceError, match=r"2 collections \(service_points \(Service Points\); offices"):
        OgcApiFeaturesSource(pygeoapi.url + "/", None, "x").fetch()
    source = OgcApiFeaturesSource(pygeoapi.url + "/collections/service_points/items?f=html&bbox=-70,44,-60,49", None,
                                  "shared_store")  # fmt: skip
    points, _ = load_points(source, MAPPING)
    assert len(points) == 99 and set(points.columns["province"]) == {"NB"}
