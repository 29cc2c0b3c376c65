"""Census files in Statistics Canada's published layouts: catalogue, profile, SDMX, GAF, import.

The fixtures (tests/data/census, written by make_fixtures.py) are regional Census Profile excerpts
with their Geo_starting_row files, an SDMX answer, a Geographic Attribute File excerpt and the
boundary files of 5 New Brunswick and 3 Quebec dissemination areas; every value is hand-chosen.
"""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from crs_plugin.core.census.catalogue import PROFILE_CSV, PROFILE_SDMX, load_characteristics, validate
from crs_plugin.core.census.gaf import read_gaf
from crs_plugin.core.census.importer import REP_X, REP_Y, import_census, ogr_path
from crs_plugin.core.census.profile import (
    SYMBOLS,
    GeographySelection,
    ProfileReader,
    find_geo_index,
    read_geo_index,
)
from crs_plugin.core.census.sdmx import read_sdmx
from crs_plugin.core.errors import CensusError

DATA = Path(__file__).resolve().parent.parent / "data" / "census"
ATLANTIC = DATA / "98-401-X2021006_English_CSV_data_Atlantic.csv"
QUEBEC = DATA / "98-401-X2021006_English_CSV_data_Quebec.csv"
ATLANTIC_INDEX = DATA / "98-401-X2021006_Geo_starting_row_Atlantic.CSV"
SDMX = DATA / "sdmx_DF_DA.csv"
GAF = DATA / "2021_92-151_X.csv"
DAS = DATA / "lda_000b21a_e.zip"
DBS = DATA / "ldb_000b21a_e.gpkg"
EXPECTED = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))


class Feedback:
    def __init__(self, cancel_after: int | None = None) -> None:
        self.messages, self.progress, self.calls, self.cancel_after = [], [], 0, cancel_after

    def pushInfo(self, message):
        self.messages.append(message)

    def setProgress(self, value):
        self.progress.append(value)

    def isCanceled(self):
        self.calls += 1
        return self.cancel_after is not None and self.calls > self.cancel_after


def rows_by_id(path: Path) -> dict[int, set[str]]:
    with open(path, encoding="latin-1", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        cid, cname = header.index("CHARACTERISTIC_ID"), header.index("CHARACTERISTIC_NAME")
        out: dict[int, set[str]] = {}
        for row in reader:
            out.setdefault(int(row[cid]), set()).add(row[cname])
    return out


# -- the catalogue ----------------------------------------------------------------------------


def test_catalogue_is_valid_and_covers_what_the_working_group_needs():
    catalogue = load_characteristics()
    fields = {c.field for c in catalogue.characteristics}
    assert {"pop_2021", "age_65_plus", "lim_at", "indig", "fols_en", "fols_fr", "fols_en_fr", "fols_none",
            "kol_en_fr", "hh_total", "imm", "non_imm"} <= fields  # fmt: skip
    assert catalogue.by_label("Population âgée de 65 ans et plus").field == "age_65_plus"
    assert catalogue.by_label("Population aged 65 and over").universe == "age_total"
    assert catalogue.field("census_age_65_plus").field == "age_65_plus"  # a field joined in QGIS
    assert [c.field for c in catalogue.with_universes(["lim_at_pct"])] == ["lim_total", "lim_at_pct"]


def test_catalogue_schema_refuses_a_bad_entry():
    doc = json.loads(
        (DATA.parent.parent.parent / "crs_plugin/resources/census/characteristics_2021.json").read_text()
    )
    doc["characteristics"][0]["unit"] = "people"
    with pytest.raises(CensusError, match="unit"):
        validate(doc, "bad.json")
    doc["characteristics"][0]["unit"] = "persons"
    doc["characteristics"][1]["universe"] = "nobody"
    with pytest.raises(CensusError, match="unknown universe"):
        validate(doc, "bad.json")


@pytest.mark.parametrize("profile", [ATLANTIC, QUEBEC])
def test_catalogue_ids_name_the_rows_of_the_profile_files(profile):
    """Each characteristic's CSV id is the row whose (indented) name the catalogue gives."""
    names = rows_by_id(profile)
    for c in load_characteristics().characteristics:
        printed = names[c.id_in(PROFILE_CSV)]
        assert {n.strip() for n in printed} == {c.statcan_name}, c.field
        assert any(n != n.strip() for n in printed) == (c.universe is not None and c.unit != "percent"
                                                        and c.field not in ("lim_at",)), c.field  # fmt: skip


def test_catalogue_sdmx_codes_are_those_of_the_sdmx_answer():
    with open(SDMX, encoding="utf-8") as fh:
        codes = {int(r["CHARACTERISTIC"]) for r in csv.DictReader(fh)}
    by_csv = {c.id_in(PROFILE_CSV): c.id_in(PROFILE_SDMX) for c in load_characteristics().characteristics}
    # 340 (LIM-AT) is 326 in the service, 1402 (Indigenous identity) is 1388: numbered per product.
    assert by_csv[340] == 326 and by_csv[1402] == 1388 and by_csv[390] == 376
    assert {by_csv[i] for i in (1, 8, 24, 335, 340, 388, 389, 390, 391, 392, 1402, 1403)} == codes


# -- the profile files ----------------------------------------------------------------------------


def test_geo_starting_row_file_and_where_it_is_found():
    index = read_geo_index(ATLANTIC_INDEX)
    assert index.dguids[0] == "2021A000011124" and index.names[2] == "1309024"
    assert index.lines[0] == 2  # the first geography starts after the header
    assert find_geo_index(ATLANTIC) == ATLANTIC_INDEX
    assert find_geo_index(QUEBEC).name == "98-401-X2021006_Geo_starting_row_Quebec.CSV"


@pytest.mark.parametrize("index", [ATLANTIC_INDEX, None], ids=["seek with the index", "scan"])
def test_profile_values_pivoted_with_suppression_symbols(index):
    table = ProfileReader(ATLANTIC, index).read([1, 24, 340, 345, 1403], GeographySelection("S0512", ("13",)))
    assert table.dguids.tolist() == [f"2021S051213070{n:03d}" for n in (1, 2, 3, 4)]
    values = EXPECTED["values"]
    population, symbols = table.column(1)
    assert population.tolist() == [500, 350, 25, 0]  # a real 0 stays 0
    assert (symbols == 0).all()
    old, symbols = table.column(24)
    assert old[:2].tolist() == [values["13070001"]["24"], values["13070002"]["24"]]
    assert np.isnan(old[2:]).all() and [SYMBOLS[s] for s in symbols[2:]] == ["x", "x"]
    low_income, symbols = table.column(340)
    assert low_income[0] == 60 and np.isnan(low_income[1:]).all()
    assert SYMBOLS[symbols[1]] == "x"  # income suppressed in an area of 350 people
    prevalence, _ = table.column(345)
    assert prevalence[0] == pytest.approx(12.1)
    indigenous, symbols = table.column(1403)
    assert indigenous[0] == 25 and SYMBOLS[symbols[1]] == "F"


def test_every_way_of_reading_gives_the_same_table():
    ids = [c.id_in(PROFILE_CSV) for c in load_characteristics().characteristics]
    selection = GeographySelection("S0512")
    for path in (ATLANTIC, QUEBEC):
        indexed = ProfileReader(path, find_geo_index(path)).read(ids, selection)
        scanned = ProfileReader(path).read(ids, selection)
        every = ProfileReader(path)._read_every_row(tuple(ids), selection, None)
        for other in (scanned, every):
            assert other.dguids.tolist() == indexed.dguids.tolist()
            np.testing.assert_array_equal(other.values, indexed.values)
            np.testing.assert_array_equal(other.symbols, indexed.symbols)


def test_latin1_names_thousands_separators_and_other_levels():
    table = ProfileReader(QUEBEC).read([1], GeographySelection("A0005"))
    assert table.names.tolist() == ["Montréal"]
    assert table.values[0, 0] == 1762949  # printed "1,762,949"
    table = ProfileReader(ATLANTIC, ATLANTIC_INDEX).read([1], GeographySelection("A0005"))
    assert table.names.tolist() == ["Néguac"] and table.values[0, 0] == 1684


def test_seeking_lands_before_the_wanted_line_without_reading_the_file(tmp_path, monkeypatch):
    """A profile of 3,000 geographies: the reader seeks to the last ones instead of scanning."""
    from crs_plugin.core.census import profile as module

    monkeypatch.setattr(module, "BLOCK_BYTES", 1 << 16)  # as if the file were 30 times bigger
    path, index = _big_profile(tmp_path, geographies=3000)
    reader = ProfileReader(path, index)
    with open(path, "rb") as fh:
        offset, line = reader._seek_line(fh, int(reader.index.lines[2990]))
        assert line <= reader.index.lines[2990] and offset > path.stat().st_size * 0.9
    read = []
    real_open = open

    class Counting:
        def __init__(self, fh):
            self.fh = fh

        def read(self, n=-1):
            data = self.fh.read(n)
            read.append(len(data))
            return data

        def __getattr__(self, name):
            return getattr(self.fh, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

    monkeypatch.setattr(module, "open", lambda p, mode="r", *a, **k: Counting(real_open(p, mode, *a, **k)),
                        raising=False)  # fmt: skip
    wanted = GeographySelection("S0512", ("24",))  # the last 10 geographies
    table = reader.read([1, 24], wanted)
    assert len(table) == 10 and table.values[:, 0].tolist() == [2990 + i for i in range(10)]
    assert sum(read) < path.stat().st_size / 10


def _big_profile(tmp_path, geographies: int):
    """A profile in the published layout: NB areas then, at the end, 10 Quebec areas."""
    header = (ATLANTIC.read_bytes().split(b"\r\n", 1)[0]).decode("latin-1")
    lines, index = [header], ['"Geo Code","Geo Name","Line Number"']
    for g in range(geographies):
        da = f"{'24' if g >= geographies - 10 else '13'}07{g:04d}"
        index.append(f'"2021S0512{da}","{da}",{len(lines) + 1}')
        for cid, name in ((1, "Population, 2021"), (8, "Total - Age groups of the population - 100% data"),
                          (24, "  65 years and over")):  # fmt: skip
            lines.append(f'2021,"2021S0512{da}","{da}","Dissemination area","{da}",3.1,4.6,"00000",{cid},"{name}",,'
                         f'{g if cid == 1 else g // 5},"",,"...",,"...",,"...",,"...",,"..."')  # fmt: skip
    path = tmp_path / "98-401-X2021006_English_CSV_data_Big.csv"
    path.write_text("\n".join(lines) + "\n", encoding="latin-1")
    index_path = tmp_path / "98-401-X2021006_Geo_starting_row_Big.CSV"
    index_path.write_text("\r\n".join(index) + "\r\n", encoding="latin-1")
    return path, index_path


def test_a_file_that_breaks_the_layout_is_read_row_by_row(tmp_path):
    """An area with a row missing: the fast path notices and every row is parsed instead."""
    text = ATLANTIC.read_bytes().decode("latin-1").split("\r\n")
    broken = [
        line
        for line in text
        if not line.startswith(
            '2021,"2021S051213070001","13070001","Dissemination area","13070001",3.1,4.6,"00000",13,'
        )
    ]  # noqa: E501
    assert len(broken) == len(text) - 1
    path = tmp_path / "98-401-X2021006_English_CSV_data_Atlantic.csv"
    path.write_bytes("\r\n".join(broken).encode("latin-1"))
    shutil.copy(ATLANTIC_INDEX, tmp_path)
    feedback = Feedback()
    table = ProfileReader(path, find_geo_index(path)).read([1, 24], GeographySelection("S0512"), feedback)
    assert table.values[:, 0].tolist() == [500, 350, 25, 0]
    assert table.values[:2, 1].tolist() == [125, 85]
    assert any("reading every row" in m for m in feedback.messages)


def test_cancel_stops_the_reading(tmp_path):
    path, index = _big_profile(tmp_path, geographies=3000)
    from crs_plugin.core.census import profile as module

    module_block = module.BLOCK_BYTES
    module.BLOCK_BYTES = 1 << 12
    try:
        with pytest.raises(CensusError, match="cancelled"):
            ProfileReader(path).read([1], GeographySelection("S0512"), Feedback(cancel_after=3))
    finally:
        module.BLOCK_BYTES = module_block


def test_unknown_characteristic_and_not_a_profile_file():
    with pytest.raises(CensusError, match="no characteristic 9999"):
        ProfileReader(ATLANTIC).read([9999], GeographySelection())
    with pytest.raises(CensusError, match="not a Census Profile CSV"):
        ProfileReader(GAF)


def test_sdmx_answer_totals_of_counts_with_flags():
    table = read_sdmx(SDMX, [1, 1396, 326, 376], GeographySelection("S0512", ("13",)))
    assert table.dguids.tolist() == ["2021S051213070001", "2021S051213070002"]
    assert table.values[:, 0].tolist() == [500, 350]
    assert table.values[:, 3].tolist() == [230, 200]  # FOLS French (376 in the service)
    assert table.values[0, 2] == 60 and np.isnan(table.values[1, 2]) and SYMBOLS[table.symbols[1, 2]] == "x"
    assert (table.symbols[:, 1] == -1).all()  # 1396 is not in the answer: no row


def test_geographic_attribute_file():
    gaf = read_gaf(GAF, ("13",))
    assert len(gaf) == 20 and gaf.db_pop[:4].tolist() == [400, 100, 0, 0]
    assert gaf.dadguid[0] == "2021S051213070001"
    assert tuple(gaf.da_xy[0]) == tuple(EXPECTED["published_points"]["13070001"])


# -- the import -----------------------------------------------------------------------------------


def read_layer(store, layer="census_population", columns=("pop_2021",)):
    with sqlite3.connect(store) as db:
        cols = ", ".join(columns)
        return {r[0]: r[1:] for r in db.execute(f"SELECT DAUID, {cols} FROM {layer} ORDER BY DAUID")}


def test_import_areas_values_nulls_and_report(tmp_path):
    store = tmp_path / "crs.gpkg"
    feedback = Feedback()
    report = import_census(store, DAS, profiles=[(ATLANTIC, None), (QUEBEC, None)], feedback=feedback)
    assert (report.level, report.areas, report.joined) == ("DA", 8, 7)
    rows = read_layer(
        store, columns=("PRUID", "pop_2021", "age_65_plus", "age_total", "lim_at", "indig", "fols_fr")
    )
    assert rows["13070001"] == ("13", 500, 125, 500, 60, 25, 230)
    assert rows["13070002"] == ("13", 350, 85, 350, None, None, 200)  # income 'x', Indigenous 'F'
    assert rows["13070003"] == ("13", 25, None, None, None, None, None)  # area suppressed: NULL, not 0
    assert rows["13070004"][1] == 0  # nobody lives there: a real 0
    assert rows["13070005"] == ("13", None, None, None, None, None, None)  # no profile rows
    assert rows["24660003"][2:4] == (None, 800)  # '..' for 65+ in Quebec
    lines = report.lines()
    assert "7 of 8 areas joined to the Census Profile by DGUID." in lines
    assert "2 areas suppressed (x) for 'Population aged 65 and over': NULL." in lines
    assert "1 area not available (..) for 'Population aged 65 and over': NULL." in lines
    assert "3 areas suppressed (x) for 'People in low income (LIM-AT)': NULL." in lines
    assert "1 area too unreliable to be published (F) for 'Indigenous people': NULL." in lines
    assert "1 area(s) with no profile row: all their characteristics are NULL." in lines
    assert any(
        "zone(s) confidentielles (x) pour « Population âgée de 65 ans et plus »" in x
        for x in report.lines("fr")
    )
    with sqlite3.connect(store) as db:
        meta = dict(db.execute("SELECT field, areas_suppressed FROM census_characteristics"))
        srs = db.execute(
            "SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = 'census_population'"
        ).fetchone()
    assert meta["age_65_plus"] == 2 and meta["lim_at"] == 3 and srs == (3347,)
    assert feedback.progress[-1] == 100


def test_import_one_province_and_some_characteristics_with_their_universes(tmp_path):
    store = tmp_path / "crs.gpkg"
    report = import_census(store, DAS, profiles=[(ATLANTIC, None), (QUEBEC, None)], fields=["lim_at_pct"],
                           provinces=("24",))  # fmt: skip
    assert (report.areas, report.joined) == (3, 3)
    assert [r.characteristic.field for r in report.fields] == ["lim_total", "lim_at_pct"]
    assert read_layer(store, columns=("lim_total", "lim_at_pct"))["24660002"] == (445, 9.0)


def test_import_from_the_sdmx_answer(tmp_path):
    store = tmp_path / "crs.gpkg"
    report = import_census(store, DAS, sdmx=[SDMX], fields=["fols_fr", "lim_at"], provinces=("13",))
    assert (report.areas, report.joined) == (5, 2)
    rows = read_layer(store, columns=("fols_fr", "fols_total", "lim_at"))
    assert rows["13070001"] == (230, 500, 60) and rows["13070002"] == (200, 350, None)


def test_representative_points_weighted_by_block_population(tmp_path):
    """Hand computation: 13070001's people live in its two southern blocks (400 in the
    south-west one, 100 in the south-east one), so its point is 700 m east and 500 m north of
    its south-west corner; an area whose blocks are empty gets its published point."""
    store = tmp_path / "crs.gpkg"
    report = import_census(store, DAS, profiles=[(ATLANTIC, None), (QUEBEC, None)], gaf=GAF, blocks=DBS,
                           fields=["pop_2021"])  # fmt: skip
    assert report.representative_points == 8
    points = read_layer(store, columns=(REP_X, REP_Y))
    x0, y0 = EXPECTED["squares"]["13070001"]
    assert points["13070001"] == pytest.approx((x0 + 700, y0 + 500))
    x0, y0 = EXPECTED["squares"]["24660001"]  # 300 + 300 people in the northern blocks
    assert points["24660001"] == pytest.approx((x0 + 1000, y0 + 1500))
    x0, y0 = EXPECTED["squares"]["13070002"]  # 50, 100, 100, 100
    assert points["13070002"] == pytest.approx((x0 + (50 * 500 + 100 * 1500 + 100 * 500 + 100 * 1500) / 350,
                                                y0 + (150 * 500 + 200 * 1500) / 350))  # fmt: skip
    assert points["13070004"] == pytest.approx(tuple(EXPECTED["published_points"]["13070004"]))
    # Without the block file: the published representative points.
    report = import_census(
        store, DAS, profiles=[(ATLANTIC, None)], gaf=GAF, fields=["pop_2021"], provinces=("13",)
    )
    assert read_layer(store, columns=(REP_X, REP_Y))["13070001"] == pytest.approx(
        tuple(EXPECTED["published_points"]["13070001"]))  # fmt: skip


def test_dissemination_blocks_get_their_area_characteristics_by_population_share(tmp_path):
    store = tmp_path / "crs.gpkg"
    report = import_census(store, DBS, profiles=[(ATLANTIC, None)], gaf=GAF, fields=["age_65_plus", "lim_at_pct"],
                           provinces=("13",), layer_name="census_blocks")  # fmt: skip
    assert report.level == "DB" and report.areas == 20
    with sqlite3.connect(store) as db:
        rows = {
            r[0]: r[1:]
            for r in db.execute("SELECT DBUID, pop_2021, age_65_plus, lim_at_pct FROM census_blocks")
        }
    assert rows["13070001001"] == pytest.approx((400, 125 * 400 / 500, 12.1))  # percentages are the area's
    assert rows["13070001003"] == pytest.approx((0, 0, 12.1))
    with pytest.raises(CensusError, match="Geographic Attribute File"):
        import_census(store, DBS, profiles=[(ATLANTIC, None)])


def test_boundaries_are_read_inside_their_zip():
    assert ogr_path(DAS).startswith("/vsizip/") and ogr_path(DAS).endswith("lda_000b21a_e.shp")
    with pytest.raises(CensusError, match="no DAUID or DBUID"):
        import_census("/tmp/never.gpkg", GAF, profiles=[(ATLANTIC, None)])
