"""Catalogue keys mean something: unknown keys are refused by name, paging options reach the connectors."""

from __future__ import annotations

import json

import pytest

from crs_plugin.core.catalogue import load_catalogue
from crs_plugin.core.errors import MappingError

MAPPING = {"source_id": "s", "fields": {"source_record_id": {"column": "@id"}}}


def catalogue(tmp_path, connector: dict, **entry):
    doc = {"sources": [{"id": "s", "connector": connector, "mapping": MAPPING, **entry}]}
    path = tmp_path / "catalogue.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return load_catalogue(path)


@pytest.mark.parametrize(
    ("connector", "message"),
    [
        ({"type": "ogcapi", "url": "https://example.gov/ogcapi", "collection": "c", "page_limit": 5},
         r"source 's', field connector: unknown key 'page_limit', which would be ignored \(an ogcapi connector "
         r"knows: type, authcfg, url, collection, limit, max_pages"),
        ({"type": "arcgis", "url": "https://example.gov/FeatureServer/0", "maxPages": 5, "pagesize": 10},
         r"unknown keys 'maxPages', 'pagesize', which would be ignored \(an arcgis connector knows: .*max_pages"),
        ({"type": "file", "location": "a.csv", "separator": ";"}, r"unknown key 'separator'.*a file connector.*delimiter"),
        ({"type": "file", "location": "a.csv", "delimiter": ":"}, r"field connector.delimiter: ':' is not one of"),
    ],
)  # fmt: skip
def test_unknown_connector_keys_are_refused_by_name(tmp_path, connector, message):
    with pytest.raises(MappingError, match=message):
        catalogue(tmp_path, connector)


def test_unknown_source_keys_are_refused_by_name(tmp_path):
    with pytest.raises(
        MappingError, match=r"source 's', field \(the entry itself\): unknown key 'licence_url'"
    ):
        catalogue(tmp_path, {"type": "file", "location": "a.csv"}, licence_url="https://example.gov")


@pytest.mark.parametrize(
    ("connector", "expected"),
    [
        ({"type": "ogcapi", "url": "https://example.gov/ogcapi", "collection": "c", "limit": 50, "max_pages": 7,
          "concurrency": 2}, {"limit": 50, "max_pages": 7, "concurrency": 2}),
        ({"type": "wfs", "url": "https://example.gov/wfs", "type_name": "pub:X", "page_size": 300, "max_pages": 9},
         {"page_size": 300, "max_pages": 9}),
        ({"type": "arcgis", "url": "https://example.gov/FeatureServer/0", "page_size": 200, "max_pages": 11,
          "concurrency": 1}, {"page_size": 200, "max_pages": 11, "concurrency": 1}),
        ({"type": "ckan", "url": "https://example.gov", "dataset": "d", "page_size": 250, "max_pages": 4},
         {"paging": {"page_size": 250, "max_pages": 4}}),
        ({"type": "file", "location": "a.zip", "member": "data/offices.csv", "encoding": "cp1252", "delimiter": ";"},
         {"member": "data/offices.csv", "encoding": "cp1252", "delimiter": ";"}),
        ({"type": "ckan", "url": "https://example.gov", "dataset": "d", "encoding": "latin-1", "delimiter": "\t"},
         {"text_options": {"encoding": "latin-1", "delimiter": "\t"}}),
    ],
)  # fmt: skip
def test_page_sizes_and_page_limits_reach_each_connector(tmp_path, connector, expected):
    source = catalogue(tmp_path, connector).source("s")
    assert {name: getattr(source, name) for name in expected} == expected
