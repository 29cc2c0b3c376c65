"""crs:loadsources through Processing, and catalogue validation against the JSON Schema."""

from __future__ import annotations

import json
import sqlite3

import processing
import pytest
from qgis.core import QgsProcessingException

from crs_plugin.core.catalogue import SAMPLE_CATALOGUE, load_catalogue
from crs_plugin.core.errors import MappingError
from tests.servers.arcgis import FakeArcGis


def counts(path):
    with sqlite3.connect(path) as db:
        return dict(db.execute("SELECT source_id, count(*) FROM service_points GROUP BY source_id"))


def test_loads_the_sample_catalogue(crs_provider, tmp_path):
    out = processing.run("crs:loadsources", {"OUTPUT": str(tmp_path / "crs.gpkg")})
    # The counters and the call centres and digital services (which have no position, but a service region).
    assert out["POINTS_LOADED"] == 275 + 8 and out["FAILED_SOURCES"] == ""
    assert out["SERVICE_POINTS"].endswith("|layername=service_points")
    assert counts(tmp_path / "crs.gpkg") == {"service_canada_offices": 79, "service_bc_offices": 68,
                                             "snb_service_centres": 23, "local_government_offices": 105,
                                             "contact_centres_digital": 8}  # fmt: skip


def test_loads_chosen_sources_and_keeps_others_when_one_fails(crs_provider, tmp_path):
    store = tmp_path / "crs.gpkg"
    processing.run("crs:loadsources", {"SOURCE_IDS": "service_bc_offices", "OUTPUT": str(store)})
    assert counts(store) == {"service_bc_offices": 68}
    doc = json.loads(SAMPLE_CATALOGUE.read_text(encoding="utf-8"))
    for entry in doc["sources"]:
        entry["mapping"] = str(SAMPLE_CATALOGUE.parent / entry["mapping"])
        entry["connector"]["location"] = str(SAMPLE_CATALOGUE.parent / entry["connector"]["location"])
    with FakeArcGis() as server:
        server.faults = [("html",)]
        doc["sources"][1]["connector"] = {"type": "arcgis", "url": server.layer_url}  # service_bc now broken
        path = tmp_path / "catalogue.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        out = processing.run("crs:loadsources", {"CATALOGUE": str(path), "OUTPUT": str(store)})
    assert out["FAILED_SOURCES"] == "service_bc_offices"
    assert counts(store)["service_bc_offices"] == 68  # the previous version is intact
    assert out["POINTS_LOADED"] == 275 + 8 - 68


def test_unknown_source_id(crs_provider, tmp_path):
    with pytest.raises(QgsProcessingException, match="no source 'nope'"):
        processing.run("crs:loadsources", {"SOURCE_IDS": "nope", "OUTPUT": str(tmp_path / "x.gpkg")})
    assert not (tmp_path / "x.gpkg").exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["sources"][1]["connector"].update(type="ftp"), r"source 'service_bc_offices', field connector.type"),
        (lambda d: d["sources"][2]["connector"].pop("location"), r"source 'snb_service_centres', field connector: 'location' is a required"),
        (lambda d: d["sources"][0].update(order_of_government="Federal"), r"source 'service_canada_offices', field order_of_government"),
        (lambda d: d["sources"][3].update(id="bad id!"), r"source 'bad id!', field id"),
        (lambda d: d.pop("sources"), r"field \(the entry itself\): 'sources' is a required property"),
    ],
)  # fmt: skip
def test_invalid_catalogue_names_the_source_and_the_field(tmp_path, change, message):
    doc = json.loads(SAMPLE_CATALOGUE.read_text(encoding="utf-8"))
    change(doc)
    path = tmp_path / "catalogue.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(MappingError, match=message):
        load_catalogue(path)


def test_the_load_report_says_how_a_file_was_read(crs_provider, tmp_path):
    from qgis.core import QgsProcessingFeedback

    class Messages(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.infos = []

        def pushInfo(self, info):  # noqa: N802 - QGIS API
            self.infos.append(info)

    (tmp_path / "offices.csv").write_bytes(
        "id;name;lon;lat\n1;Hôtel de ville;-64,78;46,09\n".encode("cp1252")
    )
    mapping = {"source_id": "offices", "geometry": {"x": "lon", "y": "lat"}, "fields": {
        "source_record_id": {"column": "id"}, "name_en": {"column": "name"}, "organization": {"value": "Org"},
        "order_of_government": {"value": "municipal"}, "jurisdiction": {"value": "NB"},
        "point_type": {"value": "municipal_office"}}}  # fmt: skip
    catalogue = tmp_path / "catalogue.json"
    catalogue.write_text(json.dumps({"sources": [{"id": "offices", "mapping": mapping,
                                                  "connector": {"type": "file", "location": "offices.csv"}}]}))  # fmt: skip
    feedback = Messages()
    out = processing.run("crs:loadsources", {"CATALOGUE": str(catalogue), "OUTPUT": str(tmp_path / "crs.gpkg")},
                         feedback=feedback)  # fmt: skip
    assert out["POINTS_LOADED"] == 1
    assert "offices: read as cp1252 text" in feedback.infos
    assert "offices: numbers with a decimal comma read as numbers in columns 'lon', 'lat'" in feedback.infos
