"""crs:addsource: a catalogue entry written from parameters, for models and qgis_process (issue 22)."""

from __future__ import annotations

import json
import shutil
import sqlite3

import processing
import pytest
from qgis.core import QgsProcessingException

from crs_plugin.core.catalogue import load_catalogue
from tests.conftest import SAMPLE_DIR
from tests.qgis_process import qgis_process
from tests.servers.arcgis import FakeArcGis


def counts(path):
    with sqlite3.connect(path) as db:
        return dict(db.execute("SELECT source_id, count(*) FROM service_points GROUP BY source_id"))


def test_an_arcgis_layer_is_added_then_loaded(crs_provider, tmp_path):
    catalogue = tmp_path / "sources.json"
    with FakeArcGis() as server:
        server.layers = [{"id": 0, "name": "ServicePoints"}, {"id": 1, "name": "Regions"}]
        params = {"ADDRESS": server.layer_url.rsplit("/", 1)[0], "CATALOGUE": str(catalogue),
                  "PUBLISHER": "Service New Brunswick", "ORDER_OF_GOVERNMENT": 1, "JURISDICTION": "NB",
                  "REFRESH": 2, "TITLE_FR": "Centres de services"}  # fmt: skip
        with pytest.raises(
            QgsProcessingException, match=r"offering 2 choices: 0 \(ServicePoints\); 1 \(Regions\)"
        ):
            processing.run("crs:addsource", params)
        out = processing.run("crs:addsource", {**params, "LAYER": "ServicePoints"})
        assert (out["ADDED_SOURCE_ID"], out["RECORDS"]) == ("service_points", 2500)
        entry = json.loads(catalogue.read_text(encoding="utf-8"))["sources"][0]
        assert entry == {
            "id": "service_points", "title_en": "ServicePoints", "title_fr": "Centres de services",
            "publisher": "Service New Brunswick", "order_of_government": "provincial", "jurisdiction": "NB",
            "refresh": "monthly", "connector": {"type": "arcgis", "url": server.layer_url},
            "mapping": "mappings/service_points.json"}  # fmt: skip
        mapping = json.loads((tmp_path / "mappings" / "service_points.json").read_text(encoding="utf-8"))
        assert mapping["fields"]["order_of_government"] == {"column": "GOV_LEVEL", "map": {
            "Federal": "federal", "Provincial": "provincial"}}  # fmt: skip
        assert json.loads(out["MAPPING"]) == mapping
        store = tmp_path / "crs.gpkg"
        loaded = processing.run("crs:loadsources", {"CATALOGUE": str(catalogue), "OUTPUT": str(store)})
        assert loaded["POINTS_LOADED"] == 2500 and counts(store) == {"service_points": 2500}
        with pytest.raises(QgsProcessingException, match="already has a source 'service_points'"):
            processing.run("crs:addsource", {**params, "LAYER": "0", "SOURCE_ID": "service_points"})
    with pytest.raises(
        QgsProcessingException, match=r"^Could not fetch .*FeatureServer: .*refused \(3 attempts\)\.$"
    ):
        processing.run("crs:addsource", params)  # the server is gone: said once, not for every way of asking


def test_problems_stop_it_with_their_rows_and_rules_fix_them(crs_provider, tmp_path):
    catalogue = tmp_path / "sources.json"
    params = {"ADDRESS": str(SAMPLE_DIR / "service_bc_offices.csv"), "CATALOGUE": str(catalogue),
              "SOURCE_ID": "service_bc", "PUBLISHER": "Province of British Columbia", "ORDER_OF_GOVERNMENT": 1,
              "JURISDICTION": "BC"}  # fmt: skip
    with pytest.raises(
        QgsProcessingException, match=r"Point type .*not allowed \(Service BC Counter\) in rows 24, "
    ):
        processing.run("crs:addsource", params)
    assert not catalogue.exists()
    rules = {"organization": {"value": "Service BC"}, "point_type": {"column": "Item Type", "map": {
        "Service BC Centre": "service_centre", "Service BC Counter": "service_centre"}}}  # fmt: skip
    out = processing.run("crs:addsource", {**params, "FIELD_RULES": json.dumps(rules), "EXPORT": True})
    doc = json.loads(catalogue.read_text(encoding="utf-8"))
    assert doc["sources"][0]["mapping"]["fields"]["organization"] == {"value": "Service BC"}
    assert out["CATALOGUE_WRITTEN"] == str(catalogue)
    assert [e.id for e in load_catalogue(catalogue).entries] == ["service_bc"]
    with pytest.raises(QgsProcessingException, match="not valid JSON"):
        processing.run("crs:addsource", {**params, "FIELD_RULES": "{organization"})


def test_from_qgis_process(crs_provider, tmp_path):
    shutil.copy(SAMPLE_DIR / "snb_service_centres.csv", tmp_path / "snb.csv")
    rules = json.dumps(
        {"organization": {"value": "Service New Brunswick"}, "point_type": {"value": "service_centre"}}
    )
    qgis_process("run", "crs:addsource", "--", f"ADDRESS={tmp_path / 'snb.csv'}", f"CATALOGUE={tmp_path / 'c.json'}",
                 "ORDER_OF_GOVERNMENT=1", "JURISDICTION=NB", "DELIMITER=2", f"FIELD_RULES={rules}")  # fmt: skip
    entry = load_catalogue(tmp_path / "c.json").entry("snb")
    assert entry.connector == {"type": "file", "location": "snb.csv", "format": "csv", "delimiter": ";"}
    assert (
        entry.mapping.geometry.crs == "EPSG:2953"
        and entry.mapping.fields["point_type"].value == "service_centre"
    )
