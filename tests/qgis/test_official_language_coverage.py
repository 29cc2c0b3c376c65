"""crs:officiallanguagecoverage on a tiny case computed by hand.

Areas (points, EPSG:3347), first official language spoken English / French / both:
  A1 NB (0, 0)            100 / 300 / 20   -> French minority 300 + 10 = 310
  A2 NB (30 km, 0)        200 / 100 / 0    -> 100
  A3 QC (0, 100 km)        80 / 500 / 40   -> English minority 80 + 20 = 100
  A4 QC (60 km, 100 km)    50 / 100 / NULL -> unknown (suppressed), not 0
  A5 ON (200 km, 0)      1000 /  40 / 10   -> 45
Points: P1 (1 km, 0) en;fr — P2 (0, 102 km) fr only — P3 (0, 120 km) en.
French areas measure to P1 and P2; English areas to P3 only (P2 does not serve in English).
"""

from __future__ import annotations

import processing
import pytest
from qgis.core import NULL, QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

from crs_plugin.core.analysis.official_languages import headline
from tests.qgis.test_census_algorithms import points_at

AREAS = [
    ("A1", "13", 0, 0, 100, 300, 20), ("A2", "13", 30_000, 0, 200, 100, 0),
    ("A3", "24", 0, 100_000, 80, 500, 40), ("A4", "24", 60_000, 100_000, 50, 100, None),
    ("A5", "35", 200_000, 0, 1000, 40, 10),
]  # fmt: skip


def areas_layer():
    layer = QgsVectorLayer(
        "Point?crs=EPSG:3347&field=name:string&field=PRUID:string&field=fols_en:double&field=fols_fr:double"
        "&field=fols_en_fr:double", "areas", "memory",
    )  # fmt: skip
    features = []
    for name, pruid, x, y, en, fr, both in AREAS:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([name, pruid, en, fr, NULL if both is None else both])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def run(**extra):
    services = points_at((1000, 0), (0, 102_000), (0, 120_000), languages=["en;fr", "fr", "en"])
    return processing.run("crs:officiallanguagecoverage", {
        "INPUT": areas_layer(), "SERVICE_POINTS": services, "THRESHOLDS_KM": "5, 25", "OUTPUT": "memory:",
        "SUMMARY": "memory:", "UNSERVED": "memory:", **extra,
    })  # fmt: skip


def test_minority_counts_and_shares_per_jurisdiction_and_canada(crs_provider):
    out = run()
    summary = {f["jurisdiction"]: f for f in out["SUMMARY"].getFeatures()}
    nb, qc, on, ca = summary["13"], summary["24"], summary["35"], summary["CA"]
    assert (nb["minority_language"], nb["minority_population"]) == ("fr", 410)
    assert (nb["pop_within_5km"], nb["pop_within_25km"], nb["pop_unserved"]) == (310, 310, 100)
    assert nb["share_within_25km"] == pytest.approx(310 / 410)
    assert (qc["minority_language"], qc["minority_population"], qc["areas_unknown"]) == ("en", 100, 1)
    assert (qc["pop_within_5km"], qc["pop_within_25km"]) == (0, 100)  # P2 at 2 km serves in French only
    assert (on["minority_population"], on["pop_within_25km"]) == (45, 0)
    assert (ca["minority_population"], ca["pop_within_5km"], ca["pop_within_25km"]) == (555, 310, 410)
    assert nb["name"] == "New Brunswick" and ca["name"] == "Canada"
    assert nb["headline"] == (
        "New Brunswick: 75.6 % of the 410 people whose first official language is French (the francophone "
        "minority) live within 25 km of a point serving in French; 100 do not."
    )
    assert "Quebec: 100.0 % of the 100 people whose first official language is English" in out["HEADLINES"]


def test_per_area_values_and_the_highest_unserved_demand(crs_provider):
    out = run(TOP_UNSERVED=5)
    rows = {f["name"]: f for f in out["OUTPUT"].getFeatures()}
    assert rows["A1"]["minority_pop"] == 310 and rows["A1"]["distance_m"] == pytest.approx(1000)
    assert rows["A3"]["minority_language"] == "en" and rows["A3"]["distance_m"] == pytest.approx(20_000)
    assert rows["A4"]["minority_pop"] in (None, NULL)
    assert rows["A1"]["unserved_minority"] == -1 and rows["A2"]["unserved_minority"] == 100
    assert (rows["A2"]["unserved_rank"], rows["A5"]["unserved_rank"]) == (1, 2)
    unserved = [(f["rank"], f["jurisdiction"], f["minority_pop"]) for f in out["UNSERVED"].getFeatures()]
    assert unserved == [(1, "13", 100), (2, "35", 45)]


def test_without_half_of_both_and_in_french(crs_provider):
    summary = {f["jurisdiction"]: f for f in run(HALF_OF_BOTH=False)["SUMMARY"].getFeatures()}
    assert summary["13"]["minority_population"] == 400 and summary["24"]["minority_population"] == 130
    row = {"minority_language": "fr", "minority_population": 410.0, "pop_within_25km": 310.0,
           "share_within_25km": 310 / 410}  # fmt: skip
    assert headline("13", row, 25_000, "fr") == (
        "Nouveau-Brunswick : 75,6\u00a0% des 410 personnes de langue officielle française (minorité francophone) "
        "habitent à 25 km ou moins d'un point offrant des services en français; 100 n'en ont pas."
    )


def test_points_without_a_languages_field_are_refused(crs_provider):
    services = QgsVectorLayer("Point?crs=EPSG:3347&field=point_id:string", "p", "memory")
    with pytest.raises(Exception, match="languages"):
        processing.run("crs:officiallanguagecoverage", {"INPUT": areas_layer(), "SERVICE_POINTS": services,
                                                        "OUTPUT": "memory:", "SUMMARY": "memory:",
                                                        "UNSERVED": "memory:"})  # fmt: skip
