"""Census import: one province's dissemination areas out of a 2 GB Census Profile file.

    python benchmarks/bench_census.py            # a 2 GB regional file (Atlantic-like: NL, PE, NS, NB)
    python benchmarks/bench_census.py --quick    # a 200 MB one

Generates, in a temporary folder deleted afterwards, a Census Profile comprehensive CSV in the
published layout (98-401-X2021006: Latin-1, 2,631 characteristics per geography with indented
names, a SYMBOL after each of the six value columns, suppressed cells, geographies of four
levels in one file) with its Geo_starting_row file and New Brunswick's DA boundaries. Then,
each side in its own process (peak memory is the process's):

* ours: ``ProfileReader.read`` of the catalogue's 30 characteristics for New Brunswick's DAs
  (seeking with the index), and the whole ``import_census`` (profile + boundaries + GeoPackage);
* the usual analyst's route: pandas ``read_csv`` with ``usecols`` and ``chunksize``, keeping the
  province's DA rows of those characteristics, then ``pivot``.

Both must give the same table (values and NULLs).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from _common import ROOT, peak_rss_mb, report, write_layer

HEADER = ("CENSUS_YEAR,DGUID,ALT_GEO_CODE,GEO_LEVEL,GEO_NAME,TNR_SF,TNR_LF,DATA_QUALITY_FLAG,CHARACTERISTIC_ID,"
          "CHARACTERISTIC_NAME,CHARACTERISTIC_NOTE,C1_COUNT_TOTAL,SYMBOL,C2_COUNT_MEN+,SYMBOL,C3_COUNT_WOMEN+,SYMBOL,"
          "C10_RATE_TOTAL,SYMBOL,C11_RATE_MEN+,SYMBOL,C12_RATE_WOMEN+,SYMBOL")  # fmt: skip
N_CHARACTERISTICS = 2631
PROVINCES = (("10", "Newfoundland and Labrador", 0.235), ("11", "Prince Edward Island", 0.066),
             ("12", "Nova Scotia", 0.37), ("13", "New Brunswick", 0.329))  # fmt: skip
WANTED = "13"


def catalogue_ids() -> list[int]:
    from crs_plugin.core.census.catalogue import PROFILE_CSV, load_characteristics

    return [c.id_in(PROFILE_CSV) for c in load_characteristics().characteristics]


def generate(folder: Path, target_bytes: int) -> tuple[Path, Path, Path]:
    """The profile, its index and NB's boundaries; deterministic (fixed seed)."""
    from crs_plugin.core.census.catalogue import PROFILE_CSV, load_characteristics

    rng = np.random.default_rng(2021)
    names = {c.id_in(PROFILE_CSV): ("  " if c.universe else "") + c.statcan_name
             for c in load_characteristics().characteristics}  # fmt: skip
    # One geography's rows as a template: @G@ is the geography's prefix, @V<k>@ its k-th value.
    rows = []
    for cid in range(1, N_CHARACTERISTICS + 1):
        name = names.get(cid, " " * (2 * (cid % 3)) + f"Characteristic {cid} of the 2021 Census Profile")
        rows.append(
            f'@G@{cid},"{name}",{"" if cid % 7 else cid % 50},@V{cid}@,"",,"...",,"...",,"...",,"...",,"..."'
        )
    template = "\n".join(rows) + "\n"
    pieces = template.split("@V")
    # pieces[k] ends before value k; each later piece starts with '<cid>@'.
    tails = [p.split("@", 1)[1] for p in pieces[1:]]
    # Each row's @G@ becomes a ~75-character geography prefix; values average 3 characters.
    per_geo = len(template) + (72 + 3) * N_CHARACTERISTICS
    n_geos = max(40, target_bytes // per_geo)
    path = folder / "98-401-X2021006_English_CSV_data_Atlantic.csv"
    index = folder / "98-401-X2021006_Geo_starting_row_Atlantic.CSV"
    line, nb_das = 2, []
    with open(path, "w", encoding="latin-1", newline="") as out, open(index, "w", encoding="latin-1") as idx:
        out.write(HEADER + "\n")
        idx.write('"Geo Code","Geo Name","Line Number"\n')
        geographies = [("2021A000011124", "01", "Country", "Canada")]
        for pruid, name, share in PROVINCES:
            geographies.append((f"2021A0002{pruid}", pruid, "Province", name))
            for k in range(5):
                geographies.append((f"2021A0005{pruid}0{k}001", f"{pruid}0{k}001", "Census subdivision",
                                    f"Saint-Étienne-{k}" if pruid == "13" else f"Town {k}"))  # fmt: skip
            for d in range(int(share * (n_geos - len(PROVINCES) * 6 - 1))):
                da = f"{pruid}{d // 900 + 1:02d}{d % 900 + 1:04d}"
                geographies.append((f"2021S0512{da}", da, "Dissemination area", da))
        for dguid, code, level, name in geographies:
            idx.write(f'"{dguid}","{code}",{line}\n')
            prefix = f'2021,"{dguid}","{code}","{level}","{name}",3.1,4.6,"00000",'
            values = rng.integers(0, 900, N_CHARACTERISTICS).astype(str).tolist()
            text = pieces[0] + "".join(v + t for v, t in zip(values, tails))
            if rng.random() < 0.05:  # a suppressed area: no values, symbol 'x'
                text = pieces[0] + "".join("@X@" + t for t in tails)
                text = text.replace('@X@,""', ',"x"')
            out.write(text.replace("@G@", prefix))
            line += N_CHARACTERISTICS
            if level == "Dissemination area" and dguid[9:11] == WANTED:
                nb_das.append(code)
    import shapely

    squares = shapely.box(*np.array([[i * 1000.0, 0, i * 1000.0 + 900, 900] for i in range(len(nb_das))]).T)
    boundaries = folder / "lda_000b21a_e.gpkg"
    codes = np.array(nb_das, dtype=object)
    write_layer(boundaries, "lda_000b21a_e", squares, {"DAUID": codes, "DGUID": np.array(
        [f"2021S0512{c}" for c in codes], dtype=object), "PRUID": np.full(len(codes), WANTED, dtype=object),
        "LANDAREA": np.full(len(codes), 0.81)})  # fmt: skip
    return path, index, boundaries


def ours(path: Path, index: Path, boundaries: Path, store: Path) -> dict:
    from crs_plugin.core.census.importer import import_census
    from crs_plugin.core.census.profile import GeographySelection, ProfileReader

    ids = catalogue_ids()
    start = time.perf_counter()
    table = ProfileReader(path, index).read(ids, GeographySelection("S0512", (WANTED,)))
    read_s = time.perf_counter() - start
    start = time.perf_counter()
    scan = ProfileReader(path).read(ids, GeographySelection("S0512", (WANTED,)))
    scan_s = time.perf_counter() - start
    assert np.array_equal(np.nan_to_num(scan.values, nan=-1), np.nan_to_num(table.values, nan=-1))
    start = time.perf_counter()
    report_ = import_census(store, boundaries, profiles=[(path, index)], provinces=(WANTED,))
    import_s = time.perf_counter() - start
    assert report_.joined == report_.areas == len(table)
    return {
        "read_s": read_s,
        "scan_s": scan_s,
        "import_s": import_s,
        "peak_rss_mb": peak_rss_mb(),
        "dguids": table.dguids.tolist(),
        "values": np.nan_to_num(table.values, nan=-1).tolist(),
    }


def pandas_route(path: Path) -> dict:
    import pandas as pd

    ids = catalogue_ids()
    start = time.perf_counter()
    parts = []
    reader = pd.read_csv(path, encoding="latin-1", usecols=["DGUID", "GEO_LEVEL", "CHARACTERISTIC_ID", "C1_COUNT_TOTAL"],
                         chunksize=1_000_000, dtype={"DGUID": str, "GEO_LEVEL": str, "C1_COUNT_TOTAL": str})  # fmt: skip
    for chunk in reader:
        keep = (chunk["GEO_LEVEL"] == "Dissemination area") & chunk["DGUID"].str[9:11].eq(WANTED)
        keep &= chunk["CHARACTERISTIC_ID"].isin(ids)
        parts.append(chunk[keep])
    rows = pd.concat(parts)
    rows["value"] = pd.to_numeric(rows["C1_COUNT_TOTAL"].str.replace(",", ""), errors="coerce")
    wide = rows.pivot(index="DGUID", columns="CHARACTERISTIC_ID", values="value")[ids]
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "peak_rss_mb": peak_rss_mb(),
        "dguids": wide.index.tolist(),
        "values": wide.fillna(-1).to_numpy().tolist(),
    }


def child(side: str, folder: Path) -> dict:
    run = subprocess.run([sys.executable, __file__, "--side", side, "--folder", str(folder)], capture_output=True,
                         text=True, check=True)  # fmt: skip
    return json.loads(run.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a 200 MB file instead of 2 GB")
    parser.add_argument("--side", choices=("ours", "pandas"))
    parser.add_argument("--folder", type=Path)
    args = parser.parse_args()
    if args.side:
        files = (args.folder / "98-401-X2021006_English_CSV_data_Atlantic.csv",
                 args.folder / "98-401-X2021006_Geo_starting_row_Atlantic.CSV", args.folder / "lda_000b21a_e.gpkg")  # fmt: skip
        result = ours(*files, args.folder / "store.gpkg") if args.side == "ours" else pandas_route(files[0])
        print(json.dumps(result))
        return
    target = 200 << 20 if args.quick else 2 << 30
    folder = Path(tempfile.mkdtemp(prefix="crs_bench_census_"))
    try:
        start = time.perf_counter()
        path, _, _ = generate(folder, target)
        size_gb = path.stat().st_size / 2**30
        print(f"generated {size_gb:.2f} GB in {time.perf_counter() - start:.0f} s", flush=True)
        subprocess.run(["sync"], check=False)
        a = child("ours", folder)
        b = child("pandas", folder)
        agree = a["dguids"] == b["dguids"] and np.array_equal(np.array(a["values"]), np.array(b["values"]))
        diff = float(np.max(np.abs(np.array(a["values"]) - np.array(b["values"])))) if agree or \
            np.array(a["values"]).shape == np.array(b["values"]).shape else float("nan")  # fmt: skip
        name = f"census_profile_{size_gb:.1f}GB_one_province"
        areas = len(a["dguids"])
        report(name=name + "_read", ours_s=round(a["read_s"], 2), baseline="pandas read_csv(usecols, chunksize) + pivot",
               baseline_s=round(b["seconds"], 2), speedup=round(b["seconds"] / a["read_s"], 1), agree=agree,
               max_abs_diff=diff, peak_rss_mb=round(a["peak_rss_mb"]), baseline_peak_rss_mb=round(b["peak_rss_mb"]),
               areas=areas, characteristics=len(catalogue_ids()))  # fmt: skip
        report(name=name + "_scan_without_index", ours_s=round(a["scan_s"], 2), baseline="pandas read_csv(usecols, chunksize) + pivot",
               baseline_s=round(b["seconds"], 2), speedup=round(b["seconds"] / a["scan_s"], 1), agree=agree,
               max_abs_diff=diff, peak_rss_mb=round(a["peak_rss_mb"]))  # fmt: skip
        report(name=name + "_import_to_gpkg", ours_s=round(a["import_s"], 2), baseline="pandas route (profile only)",
               baseline_s=round(b["seconds"], 2), speedup=round(b["seconds"] / a["import_s"], 1), agree=agree,
               max_abs_diff=diff, peak_rss_mb=round(a["peak_rss_mb"]))  # fmt: skip
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
