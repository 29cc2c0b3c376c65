"""The CKAN connector against a loopback CKAN-like portal serving the sample files."""

from __future__ import annotations

import json

import pytest

from crs_plugin.core.catalogue import load_catalogue
from crs_plugin.core.errors import SourceError
from crs_plugin.core.sources import CkanSource, load_points
from tests.conftest import SAMPLE_DIR
from tests.servers.static import StaticServer

DATASET = "2b44d212-5438-47a9-ad23-20eb8ada9709"  # shaped like the Service BC dataset


def package(base: str, resources: list[dict], success: bool = True) -> bytes:
    if not success:
        return json.dumps(
            {"success": False, "error": {"message": "Not found", "__type": "Not Found Error"}}
        ).encode()
    return json.dumps({"success": True, "result": {"id": DATASET, "name": "service-bc-locations",
                                                    "metadata_modified": "2024-01-31T18:22:10", "resources": resources}}).encode()  # fmt: skip


@pytest.fixture
def portal():
    with StaticServer() as server:
        server.routes["/files/offices.csv"] = (
            200,
            "text/csv",
            (SAMPLE_DIR / "service_bc_offices.csv").read_bytes(),
        )
        server.routes["/files/offices.geojson"] = (200, "application/geo+json",
                                                   (SAMPLE_DIR / "service_bc_offices.geojson").read_bytes())  # fmt: skip
        server.routes["/files/download-page"] = (
            200,
            "text/html",
            b"<!doctype html><html>Click to download</html>",
        )
        yield server


def set_resources(server, resources, success=True):
    server.routes["/api/3/action/package_show"] = (
        200,
        "application/json",
        package(server.url, resources, success),
    )


def resource(server, rid, fmt, path, modified="2024-03-01T10:00:00"):
    return {"id": rid, "format": fmt, "url": f"{server.url}{path}", "last_modified": modified}


def test_prefers_geojson_over_csv_and_keeps_the_last_modified_date(portal):
    set_resources(portal, [resource(portal, "c7cc9297", "CSV", "/files/offices.csv"),
                           resource(portal, "a1b2c3d4", "GeoJSON", "/files/offices.geojson", "2024-05-05T09:30:00")])  # fmt: skip
    raw, provenance = CkanSource(portal.url, DATASET, "service_bc_offices").fetch()
    assert len(raw) == 68 and raw.x is not None  # GeoJSON: geometry came with it
    assert provenance.extra["ckan_resource"] == "a1b2c3d4"
    assert provenance.extra["last_modified"] == "2024-05-05T09:30:00"
    assert any("package_show?id=" + DATASET in r for r in portal.requests)


def test_named_csv_resource_maps_like_the_file(portal):
    set_resources(portal, [resource(portal, "c7cc9297", "CSV", "/files/offices.csv")])
    mapping = load_catalogue().entry("service_bc_offices").mapping
    points, _ = load_points(
        CkanSource(portal.url, DATASET, "service_bc_offices", resource_id="c7cc9297"), mapping
    )
    assert len(points) == 68 and points.columns["name_en"][0] == "Service BC - Vancouver"


def test_download_page_instead_of_the_file(portal):
    set_resources(portal, [resource(portal, "c7cc9297", "CSV", "/files/download-page")])
    with pytest.raises(
        SourceError, match=r"CKAN resource 'c7cc9297' .*\(labelled CSV, .*\) leads to a web page"
    ):
        CkanSource(portal.url, DATASET, "x").fetch()


def test_unknown_dataset_and_unusable_formats(portal):
    set_resources(portal, [], success=False)
    with pytest.raises(SourceError, match="could not show dataset .*Not found"):
        CkanSource(portal.url, DATASET, "x").fetch()
    set_resources(portal, [resource(portal, "p1", "PDF", "/files/guide.pdf")])
    with pytest.raises(SourceError, match=r"no GeoJSON, CSV, ArcGIS or WFS resource \(formats: PDF\)"):
        CkanSource(portal.url, DATASET, "x").fetch()


def test_catalogue_entry_with_a_ckan_connector(portal, tmp_path):
    set_resources(portal, [resource(portal, "c7cc9297", "CSV", "/files/offices.csv")])
    spec = {"sources": [{"id": "service_bc_offices", "title_en": "Service BC",
                         "connector": {"type": "ckan", "url": portal.url, "dataset": DATASET},
                         "mapping": str(SAMPLE_DIR / "mappings" / "service_bc_offices.json")}]}  # fmt: skip
    (tmp_path / "catalogue.json").write_text(json.dumps(spec), encoding="utf-8")
    catalogue = load_catalogue(tmp_path / "catalogue.json")
    points, provenance = load_points(
        catalogue.source("service_bc_offices"), catalogue.entry("service_bc_offices").mapping
    )
    assert len(points) == 68 and provenance.extra["resource_format"] == "CSV"
