"""Write the census fixtures in Statistics Canada's published layouts (run once; the files are committed).

    python tests/data/census/make_fixtures.py

* ``lda_000b21a_e.zip``: dissemination areas as a Shapefile inside its ZIP (DAUID, DGUID, PRUID,
  LANDAREA; EPSG:3347), 5 in New Brunswick and 3 in Quebec;
* ``ldb_000b21a_e.gpkg``: their dissemination blocks (4 per area) as a GeoPackage;
* ``98-401-X2021006_English_CSV_data_Atlantic.csv`` and ``…_Quebec.csv``: Census Profile excerpts
  (Latin-1, indented CHARACTERISTIC_NAME, repeated SYMBOL columns, suppression symbols, geographies
  of several levels), each with its ``98-401-X2021006_Geo_starting_row_<region>.CSV``;
* ``sdmx_DF_DA.csv``: an SDMX CSV answer of the Census Profile service for two areas;
* ``2021_92-151_X.csv``: the Geographic Attribute File's rows for those blocks.

Every value is chosen by hand (see VALUES) so tests can assert them.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
sys.path.insert(0, str(ROOT))

from osgeo import ogr, osr  # noqa: E402

ogr.UseExceptions()
osr.UseExceptions()

HEADER = ("CENSUS_YEAR,DGUID,ALT_GEO_CODE,GEO_LEVEL,GEO_NAME,TNR_SF,TNR_LF,DATA_QUALITY_FLAG,CHARACTERISTIC_ID,"
          "CHARACTERISTIC_NAME,CHARACTERISTIC_NOTE,C1_COUNT_TOTAL,SYMBOL,C2_COUNT_MEN+,SYMBOL,C3_COUNT_WOMEN+,SYMBOL,"
          "C10_RATE_TOTAL,SYMBOL,C11_RATE_MEN+,SYMBOL,C12_RATE_WOMEN+,SYMBOL")  # fmt: skip

# The characteristics of the excerpt, in file order: (id, name as printed with its indentation, note).
SEQUENCE = [
    (1, "Population, 2021", "1"), (2, "Population, 2016", "1"), (4, "Total private dwellings", "2"),
    (7, "Land area in square kilometres", ""), (8, "Total - Age groups of the population - 100% data", ""),
    (9, "  0 to 14 years", ""), (13, "  15 to 64 years", ""), (24, "  65 years and over", ""),
    (29, "    85 years and over", ""), (50, "Total - Private households by household size - 100% data", "5"),
    (51, "  1 person", ""), (56, "Number of persons in private households", ""),
    (335, "Total - LIM low-income status in 2020 for the population in private households - 100% data", "33"),
    (340, "In low income based on the Low-income measure, after tax (LIM-AT)", ""),
    (344, "  65 years and over", ""),
    (345, "Prevalence of low income based on the Low-income measure, after tax (LIM-AT) (%)", ""),
    (383, "Total - Knowledge of official languages for the total population excluding institutional residents - "
          "100% data", "36"),
    (384, "  English only", ""), (385, "  French only", ""), (386, "  English and French", ""),
    (387, "  Neither English nor French", ""),
    (388, "Total - First official language spoken for the total population excluding institutional residents - "
          "100% data", "37"),
    (389, "  English", ""), (390, "  French", ""), (391, "  English and French", ""),
    (392, "  Neither English nor French", ""),
    (1402, "Total - Indigenous identity for the population in private households - 25% sample data", "44"),
    (1403, "  Indigenous identity", ""), (1410, "  Non-Indigenous identity", ""),
    (1527, "Total - Immigrant status and period of immigration for the population in private households - "
           "25% sample data", "63"),
    (1528, "  Non-immigrants", ""), (1529, "  Immigrants", ""), (1537, "  Non-permanent residents", ""),
]  # fmt: skip
IDS = [i for i, _, _ in SEQUENCE]

# Values of C1_COUNT_TOTAL per area: a number, or a symbol ('x', '..', '...', 'F') in place of it.
ALL_X = {i: "x" for i in IDS}


def area(pop, age, hh, lim, kol, fols, indig, imm, land):
    """age: (0-14, 15-64, 65+, 85+); hh: (total, 1 person, persons); lim: (total, LIM-AT, 65+, %);
    kol / fols: (en, fr, both, neither); indig: (indigenous, non); imm: (non-immigrants, immigrants, NPR)."""
    v = {1: pop, 2: "..", 4: hh[0] + 10, 7: land, 8: pop, 9: age[0], 13: age[1], 24: age[2], 29: age[3],
         50: hh[0], 51: hh[1], 56: hh[2], 335: lim[0], 340: lim[1], 344: lim[2], 345: lim[3],
         383: sum(kol), 384: kol[0], 385: kol[1], 386: kol[2], 387: kol[3],
         388: sum(fols), 389: fols[0], 390: fols[1], 391: fols[2], 392: fols[3],
         1402: sum(indig), 1403: indig[0], 1410: indig[1], 1527: sum(imm), 1528: imm[0], 1529: imm[1], 1537: imm[2]}  # fmt: skip
    return v


VALUES = {
    # New Brunswick (Atlantic file)
    "13070001": area(
        500,
        (75, 300, 125, 15),
        (220, 70, 495),
        (495, 60, 20, 12.1),
        (200, 50, 245, 5),
        (260, 230, 5, 5),
        (25, 470),
        (460, 30, 5),
        1.52,
    ),
    # income suppressed (fewer than 40 households), Indigenous count too unreliable
    "13070002": {
        **area(
            350,
            (50, 215, 85, 10),
            (150, 40, 345),
            (0, 0, 0, 0),
            (100, 40, 205, 5),
            (140, 200, 5, 5),
            (0, 340),
            (330, 15, 0),
            3.07,
        ),
        335: "x",
        340: "x",
        344: "x",
        345: "x",
        1403: "F",
    },
    # fewer than 40 people: every characteristic suppressed but the population
    "13070003": {**ALL_X, 1: 25, 2: 30, 7: 12.4},
    # nobody lives there: a real zero, and the rest suppressed
    "13070004": {**ALL_X, 1: 0, 2: 0, 7: 0.84},
    # 13070005 is in the boundary file but has no profile rows.
    # Quebec (Quebec file)
    "24660001": area(
        600,
        (90, 380, 130, 20),
        (280, 90, 590),
        (590, 80, 30, 13.6),
        (150, 20, 420, 10),
        (420, 150, 20, 10),
        (10, 580),
        (400, 170, 20),
        0.61,
    ),
    "24660002": area(
        450,
        (60, 290, 100, 10),
        (200, 60, 445),
        (445, 40, 15, 9.0),
        (10, 200, 235, 5),
        (40, 400, 5, 5),
        (5, 440),
        (420, 25, 0),
        0.48,
    ),
    "24660003": {
        **area(
            800,
            (130, 520, 150, 25),
            (330, 100, 790),
            (790, 120, 40, 15.2),
            (300, 100, 390, 10),
            (520, 260, 10, 10),
            (20, 770),
            (600, 180, 10),
            0.95,
        ),
        24: "..",
        29: "...",
    },
}
NB_DAS = ["13070001", "13070002", "13070003", "13070004", "13070005"]
QC_DAS = ["24660001", "24660002", "24660003"]
# Block populations (DBPOP2021): 4 blocks per area, numbered 001-004 west-east, south-north.
BLOCK_POP = {
    "13070001": (400, 100, 0, 0), "13070002": (50, 100, 100, 100), "13070003": (25, 0, 0, 0),
    "13070004": (0, 0, 0, 0), "13070005": (10, 20, 30, 40),
    "24660001": (0, 0, 300, 300), "24660002": (150, 150, 150, 0), "24660003": (200, 200, 200, 200),
}  # fmt: skip
SIDE = 2000.0  # metres: each area is a 2 km square in EPSG:3347
ORIGINS = {"13": (-64.78, 46.09), "24": (-73.57, 45.50)}  # Moncton, Montréal


def lambert(lon, lat):
    src, dst = osr.SpatialReference(), osr.SpatialReference()
    src.ImportFromEPSG(4326)
    dst.ImportFromEPSG(3347)
    src.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    x, y, _ = osr.CoordinateTransformation(src, dst).TransformPoint(lon, lat)
    return round(x, -2), round(y, -2)


def square(da: str) -> tuple[float, float]:
    """South-west corner of an area's square: side by side along x."""
    ox, oy = lambert(*ORIGINS[da[:2]])
    return ox + (int(da[-4:]) - 1) * SIDE, oy


def block_corner(da: str, b: int) -> tuple[float, float]:
    x, y = square(da)
    return x + (b % 2) * SIDE / 2, y + (b // 2) * SIDE / 2


def polygon(x, y, side):
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for px, py in ((x, y), (x + side, y), (x + side, y + side), (x, y + side), (x, y)):
        ring.AddPoint_2D(px, py)
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    return poly


def write_layer(path: Path, driver: str, name: str, fields, rows) -> None:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3347)
    ds = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    layer = ds.CreateLayer(name, srs, ogr.wkbPolygon)
    for f, kind in fields:
        defn = ogr.FieldDefn(f, kind)
        if kind == ogr.OFTString:
            defn.SetWidth(20)
        layer.CreateField(defn)
    for values, geom in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for (f, _), v in zip(fields, values):
            feature.SetField(f, v)
        feature.SetGeometry(geom)
        layer.CreateFeature(feature)
    ds = None


def boundaries() -> None:
    fields = [
        ("DAUID", ogr.OFTString),
        ("DGUID", ogr.OFTString),
        ("LANDAREA", ogr.OFTReal),
        ("PRUID", ogr.OFTString),
    ]
    rows = [((da, f"2021S0512{da}", 4.0, da[:2]), polygon(*square(da), SIDE)) for da in NB_DAS + QC_DAS]
    tmp = HERE / "_shp"
    tmp.mkdir(exist_ok=True)
    write_layer(tmp / "lda_000b21a_e.shp", "ESRI Shapefile", "lda_000b21a_e", fields, rows)
    with zipfile.ZipFile(HERE / "lda_000b21a_e.zip", "w", zipfile.ZIP_DEFLATED) as z:
        for part in sorted(tmp.iterdir()):
            z.write(part, part.name)
            part.unlink()
    tmp.rmdir()
    blocks = [(("".join((da, f"{b + 1:03d}")), f"2021S0513{da}{b + 1:03d}", 1.0, da[:2]),
               polygon(*block_corner(da, b), SIDE / 2)) for da in NB_DAS + QC_DAS for b in range(4)]  # fmt: skip
    gpkg = HERE / "ldb_000b21a_e.gpkg"
    if gpkg.exists():
        gpkg.unlink()
    fields = [
        ("DBUID", ogr.OFTString),
        ("DGUID", ogr.OFTString),
        ("LANDAREA", ogr.OFTReal),
        ("PRUID", ogr.OFTString),
    ]
    write_layer(gpkg, "GPKG", "ldb_000b21a_e", fields, blocks)


def cell(v) -> str:
    return "" if v is None else (f"{v:g}" if isinstance(v, float) else str(v))


def profile_row(dguid, code, level, name, cid, cname, note, value, quality="00000") -> str:
    """One row as the files print it: strings quoted, numbers bare, a symbol after each count."""
    if isinstance(value, str) and value in ("x", "..", "...", "F"):
        count, symbol = "", value
    elif isinstance(value, str):  # a number printed with thousands separators
        count, symbol = f'"{value}"', ""
    else:
        count, symbol = cell(value), ""
    rest = ',,"..."' * 5
    return (
        f'2021,"{dguid}","{code}","{level}","{name}",3.1,4.6,"{quality}",{cid},"{cname}",{note},'
        f'{count},"{symbol}"{rest}'
    )


def profile(region: str, geographies: list[tuple[str, str, str, str, dict]], newline: str) -> None:
    lines, index = [HEADER], []
    for dguid, code, level, name, values in geographies:
        index.append((dguid, code, len(lines) + 1))
        for cid, cname, note in SEQUENCE:
            lines.append(profile_row(dguid, code, level, name, cid, cname, note, values.get(cid, "..")))
    data = HERE / f"98-401-X2021006_English_CSV_data_{region}.csv"
    data.write_bytes((newline.join(lines) + newline).encode("latin-1"))
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n")
    writer.writerow(["Geo Code", "Geo Name", "Line Number"])
    for dguid, code, line in index:
        writer.writerow([dguid, code, line])
    (HERE / f"98-401-X2021006_Geo_starting_row_{region}.CSV").write_bytes(out.getvalue().encode("latin-1"))


def big_totals(pop):
    return {1: pop, 8: pop, 24: pop // 5, 388: pop}


def profiles() -> None:
    atlantic = [
        ("2021A000011124", "01", "Country", "Canada", big_totals(36991981)),
        ("2021A000213", "13", "Province", "New Brunswick", big_totals(775610)),
        ("2021A00051309024", "1309024", "Census subdivision", "Néguac", big_totals(1684)),
    ] + [(f"2021S0512{da}", da, "Dissemination area", da, VALUES[da]) for da in NB_DAS if da in VALUES]
    profile("Atlantic", atlantic, "\r\n")
    quebec = [
        ("2021A000011124", "01", "Country", "Canada", big_totals(36991981)),
        ("2021A000224", "24", "Province", "Quebec", big_totals(8501833)),
        ("2021A00052466023", "2466023", "Census subdivision", "Montréal", {**big_totals(0), 1: "1,762,949"}),
    ] + [(f"2021S0512{da}", da, "Dissemination area", da, VALUES[da]) for da in QC_DAS]
    profile("Quebec", quebec, "\n")


SDMX_IDS = {1: 1, 8: 8, 24: 24, 335: 321, 340: 326, 388: 374, 389: 375, 390: 376, 391: 377, 392: 378, 1402: 1388,
            1403: 1389}  # fmt: skip
SDMX_HEADER = ("DATAFLOW,FREQ,TIME_PERIOD,REF_AREA,GENDER,CHARACTERISTIC,STATISTIC,OBS_VALUE,DECIMALS,FLAG,TOPIC,NOTE,"
               "RELEASE_DATE,GEO_LEVEL,ALT_GEO_CODE,GEO_DESC,PROV_TERR,DATA_QUALITY_FLAG,TNR_LF,TNR_SF,CI_LOW,CI_HIGH")  # fmt: skip


def sdmx() -> None:
    """The service's CSV for 13070001 and 13070002, totals and men+, counts and rates."""
    lines = [SDMX_HEADER]
    for da in ("13070001", "13070002"):
        for csv_id, code in SDMX_IDS.items():
            value = VALUES[da][csv_id]
            for gender in (1, 2):
                for statistic in (1, 4):
                    obs, flag = (
                        ("", "6")
                        if value == "x"
                        else (cell(value) if gender == 1 and statistic == 1 else "1", "")
                    )
                    lines.append(f"STC_CP:DF_DA(1.3),A5,2021,2021S0512{da},{gender},{code},{statistic},{obs},0,{flag},"
                                 f"1,,2022-02-09,13,{da},{da},13,00000,4.6,3.1,,")  # fmt: skip
    (HERE / "sdmx_DF_DA.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


GAF_COLUMNS = ["PRUID_PRIDU", "PRDGUID_PRIDUGD", "PRNAME_PRNOM", "PRENAME_PRANAME", "PRFNAME_PRFNOM", "PREABBR_PRAABBREV",
               "PRFABBR_PRFABBREV", "CDUID_DRIDU", "CDDGUID_DRIDUGD", "CDNAME_DRNOM", "CDTYPE_DRGENRE", "CSDUID_SDRIDU",
               "CSDDGUID_SDRIDUGD", "CSDNAME_SDRNOM", "CSDTYPE_SDRGENRE", "DAUID_ADIDU", "DADGUID_ADIDUGD",
               "DARPLAMX_ADLAMX", "DARPLAMY_ADLAMY", "DARPLAT_ADLAT", "DARPLONG_ADLONG", "DBUID_IDIDU",
               "DBDGUID_IDIDUGD", "DBPOP2021_IDPOP2021", "DBTDWELL2021_IDTLOG2021", "DBURDWELL2021_IDRHLOG2021",
               "DBAREA2021_IDSUP2021", "DBIR2021_IDRI2021", "ADAUID_ADAIDU", "ADADGUID_ADAIDUGD"]  # fmt: skip


#: The published representative point of each area: its square's centre moved 300 m east.
def published_point(da: str) -> tuple[float, float]:
    x, y = square(da)
    return x + SIDE / 2 + 300, y + SIDE / 2


def gaf() -> None:
    provinces = {"13": ("New Brunswick / Nouveau-Brunswick", "N.B.", "N.-B.", "1307", "Westmorland", "1307022",
                        "Moncton", "C"),
                 "24": ("Quebec / Québec", "Que.", "Qc", "2466", "Montréal", "2466023", "Montréal", "V")}  # fmt: skip
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n")
    writer.writerow(GAF_COLUMNS)
    for da in NB_DAS + QC_DAS:
        pr = da[:2]
        name, eabbr, fabbr, cd, cdname, csd, csdname, csdtype = provinces[pr]
        x, y = published_point(da)
        for b, pop in enumerate(BLOCK_POP[da]):
            db = f"{da}{b + 1:03d}"
            writer.writerow([pr, f"2021A0002{pr}", name, name.split(" / ")[0], name.split(" / ")[1], eabbr, fabbr,
                             cd, f"2021A0003{cd}", cdname, "CTY" if pr == "13" else "TE", csd, f"2021A0005{csd}",
                             csdname, csdtype, da, f"2021S0512{da}", x, y, 46.09, -64.78, db, f"2021S0513{db}",
                             pop, pop // 2, pop // 2, 1.0, 1, f"{da[:4]}0001", f"2021S0516{da[:4]}0001"])  # fmt: skip
    (HERE / "2021_92-151_X.csv").write_bytes(out.getvalue().encode("latin-1"))


def main() -> None:
    boundaries()
    profiles()
    sdmx()
    gaf()
    (HERE / "expected.json").write_text(json.dumps({
        "values": VALUES, "block_pop": BLOCK_POP, "squares": {da: square(da) for da in NB_DAS + QC_DAS},
        "published_points": {da: published_point(da) for da in NB_DAS + QC_DAS}, "side": SIDE,
    }, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")  # fmt: skip
    print(f"census fixtures written to {HERE}")


if __name__ == "__main__":
    main()
