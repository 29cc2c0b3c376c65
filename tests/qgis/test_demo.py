"""`make demo`'s script runs end to end in its own process and exits cleanly."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def test_demo_writes_every_output_and_exits_0(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "demo.py"), str(tmp_path)], env=env,
                         capture_output=True, text=True, timeout=600)  # fmt: skip
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    for name in ("crs.gpkg", "summary_by_jurisdiction.csv", "service_points_map.png", "coverage_by_jurisdiction.csv",
                 "coverage_map.png", "colocation_candidates.csv", "colocation_map.png",
                 "accessibility_by_jurisdiction.csv", "accessibility_map.png", "coverage_65_plus_by_jurisdiction.csv",
                 "coverage_65_plus_map.png", "official_language_coverage.csv", "official_language_map.png",
                 "coverage_curve.png", "coverage_curve.csv", "colocation_plan_map.png", "service_standards.csv",
                 "service_standard_map.png", "report_en.pdf", "report_fr.pdf", "report_page_en.png",
                 "report_page_fr.png"):  # fmt: skip
        assert (tmp_path / name).stat().st_size > 0, name
        assert str(tmp_path / name) in run.stdout, name  # it says where the outputs are
    rows = {r["jurisdiction"]: r for r in csv.DictReader((tmp_path / "summary_by_jurisdiction.csv").open())}
    assert set(rows) == {"BC", "NB"}
    for row in rows.values():
        assert 0 < float(row["federal_median_km"]) <= float(row["federal_p90_km"])
    assert (tmp_path / "service_points_map.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    older = {
        r["jurisdiction"]: r
        for r in csv.DictReader((tmp_path / "coverage_65_plus_by_jurisdiction.csv").open())
    }
    for row in older.values():  # a share of the people aged 65 and over, beside their share of everyone
        assert 0.15 < float(row["share_of_universe"]) < 0.3 and 0.5 < float(row["share_within_50km"]) <= 1
    languages = {
        r["jurisdiction"]: r for r in csv.DictReader((tmp_path / "official_language_coverage.csv").open())
    }
    assert set(languages) == {"BC", "NB", "CA"} and languages["NB"]["minority_language"] == "fr"
    assert "New Brunswick: " in run.stdout and "point serving in French" in run.stdout
    curve = list(csv.DictReader((tmp_path / "coverage_curve.csv").open()))
    assert len(curve) == 11 and curve[0]["sites_added"] == "0"
    shares = [float(r["share_within"]) for r in curve]
    assert shares == sorted(shares) and 0.9 < shares[0] < shares[-1] < 1
    assert "Adding 10 sites brings" in run.stdout
    standards = {
        (r["standard"], r["jurisdiction"]): r
        for r in csv.DictReader((tmp_path / "service_standards.csv").open())
    }
    assert standards["federal_in_person_50km", "CA"]["met"] in ("True", "true", "1")
    assert "the standard (90.0 % within 50 km) is met" in run.stdout
    # The report in both languages, each saved as a project in the store.
    import sqlite3

    from tests.pdf import pages_text

    assert pages_text(tmp_path / "report_fr.pdf")[3].strip().startswith("Nouveau-Brunswick")
    assert pages_text(tmp_path / "report_en.pdf")[3].strip().startswith("New Brunswick")
    with sqlite3.connect(tmp_path / "crs.gpkg") as db:
        projects = {name for (name,) in db.execute("SELECT name FROM qgis_projects")}
    assert projects == {"CRS report (English)", "Rapport CRS (français)"}
