"""The ArcGIS connector against Koop, an ArcGIS GeoServices implementation no one here wrote
(started on loopback from the npm registry's package; see tests/servers/koop.py)."""

from __future__ import annotations

import pytest

from crs_plugin.core.http import HttpClient
from crs_plugin.core.sources import load_points
from crs_plugin.core.sources.arcgis import ArcGisSource
from tests.unit.test_arcgis_source import MAPPING

ALL_IDS = [str(i) for i in range(1, 2501)]


@pytest.mark.parametrize("concurrency", [4, 1])
@pytest.mark.parametrize("out_format", ["geojson", "json"])
@pytest.mark.parametrize("layer", ["points", "offices_300"])
def test_every_record_from_koop(koop, out_format, concurrency, layer):
    # Koop's GeoJSON never says exceededTransferLimit: the one-page-at-a-time path must not stop early.
    source = ArcGisSource(koop.layer_url(layer), "nb_arcgis", out_format=out_format, concurrency=concurrency,
                          client=HttpClient(timeout_s=30))  # fmt: skip
    points, provenance = load_points(source, MAPPING)
    assert sorted(points.columns["source_record_id"], key=int) == ALL_IDS
    i = list(points.columns["source_record_id"]).index("1235")
    assert (
        points.columns["name_en"][i] == "Service Centre 1235"
        and points.columns["order_of_government"][i] == "federal"
    )
    assert points.lon[i] == pytest.approx(-66.6 + 234 * 0.004) and points.lat[i] == pytest.approx(45.92)
    assert provenance.extra["page_size"] == (1000 if layer == "points" else 300)


def test_a_koop_service_address_and_a_query_address_with_a_filter(koop):
    service = koop.layer_url("points").rsplit("/", 1)[0]
    raw, provenance = ArcGisSource(service, "nb_arcgis", page_size=700).fetch()
    assert len(raw) == 2500 and provenance.uri == koop.layer_url("points")
    query = koop.layer_url("points") + "/query?where=GOV_LEVEL%3D%27Federal%27&outFields=OBJECTID&f=pjson"
    raw, _ = ArcGisSource(query, "nb_arcgis", page_size=400, concurrency=1).fetch()
    assert sorted(raw.columns["@id"], key=int) == [str(i) for i in range(1, 2501, 2)]
    assert set(raw.columns["GOV_LEVEL"]) == {"Federal"} and "SITE_NAME" in raw.columns
