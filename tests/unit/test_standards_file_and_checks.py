"""Service standards: the file, each jurisdiction's check and the fewest sites, the sentences."""

from __future__ import annotations

import json

import numpy as np
import pytest

from crs_plugin.core.analysis.service_standard import (
    ServiceStandard,
    check_standard,
    load_standards,
    standard_headline,
)
from crs_plugin.core.errors import AnalysisError

STANDARD = ServiceStandard("s90", "90 % within 10 km", "90 % à 10 km", 0.9, distance_km=10.0)


def test_the_sample_file_holds_the_federal_standard_in_both_languages():
    standards = {s.id: s for s in load_standards()}
    federal = standards["federal_in_person_50km"]
    assert (federal.share, federal.distance_km, federal.limit("m")) == (0.9, 50.0, 50_000.0)
    assert federal.name("fr").startswith("Service fédéral en personne")


@pytest.mark.parametrize(
    "change, message",
    [
        ({"share_percent": 120}, "share_percent"),
        ({"distance_km": None}, "distance_km"),
        ({"id": "Bad id"}, "id"),
    ],
)
def test_a_bad_standards_file_is_named_with_the_field_at_fault(tmp_path, change, message):
    standard = {"id": "a", "name_en": "A", "name_fr": "A", "share_percent": 90, "distance_km": 50}
    standard.update(change)
    standard = {k: v for k, v in standard.items() if v is not None}
    path = tmp_path / "standards.json"
    path.write_text(json.dumps({"standards": [standard]}), encoding="utf-8")
    with pytest.raises(AnalysisError, match=message if message != "distance_km" else "standards.0"):
        load_standards(path)


def test_a_standard_without_a_travel_time_cannot_be_checked_by_travel_time():
    with pytest.raises(AnalysisError, match="travel_minutes"):
        STANDARD.limit("s")


def test_each_jurisdiction_and_canada_with_the_fewest_sites_that_would_meet_it():
    # Jurisdiction A: 1,000 people, 850 within reach (85 %): 50 short of 90 %; site 0 reaches 100
    # more, site 1 only 40: the fewest is site 0 alone.
    # Jurisdiction B: 500 people, 480 within reach: met. Canada: 1,330 / 1,500 = 88.7 %, 20 short.
    groups = ["A", "A", "A", "A", "B", "B"]
    weight = [850, 100, 40, 10, 480, 20]
    kept = [1_000, 30_000, 30_000, 30_000, 2_000, 50_000]
    pair_demand, pair_site, pair_cost = [1, 2, 5], [0, 1, 2], [5_000, 8_000, 20_000]
    checks = {c.jurisdiction: c for c in check_standard(groups, weight, kept, pair_demand, pair_site, pair_cost, 3,
                                                        STANDARD, "m")}  # fmt: skip
    a, b, canada = checks["A"], checks["B"], checks["CA"]
    assert (a.population, a.within, a.met, a.short) == (1000, 850, False, pytest.approx(50))
    assert list(a.sites) == [0] and a.reachable and a.optimal and a.best_share == pytest.approx(0.95)
    assert (b.met, b.short, len(b.sites)) == (True, 0.0, 0)
    assert (canada.population, canada.within, canada.met) == (1500, 1330, False)
    assert len(canada.sites) == 1  # 20 short: either site
    assert standard_headline(a, STANDARD, "m") == (
        "A: 85.0 % of the 1,000 people live within 10 km of a point of the network, 50 people short of the standard "
        "(90.0 % within 10 km); 1 candidate site would meet it (the fewest)."
    )
    assert standard_headline(b, STANDARD, "m", "fr") == (
        "B : 96,0\u00a0% des 500 personnes vivent à 10 km ou moins d'un point du réseau; la norme (90,0\u00a0% à 10 km) "
        "est respectée."
    )


def test_a_standard_no_candidate_can_meet_says_so():
    checks = check_standard(["13", "13"], [50, 50], [1_000, 99_000], [1], [0], [50_000], 1, STANDARD, "m")
    nb = checks[0]
    assert not nb.met and not nb.reachable and nb.best_share == 0.5
    assert standard_headline(nb, STANDARD, "m").endswith("even every candidate site would reach only 50.0 %.")
    assert standard_headline(nb, STANDARD, "m").startswith("New Brunswick: 50.0 %")
    assert np.isfinite(nb.short)
