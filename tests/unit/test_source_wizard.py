"""Adding a source without writing JSON (issue 22), the core the dialog and crs:addsource share:
what each kind of address is, told from the answers of real servers on loopback; column and value
matching on the sample sources' real-style names and on French names; every check with its rows;
and catalogue entries written as people write them by hand."""

from __future__ import annotations

import io
import json
import shutil
import zipfile

import numpy as np
import pytest

from crs_plugin.core import source_wizard as wizard
from crs_plugin.core.catalogue import SAMPLE_CATALOGUE, load_catalogue
from crs_plugin.core.errors import MappingError, SourceError
from crs_plugin.core.mapping import FieldMapping
from crs_plugin.core.sources import load_points
from crs_plugin.core.store import GeoPackageStore
from crs_plugin.core.table import RawTable
from tests.conftest import SAMPLE_DIR
from tests.servers.arcgis import FakeArcGis
from tests.servers.static import StaticServer

DATASET = "2b44d212-5438-47a9-ad23-20eb8ada9709"  # shaped like the Service BC dataset
RESOURCE = "c7cc9297-220c-4d6c-a9a7-72d0680b2f74"


def sample_raw(name: str) -> RawTable:
    return wizard.preview({"type": "file", "location": str(SAMPLE_DIR / name)}).raw


def hand_written(source_id: str) -> tuple[dict, dict]:
    doc = json.loads(SAMPLE_CATALOGUE.read_text(encoding="utf-8"))
    entry = next(e for e in doc["sources"] if e["id"] == source_id)
    mapping = json.loads((SAMPLE_DIR / entry["mapping"]).read_text(encoding="utf-8"))
    return entry, mapping


# -- what an address is, from its answers ---------------------------------------------------------


def test_local_files_csv_and_a_zip_archive_of_two_tables(tmp_path):
    detection = wizard.detect(str(SAMPLE_DIR / "snb_service_centres.csv"))
    assert detection.kind == "file"
    assert [o.connector for o in detection.offers] == [
        {"type": "file", "location": str(SAMPLE_DIR / "snb_service_centres.csv"), "format": "csv"}
    ]
    archive = tmp_path / "offices.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("readme.pdf", b"%PDF")
        z.writestr("data/bc.csv", (SAMPLE_DIR / "service_bc_offices.csv").read_bytes())
        z.writestr("data/municipal.geojson", (SAMPLE_DIR / "local_government_offices.geojson").read_bytes())
    detection = wizard.detect(f"file://{archive}")
    assert [(o.key, o.detail) for o in detection.offers] == [
        ("data/bc.csv", "CSV"),
        ("data/municipal.geojson", "GEOJSON"),
    ]
    assert detection.offer("data/bc.csv").connector == {
        "type": "file", "location": str(archive), "format": "zip", "member": "data/bc.csv"}  # fmt: skip
    raw = wizard.preview(detection.offer("data/municipal.geojson").connector).raw
    assert len(raw) == 105 and raw.x is not None
    with pytest.raises(SourceError, match=r"offering 2 choices: data/bc.csv; data/municipal.geojson"):
        detection.offer()
    (tmp_path / "book.xlsx").write_bytes(
        b"PK\x03\x04" + b"\x00" * 26 + b"[Content_Types].xml" + b"xl/workbook.xml"
    )
    with pytest.raises(SourceError, match="Excel workbook: save the sheet as CSV"):
        wizard.detect(str(tmp_path / "book.xlsx"))
    with pytest.raises(SourceError, match="File not found"):
        wizard.detect(str(tmp_path / "missing.csv"))


@pytest.fixture
def files():
    """A web server publishing the sample files, a ZIP, a download page, and a CKAN portal."""
    with StaticServer() as server:
        for name, kind in (("service_bc_offices.csv", "text/csv"), ("local_government_offices.geojson",
                                                                   "application/geo+json")):  # fmt: skip
            server.routes[f"/files/{name}"] = (200, kind, (SAMPLE_DIR / name).read_bytes())
        body = io.BytesIO()
        with zipfile.ZipFile(body, "w") as z:
            z.writestr("snb.csv", (SAMPLE_DIR / "snb_service_centres.csv").read_bytes())
        server.routes["/download"] = (200, "application/octet-stream", body.getvalue())
        server.routes["/page"] = (200, "text/html", b"<!doctype html><html>Click to download</html>")
        resources = [
            {"id": "p1", "format": "PDF", "url": f"{server.url}/guide.pdf", "name": "Guide"},
            {"id": RESOURCE, "format": "CSV", "url": f"{server.url}/files/service_bc_offices.csv",
             "name": "Service BC locations (CSV)", "last_modified": "2024-03-01T10:00:00"},
            {"id": "g1", "format": "GeoJSON", "url": f"{server.url}/files/local_government_offices.geojson",
             "name": "Municipal offices"},
        ]  # fmt: skip
        package = {"success": True, "result": {
            "id": DATASET, "name": "service-bc-locations", "title": "Service BC locations",
            "license_title": "Open Government Licence - British Columbia",
            "organization": {"title": "Service BC"}, "resources": resources}}  # fmt: skip
        server.routes["/api/3/action/package_show"] = (200, "application/json", json.dumps(package).encode())
        server.routes[f"/dataset/{DATASET}"] = (200, "text/html", b"<!doctype html><html>Dataset page</html>")
        yield server


def test_files_on_a_web_server_are_told_by_their_bytes(files):
    for path, fmt in (("/files/service_bc_offices.csv", "csv"), ("/files/local_government_offices.geojson",
                                                                 "geojson"), ("/download", "zip")):  # fmt: skip
        detection = wizard.detect(files.url + path)
        assert (detection.kind, [o.connector for o in detection.offers]) == (
            "file", [{"type": "file", "location": files.url + path, "format": fmt}])  # fmt: skip
    assert len(wizard.preview(wizard.detect(files.url + "/download").offer().connector).raw) == 23
    with pytest.raises(SourceError, match=r"/page is not a data file.* answered with a web page \(HTML\)"):
        wizard.detect(files.url + "/page")


def test_a_ckan_dataset_page_and_its_package_show_address(files):
    for address in (f"{files.url}/dataset/{DATASET}", f"{files.url}/api/3/action/package_show?id={DATASET}"):
        detection = wizard.detect(address)
        assert detection.kind == "ckan"
        assert [(o.key, o.title, o.detail) for o in detection.offers] == [
            (RESOURCE, "Service BC locations (CSV)", "CSV"), ("g1", "Municipal offices", "GeoJSON")]  # fmt: skip
        assert detection.offers[0].connector == {"type": "ckan", "url": files.url, "dataset": DATASET,
                                                 "resource": RESOURCE}  # fmt: skip
        assert detection.metadata == {"title_en": "Service BC locations", "publisher": "Service BC",
                                      "licence": "Open Government Licence - British Columbia",
                                      "name": "service-bc-locations"}  # fmt: skip
    assert len(wizard.preview(detection.offers[0].connector).raw) == 68
    # A resource page pins its resource.
    detection = wizard.detect(f"{files.url}/dataset/{DATASET}/resource/g1")
    assert [o.key for o in detection.offers] == ["g1"]


def test_an_arcgis_service_lists_its_layers_and_a_layer_page_is_one_layer():
    with FakeArcGis() as server:
        server.layers = [{"id": 0, "name": "ServicePoints", "geometryType": "esriGeometryPoint"},
                         {"id": 1, "name": "Regions", "geometryType": "esriGeometryPolygon"},
                         {"id": 2, "name": "Group", "subLayerIds": [0, 1]}]  # fmt: skip
        service = server.layer_url.rsplit("/", 1)[0]
        detection = wizard.detect(service)
        assert detection.kind == "arcgis"
        assert [(o.key, o.title, o.detail, o.connector) for o in detection.offers] == [
            ("0", "ServicePoints", "points", {"type": "arcgis", "url": server.layer_url}),
            ("1", "Regions", "polygons", {"type": "arcgis", "url": service + "/1"}),
        ]
        detection = wizard.detect(server.layer_url + "?f=html")
        assert [(o.title, o.connector) for o in detection.offers] == [
            ("ServicePoints", {"type": "arcgis", "url": server.layer_url})]  # fmt: skip
        query = server.layer_url + "/query?where=GOV_LEVEL%3D%27Federal%27&outFields=*&f=pjson"
        offer = wizard.detect(query).offer()
        assert offer.connector == {"type": "arcgis", "url": server.layer_url, "where": "GOV_LEVEL='Federal'"}
        wizard.preview(offer.connector)
        pages = [r for r in server.requests if r["path"].endswith("/query") and "resultOffset" in r]
        assert pages and all(r["where"] == "GOV_LEVEL='Federal'" for r in pages)


def test_koop_a_service_and_a_layer(koop):
    layer = koop.layer_url("points")
    detection = wizard.detect(layer.rsplit("/", 1)[0])
    assert (detection.kind, [o.connector for o in detection.offers]) == (
        "arcgis",
        [{"type": "arcgis", "url": layer}],
    )
    assert wizard.detect(layer).offer().connector == {"type": "arcgis", "url": layer}


def test_pygeoapi_landing_page_lists_its_collections_and_a_collection_is_one(pygeoapi):
    detection = wizard.detect(pygeoapi.url + "/")
    assert detection.kind == "ogcapi"
    assert [(o.key, o.title, o.connector) for o in detection.offers] == [
        (
            "service_points",
            "Service Points",
            {"type": "ogcapi", "url": pygeoapi.url, "collection": "service_points"},
        ),
        ("offices", "Offices", {"type": "ogcapi", "url": pygeoapi.url, "collection": "offices"}),
    ]
    for address in (
        pygeoapi.url + "/collections/offices",
        pygeoapi.url + "/collections/offices/items?f=html",
    ):
        offer = wizard.detect(address).offer()
        assert offer.connector == {"type": "ogcapi", "url": pygeoapi.url, "collection": "offices"}
    assert len(wizard.preview(offer.connector).raw) == 275


def test_qgis_server_ogc_api_and_wfs(qgis_server):
    detection = wizard.detect(qgis_server + "/wfs3")
    assert (detection.kind, [o.connector for o in detection.offers]) == (
        "ogcapi", [{"type": "ogcapi", "url": qgis_server + "/wfs3", "collection": "service_points"}])  # fmt: skip
    detection = wizard.detect(qgis_server + "/?SERVICE=WFS&REQUEST=GetCapabilities&VERSION=1.1.0")
    assert (detection.kind, [o.connector for o in detection.offers]) == (
        "wfs", [{"type": "wfs", "url": qgis_server + "/", "type_name": "service_points", "version": "1.1.0"}])  # fmt: skip
    raw = wizard.preview(detection.offer().connector).raw
    assert len(raw) == 275


def test_a_mapserver_wfs_address_without_parameters(mapserver_wfs):
    detection = wizard.detect(mapserver_wfs.url + "/")
    assert detection.kind == "wfs"
    # MapServer names its feature types with its namespace prefix: the name as the server says it.
    assert [o.connector for o in detection.offers] == [
        {"type": "wfs", "url": mapserver_wfs.url + "/", "type_name": "ms:service_points"}]  # fmt: skip
    assert len(wizard.preview(detection.offer().connector).raw) == 275
    assert detection.metadata["title_en"] == "CRS Service Points test WFS"
    assert any("REQUEST=GetCapabilities" in q for q in mapserver_wfs.requests)


# -- matching columns and values --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("service_bc_offices.csv", {"source_record_id": "Office Code", "name_en": "External Site",
                                    "point_type": "Item Type", "street_address": "Address", "city": "Locality",
                                    "phone": "Site_Phone_No", "url": "Website_URL"}),
        ("service_canada_offices.csv", {"source_record_id": "Office Code", "name_en": "Office Name",
                                        "name_fr": "Nom du bureau", "point_type": "Centre Type", "services": "Services",
                                        "street_address": "Address", "city": "City", "province": "Province",
                                        "postal_code": "Postal Code", "languages": "Language of Service"}),
        ("snb_service_centres.csv", {"source_record_id": "SITE_ID", "name_en": "NAME_E", "name_fr": "NAME_F",
                                     "services": "SERVICES", "street_address": "CIVIC_ADDR", "city": "COMMUNITY",
                                     "postal_code": "POSTAL", "phone": "PHONE"}),
        ("contact_centres_digital.csv", {"source_record_id": "Record ID", "name_en": "Name", "name_fr": "Nom",
                                         "organization": "Organization", "order_of_government": "Level",
                                         "jurisdiction": "Jurisdiction", "channel": "Channel", "services": "Services",
                                         "phone": "Phone", "url": "Website", "hours": "Hours",
                                         "languages": "Languages", "service_region": "Region",
                                         "service_region_extent": "Region polygon", "time_zone": "Time zone"}),
        ("local_government_offices.geojson", {"name_en": "office_name", "name_fr": "nom_bureau",
                                              "order_of_government": "gov_level", "jurisdiction": "csd_uid",
                                              "services": "services_offered", "street_address": "street",
                                              "city": "municipality", "province": "prov", "postal_code": "postal_code",
                                              "phone": "telephone", "last_verified": "updated"}),
    ],
)  # fmt: skip
def test_columns_of_the_sample_sources_are_matched_as_their_hand_written_mappings_read_them(name, expected):
    raw = sample_raw(name)
    order = {"local_government_offices.geojson": "municipal", "contact_centres_digital.csv": "other"}.get(
        name, "provincial"
    )
    assert wizard.match_columns(raw.columns, order) == expected
    # Every single-column rule of the hand-written mapping is among them; a column the hand-written
    # mapping reads for two fields (Centre Type: channel and point type) is matched to one of them.
    _, mapping = hand_written(name.split(".")[0])
    columns = {f: r["column"] for f, r in mapping["fields"].items() if "column" in r and r["column"] != "@id"}
    for field, column in columns.items():
        assert expected.get(field) == column or [
            f for f, c in columns.items() if c == column and expected.get(f) == c
        ]


def test_coordinate_columns_and_their_crs():
    raw = sample_raw("snb_service_centres.csv")
    assert wizard.coordinate_columns(raw) == ("X_2953", "Y_2953")
    assert (
        wizard.guess_crs(*(wizard.number_values(raw.columns[c])[0] for c in ("X_2953", "Y_2953")))
        == "EPSG:2953"
    )
    raw = sample_raw("service_bc_offices.csv")
    assert wizard.coordinate_columns(raw) == ("Longitude", "Latitude")
    assert wizard.guess_crs(raw.columns["Longitude"], raw.columns["Latitude"]) == "EPSG:4326"
    lon, lat = wizard.located_points(raw, {"x": "Longitude", "y": "Latitude"})
    assert (lon[0], lat[0]) == (-123.103297, 49.290217)


FRENCH_CSV = (
    "Identifiant;Nom;Adresse;Ville;Code postal;Téléphone;Langues;Type de bureau;Ordre de gouvernement;"
    "Mise à jour;Latitude;Longitude\n"
    "QC-1;Bureau de Services Québec - Rimouski;337, rue Moreault;Rimouski;G5L 1P4;418 727-3661;Français;"
    "Centre de services;Provincial;2024-02-01;48,4489;-68,5236\n"
    "QC-2;Bureau municipal de Matane;230, av. Saint-Jérôme;Matane;G4W 3A2;418 562-2333;Français et anglais;"
    "Bureau municipal;Municipal;2024-02-03;48,8466;-67,5330\n"
)


def test_french_column_names_and_values(tmp_path):
    path = tmp_path / "bureaux.csv"
    path.write_text(FRENCH_CSV, encoding="utf-8")
    raw = wizard.preview(wizard.detect(str(path)).offer().connector).raw
    assert wizard.match_columns(raw.columns) == {
        "source_record_id": "Identifiant", "name_fr": "Nom", "order_of_government": "Ordre de gouvernement",
        "point_type": "Type de bureau", "street_address": "Adresse", "city": "Ville", "postal_code": "Code postal",
        "phone": "Téléphone", "languages": "Langues", "last_verified": "Mise à jour"}  # fmt: skip
    spec = wizard.suggest_mapping("bureaux_qc", raw, publisher="Services Québec", jurisdiction="QC")
    assert spec["geometry"] == {"x": "Longitude", "y": "Latitude", "crs": "EPSG:4326"}  # decimal commas read
    assert spec["fields"]["languages"] == {
        "column": "Langues",
        "map": {"Français": "fr", "Français et anglais": "en;fr"},
    }
    assert spec["fields"]["point_type"]["map"] == {"Centre de services": "service_centre",
                                                   "Bureau municipal": "municipal_office"}  # fmt: skip
    assert spec["fields"]["order_of_government"]["map"] == {
        "Provincial": "provincial",
        "Municipal": "municipal",
    }
    assert spec["fields"]["organization"] == {"value": "Services Québec"}
    assert wizard.check_mapping(raw, spec) == []
    # X/Y in a projected CRS, with French names.
    other = tmp_path / "municipal.csv"
    other.write_text("No;Nom du bureau;Adresse civique;Municipalité;X;Y\n1;Hôtel de ville;1 rue Principale;Moncton;"
                     "2631999.93;7455431.9\n", encoding="utf-8")  # fmt: skip
    raw = wizard.preview(wizard.detect(str(other)).offer().connector).raw
    assert wizard.match_columns(raw.columns) == {"source_record_id": "No", "name_fr": "Nom du bureau",
                                                 "street_address": "Adresse civique", "city": "Municipalité"}  # fmt: skip
    assert wizard.suggest_mapping("m", raw, jurisdiction="NB")["geometry"] == {
        "x": "X",
        "y": "Y",
        "crs": "EPSG:2953",
    }


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("point_type", "Service BC Centre", "service_centre"),
        ("point_type", "Scheduled Outreach Site", "outreach_site"),
        ("point_type", "Call Centre", "call_centre"),
        ("point_type", "Passport Office", None),  # unsure: the person chooses
        ("point_type", "Centre d'emploi", "employment_centre"),
        ("order_of_government", "Municipality", "municipal"),
        ("order_of_government", "First Nation", "indigenous"),
        ("order_of_government", "Fédéral", "federal"),
        ("languages", "Services offered in English and French", "en;fr"),
        ("languages", "Services offered in English", "en"),
        ("languages", "Bilingue", "en;fr"),
        ("services", "Permis de conduire / Driver's licence", "drivers_licence"),
        ("services", "Carte santé / Health card", "health_card"),
        ("services", "CPP/OAS", "pensions"),
        ("services", "EI", "employment_insurance"),
        ("services", "Passport", "passport"),
        ("channel", "En personne", "in_person"),
        ("province", "Nouveau-Brunswick", "NB"),
    ],
)
def test_source_values_are_matched_to_allowed_codes(field, value, code):
    assert wizard.guess_code(field, value) == code


def test_suggested_mappings_of_the_sample_sources_differ_from_the_hand_written_ones_only_by_choices():
    raw = sample_raw("service_canada_offices.csv")
    spec = wizard.suggest_mapping("service_canada_offices", raw, "federal", "CA", "Service Canada")
    _, mapping = hand_written("service_canada_offices")
    for name in ("source_record_id", "name_en", "name_fr", "organization", "order_of_government", "jurisdiction",
                 "street_address", "city", "province", "postal_code", "languages", "services"):  # fmt: skip
        assert spec["fields"][name] == mapping["fields"][name], name
    assert spec["geometry"] == mapping["geometry"]
    # Only 'Passport Office' needed a person: the rest of the point-type map was guessed.
    assert mapping["fields"]["point_type"]["map"].items() - spec["fields"]["point_type"]["map"].items() == {
        ("Passport Office", "service_centre")}  # fmt: skip


# -- checks, with the rows concerned --------------------------------------------------------------


@pytest.mark.parametrize("source_id", ["service_bc_offices", "service_canada_offices", "snb_service_centres",
                                       "local_government_offices", "contact_centres_digital"])  # fmt: skip
def test_the_hand_written_mappings_pass_every_check(source_id):
    entry, mapping = hand_written(source_id)
    raw = sample_raw(entry["connector"]["location"])
    assert wizard.check_mapping(raw, mapping) == []
    FieldMapping.from_dict(mapping).apply(raw)  # and the load agrees


def test_every_problem_is_listed_with_its_rows():
    raw = RawTable({"id": np.array(["a", "b", "b", "c", "d"], dtype=object),
                    "kind": np.array(["Centre", "Kiosk", "Centre", "Kiosk", None], dtype=object),
                    "lon": np.array(["-66.6", "", "2.35", "x", "-64.8"], dtype=object),
                    "lat": np.array(["45.9", "", "48.85", "46", "46.1"], dtype=object)})  # fmt: skip
    spec = {"source_id": "t", "geometry": {"x": "lon", "y": "lat"}, "fields": {
        "source_record_id": {"column": "id"}, "organization": {"value": "Org"},
        "order_of_government": {"value": "provincial"}, "jurisdiction": {"value": "NB"},
        "point_type": {"column": "kind", "map": {"Centre": "service_centre"}}, "city": {"column": "town"}}}  # fmt: skip
    issues = {(i.code, i.field): (i.rows, i.values) for i in wizard.check_mapping(raw, spec)}
    assert issues == {
        ("unknown_column", "city"): ((), ("town",)),
        ("required", "point_type"): ((5,), ()),
        ("not_allowed", "point_type"): ((2, 4), ("Kiosk",)),
        ("duplicate_id", "source_record_id"): ((2, 3), ("b",)),
        ("not_a_number", "geometry"): ((4,), ()),
        ("no_location", "geometry"): ((2,), ()),
        ("outside_canada", "geometry"): ((3,), ("EPSG:4326",)),
    }
    outside = next(i for i in wizard.check_mapping(raw, spec) if i.code == "outside_canada")
    assert outside.message.startswith("Row 3 fall outside Canada once read as EPSG:4326.")
    # The load stops at the first of them; the checks said all of them.
    with pytest.raises(MappingError, match="column 'town'"):
        FieldMapping.from_dict(spec).apply(raw)
    assert [i.code for i in wizard.check_mapping(raw, {"source_id": "t", "fields": {}})] == [
        "invalid_mapping"
    ]
    no_geometry = {**spec, "geometry": {}}
    assert "no_geometry" in {i.code for i in wizard.check_mapping(raw, no_geometry)}


def test_call_centres_and_digital_services_may_have_no_location():
    raw = RawTable({"id": np.array(["1", "2", "3"], dtype=object),
                    "channel": np.array(["call_centre", "digital", "in_person"], dtype=object),
                    "lon": np.array(["", "", ""], dtype=object), "lat": np.array(["", "", ""], dtype=object)})  # fmt: skip
    spec = {"source_id": "t", "geometry": {"x": "lon", "y": "lat"}, "fields": {
        "source_record_id": {"column": "id"}, "organization": {"value": "Org"}, "channel": {"column": "channel"},
        "order_of_government": {"value": "federal"}, "jurisdiction": {"value": "CA"}}}  # fmt: skip
    assert [(i.code, i.rows) for i in wizard.check_mapping(raw, spec)] == [("no_location", (3,))]


def test_organization_left_out_is_a_problem_before_the_store_refuses_it():
    raw = sample_raw("service_bc_offices.csv")
    _, mapping = hand_written("service_bc_offices")
    del mapping["fields"]["organization"]
    issues = wizard.check_mapping(raw, mapping)
    assert [(i.code, i.field, len(i.rows)) for i in issues] == [("required", "organization", 68)]


# -- the catalogue entry, as people write it by hand ----------------------------------------------


def test_the_snb_entry_comes_out_as_it_was_written_by_hand(tmp_path):
    """What a person sets in the dialog (a CSV beside the catalogue, its description, three choices
    the file cannot tell) gives the sample catalogue's hand-written entry and mapping."""
    shutil.copy(SAMPLE_DIR / "snb_service_centres.csv", tmp_path / "snb_service_centres.csv")
    expected_entry, expected_mapping = hand_written("snb_service_centres")
    added = wizard.prepare_source(
        str(tmp_path / "snb_service_centres.csv"), source_id="snb_service_centres",
        title_en="Service New Brunswick centres (sample)", title_fr="Centres de Services Nouveau-Brunswick (échantillon)",
        publisher="Service New Brunswick", order_of_government="provincial", jurisdiction="NB",
        licence="Open Government Licence - New Brunswick (synthetic sample)",
        fields={"organization": {"value": "Service New Brunswick / Services Nouveau-Brunswick"},
                "point_type": {"value": "service_centre"}, "languages": {"value": "en;fr"}},
    )  # fmt: skip
    assert added.issues == []
    catalogue = tmp_path / "sources.json"
    mapping_file = wizard.save_entry(catalogue, added.entry, added.mapping)
    assert mapping_file == tmp_path / "mappings" / "snb_service_centres.json"
    written = json.loads(catalogue.read_text(encoding="utf-8"))
    assert written["sources"] == [expected_entry]
    assert json.loads(mapping_file.read_text(encoding="utf-8")) == expected_mapping
    points, _ = load_points(load_catalogue(catalogue).source("snb_service_centres"),
                            load_catalogue(catalogue).entry("snb_service_centres").mapping)  # fmt: skip
    assert len(points) == 23


def test_saving_checks_the_schema_and_ids_and_editing_replaces_in_place(tmp_path):
    catalogue = tmp_path / "sources.json"
    entry = wizard.make_entry("bc", {"type": "file", "location": str(SAMPLE_DIR / "service_bc_offices.csv")},
                              title_en="BC", order_of_government="provincial", jurisdiction="BC", refresh="weekly")  # fmt: skip
    _, mapping = hand_written("service_bc_offices")
    wizard.save_entry(catalogue, entry, mapping)
    assert load_catalogue(catalogue).entry("bc").refresh == "weekly"
    with pytest.raises(MappingError, match="already has a source 'bc'"):
        wizard.save_entry(catalogue, entry, mapping)
    with pytest.raises(MappingError, match=r"source 'bc', field jurisdiction: 'BCX' does not match"):
        wizard.save_entry(catalogue, {**entry, "jurisdiction": "BCX"}, mapping, replace=True)
    with pytest.raises(MappingError, match=r"field connector: unknown key 'page_limit'"):
        wizard.save_entry(catalogue, {**entry, "connector": {**entry["connector"], "page_limit": 3}}, mapping,
                          replace=True)  # fmt: skip
    with pytest.raises(MappingError, match="Source id 'a b'"):
        wizard.make_entry("a b", {"type": "file", "location": "x.csv"})
    assert (
        json.loads(catalogue.read_text(encoding="utf-8"))["sources"][0]["jurisdiction"] == "BC"
    )  # unchanged
    wizard.save_entry(catalogue, {**entry, "title_en": "Service BC"}, mapping, replace=True)
    assert [e.title_en for e in load_catalogue(catalogue).entries] == ["Service BC"]
    read_entry, read_mapping = wizard.read_entry(catalogue, "bc")
    assert read_entry["mapping"] == "mappings/bc.json" and read_mapping == {**mapping, "source_id": "bc"}
    assert wizard.remove_entry(catalogue, "bc")["id"] == "bc"
    assert load_catalogue(catalogue).entries == () and not (tmp_path / "mappings" / "bc.json").exists()


def test_an_exported_entry_is_a_catalogue_of_one_that_loads(tmp_path):
    entry = wizard.make_entry("bc", {"type": "file", "location": str(SAMPLE_DIR / "service_bc_offices.csv"),
                                     "format": "csv"}, title_en="BC", authcfg="abc1234")  # fmt: skip
    _, mapping = hand_written("service_bc_offices")
    path = wizard.export_entry(tmp_path / "bc_entry.json", entry, mapping)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["sources"][0]["connector"]["authcfg"] == "abc1234" and doc["sources"][0]["mapping"]["fields"]
    catalogue = load_catalogue(path)
    entry = catalogue.entry("bc")
    assert len(load_points(catalogue.source("bc"), entry.mapping)[0]) == 68


def test_the_shipped_sample_is_copied_before_it_is_changed(tmp_path):
    copy = wizard.writable_catalogue(SAMPLE_CATALOGUE, tmp_path / "my_sources.json")
    assert copy == tmp_path / "my_sources.json"
    original, copied = load_catalogue(SAMPLE_CATALOGUE), load_catalogue(copy)
    assert [e.id for e in copied.entries] == [e.id for e in original.entries]
    assert (
        len(load_points(copied.source("snb_service_centres"), copied.entry("snb_service_centres").mapping)[0])
        == 23
    )
    assert wizard.writable_catalogue(copy, tmp_path / "other.json") == copy


def test_removing_a_source_from_the_store(tmp_path, sample_store):
    path = tmp_path / "crs.gpkg"
    shutil.copy(sample_store, path)
    store = GeoPackageStore(path)
    before = store.count()
    summary = store.remove_source("snb_service_centres")
    assert (summary.removed, store.count("snb_service_centres"), store.count()) == (23, 0, before - 23)
    assert store.remove_source("snb_service_centres").removed == 0


def test_the_catalogue_vocabularies_agree_with_the_schema():
    from crs_plugin.core.catalogue import CATALOGUE_SCHEMA, CONNECTOR_TYPES, LICENCES, REFRESH_CADENCES

    schema = json.loads(CATALOGUE_SCHEMA.read_text(encoding="utf-8"))
    assert schema["$defs"]["source"]["properties"]["refresh"]["enum"] == [c.code for c in REFRESH_CADENCES]
    assert schema["$defs"]["connector"]["properties"]["type"]["enum"] == list(CONNECTOR_TYPES)
    assert "Open Government Licence – Canada" in [c.en for c in LICENCES]
    assert all(c.fr for c in LICENCES + REFRESH_CADENCES)


@pytest.mark.parametrize("source_id", ["service_bc_offices", "service_canada_offices", "snb_service_centres",
                                       "local_government_offices"])  # fmt: skip
def test_a_mapping_written_back_is_the_mapping_read(source_id):
    _, mapping = hand_written(source_id)
    assert FieldMapping.from_dict(mapping).to_dict() == mapping


def test_a_delimiter_and_an_encoding_given_override_the_bytes(tmp_path):
    path = tmp_path / "offices.csv"
    path.write_bytes("id;nom;x|y\n1;Hôtel de ville;-66.6|45.9\n".encode("cp1252"))
    read = wizard.preview({"type": "file", "location": str(path)})
    assert (read.delimiter, read.encoding, read.columns) == (";", "cp1252", ["id", "nom", "x|y"])
    read = wizard.preview({"type": "file", "location": str(path), "delimiter": "|", "encoding": "latin-1"})
    assert (read.delimiter, read.encoding, read.columns) == ("|", "latin-1", ["id;nom;x", "y"])
    with pytest.raises(SourceError, match="not one of: comma, semicolon"):
        wizard.preview({"type": "file", "location": str(path), "delimiter": ":"})
