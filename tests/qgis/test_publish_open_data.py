"""crs:publishopendata in a real QGIS, and its finder page in a real (headless) Chromium."""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
from pathlib import Path

import processing
import pytest
from qgis.core import QgsProcessingException, QgsProviderRegistry, QgsVectorLayer

from tests.conftest import ROOT, store_basic_auth

OPENDATA_PYTHON = Path(os.environ.get("CRS_OPENDATA_VENV", ROOT / ".venv-opendata")) / "bin" / "python"
FREDERICTON = (45.9636, -66.6431)


def census_layer(path) -> QgsVectorLayer:
    return QgsVectorLayer(f"{path}|layername=dissemination_areas", "census", "ogr")


@pytest.fixture
def published(crs_provider, channels_store, census_copy, tmp_path):
    """The sample's counters, call centres and digital services published with province outlines."""
    folder = tmp_path / "package"
    result = processing.run("crs:publishopendata", {
        "SERVICE_POINTS": f"{channels_store}|layername=service_points", "BOUNDARIES": census_layer(census_copy),
        "OUTPUT": str(folder),
    })  # fmt: skip
    return folder, result


def test_publish_from_the_store_with_province_boundaries(published):
    folder, result = published
    assert (result["LOCATIONS"], result["SERVICES_PUBLISHED"]) == (283, 331)
    assert result["OUTPUT"] == str(folder) and result["FINDER"] == str(folder / "index.html")
    for name in ("datapackage.json", "locations.geojson", "README.md", "reimport/sources.json",
                 "hsds/service_at_location.csv", "hsds/json/services.json"):  # fmt: skip
        assert (folder / name).is_file(), name
    boundaries = json.loads((folder / "boundaries.geojson").read_text(encoding="utf-8"))
    # The 3,755 census areas dissolved by PRUID into the two provinces, named by their codes.
    assert [(f["properties"]["code"], f["properties"]["name"]) for f in boundaries["features"]] == [
        ("NB", "New Brunswick"),
        ("BC", "British Columbia"),
    ]
    lon, lat = zip(*(c for ring in _rings(boundaries["features"][0]["geometry"]) for c in ring))
    assert (
        -69.1 < min(lon) < max(lon) < -63.7 and 44.5 < min(lat) < max(lat) < 48.1
    )  # New Brunswick, in degrees
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert '"code":"NB"' in page and "<script src" not in page and "<link" not in page


def _rings(geometry):
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return [ring for polygon in polygons for ring in polygon]


def test_licence_titles_and_package_id(crs_provider, sample_store, tmp_path):
    folder = tmp_path / "package"
    processing.run("crs:publishopendata", {
        "SERVICE_POINTS": f"{sample_store}|layername=service_points", "LICENCE": 1, "PACKAGE_ID": "nb_points",
        "PUBLISHER": "Service New Brunswick", "TITLE_EN": "New Brunswick service points",
        "TITLE_FR": "Points de service du Nouveau-Brunswick", "OUTPUT": str(folder),
    })  # fmt: skip
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert descriptor["title"] == "New Brunswick service points / Points de service du Nouveau-Brunswick"
    assert descriptor["contributors"] == [{"title": "Service New Brunswick", "role": "publisher"}]
    catalogue = json.loads((folder / "reimport" / "sources.json").read_text(encoding="utf-8"))
    assert catalogue["sources"][0]["id"] == "nb_points"
    assert not (folder / "boundaries.geojson").exists()


def test_one_input_is_required(crs_provider, sample_store, tmp_path):
    with pytest.raises(QgsProcessingException, match="either a service-point layer or a shared store"):
        processing.run("crs:publishopendata", {"OUTPUT": str(tmp_path / "p")})
    with pytest.raises(QgsProcessingException, match="either a service-point layer or a shared store"):
        processing.run("crs:publishopendata", {"SERVICE_POINTS": f"{sample_store}|layername=service_points",
                                               "SHARED_STORE": "any", "OUTPUT": str(tmp_path / "p")})  # fmt: skip
    other = QgsVectorLayer("Point?crs=EPSG:4326&field=name:string", "points", "memory")
    with pytest.raises(QgsProcessingException, match="not in the service-point schema: it has no point_id"):
        processing.run("crs:publishopendata", {"SERVICE_POINTS": other, "OUTPUT": str(tmp_path / "q")})


def test_publish_from_the_shared_store(crs_provider, shared, tmp_path):
    authcfg = store_basic_auth(f"{shared.dbname}-maint", "geomapping", "geomapping-pw")
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    uri = f"host=127.0.0.1 port={shared.cluster.port} dbname={shared.dbname} authcfg={authcfg}"
    metadata.saveConnection(metadata.createConnection(uri, {}), f"{shared.dbname}-publish")
    shared.query("UPDATE crs.service_points SET notes = 'internal: do not publish', "
                 "contact_email = 'someone@example.gc.ca' WHERE jurisdiction = 'NB'")  # fmt: skip
    folder = tmp_path / "package"
    result = processing.run("crs:publishopendata", {"SHARED_STORE": f"{shared.dbname}-publish",
                                                    "OUTPUT": str(folder)})  # fmt: skip
    assert result["LOCATIONS"] == 275
    features = json.loads((folder / "locations.geojson").read_text(encoding="utf-8"))["features"]
    published_ids = sorted(f["id"] for f in features)
    assert published_ids == sorted(shared.admin.points())
    for path in folder.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert "do not publish" not in text and "someone@example" not in text, path.name


# -- the finder page in Chromium ---------------------------------------------------------------


def haversine_km(lat1, lon1, lat2, lon2) -> float:
    rad = math.pi / 180
    a = (math.sin((lat2 - lat1) * rad / 2) ** 2
         + math.cos(lat1 * rad) * math.cos(lat2 * rad) * math.sin((lon2 - lon1) * rad / 2) ** 2)  # fmt: skip
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def drive_finder(scenario: dict, tmp_path) -> dict:
    assert OPENDATA_PYTHON.exists(), "the test tools are missing: run `make deps` (it makes .venv-opendata)"
    assert shutil.which("chromium") and shutil.which("chromedriver"), "Debian's chromium and chromium-driver"
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps(scenario), encoding="utf-8")
    run = subprocess.run([str(OPENDATA_PYTHON), str(ROOT / "tests" / "finder_browser.py"), str(path)],
                         capture_output=True, text=True, timeout=300)  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout)


def test_the_finder_page_in_headless_chromium(published, tmp_path):
    folder, _ = published
    lat, lon = FREDERICTON
    features = json.loads((folder / "locations.geojson").read_text(encoding="utf-8"))["features"]
    # What a search for Employment Insurance within 50 km of Fredericton must return, nearest first.
    expected = sorted(
        (haversine_km(lat, lon, f["geometry"]["coordinates"][1], f["geometry"]["coordinates"][0]), f["id"])
        for f in features
        if "employment_insurance" in (f["properties"]["services"] or "").split(";")
        and f["properties"]["channel"] == "in_person"
    )
    expected = [pid for d, pid in expected if d <= 50]
    assert 2 <= len(expected) < 20
    # Then the call centres and online services whose region holds Fredericton (all of Canada, or NB).
    expected += [pid for _, pid in sorted(
        (f["properties"]["name_en"], f["id"])
        for f in features
        if "employment_insurance" in (f["properties"]["services"] or "").split(";")
        and set((f["properties"]["service_region"] or "").split(";")) & {"CA", "NB"}
    )]  # fmt: skip
    assert expected[-1] == "contact_centres_digital:SC-EI-CC"
    shots = ROOT / "docs" if os.environ.get("CRS_UPDATE_SCREENSHOTS") else tmp_path
    report = drive_finder({"page": str(folder / "index.html"), "service": "employment_insurance", "lat": lat,
                           "lon": lon, "radius": 50, "screenshots": str(shots)}, tmp_path)  # fmt: skip
    assert report["result_ids"] == expected
    assert report["result_ids_fr"] == expected
    # Loaded from the disk, and nothing else was asked for.
    assert report["requested_urls"] == [(folder / "index.html").as_uri()]
    assert report["console_errors"] == []
    en, fr = report["en"], report["fr"]
    assert (en["html_lang"], fr["html_lang"]) == ("en", "fr")
    assert (en["search-heading"], fr["search-heading"]) == (
        "Find a service point",
        "Trouver un point de service",
    )
    assert (en["label:radius"], fr["label:radius"]) == ("Within", "Dans un rayon de")
    assert (en["search-button"], fr["search-button"]) == ("Search", "Rechercher")
    assert (en["lang-switch"], fr["lang-switch"]) == ("Français", "English")
    assert (en["page-title"], fr["page-title"]) == (
        "Government service points",
        "Points de service gouvernementaux",
    )
    n = len(expected)
    assert (en["status"], fr["status"]) == (f"{n} service points found.", f"{n} points de service trouvés.")
    assert fr["first_result_meta"] == ["Service Canada · Centre de services · En personne"]
    assert fr["service_options"][0] == "Tous les services"
    assert report["bad_coordinates_fr"].startswith("Entrez une latitude entre 41 et 84")
    # Keyboard and screen reader: landmarks, a label for every control, a focus order that follows the page.
    assert report["landmarks"] == {
        "banner": 1,
        "main": 1,
        "search": 1,
        "contentinfo": 1,
        "live_status": "polite",
    }
    assert report["unlabelled_controls"] == []
    assert report["focus_order"] == ["skip-link", "lang-switch", "service", "lat", "lon", "radius", "search-button",
                                     "clear-button"]  # fmt: skip
    assert report["markers"] > 200
    assert (shots / "finder_en.png").stat().st_size > 10_000 and (
        shots / "finder_fr.png"
    ).stat().st_size > 10_000
