"""The report's words and figures in English and French, and the rows it reshapes from the summaries."""

from __future__ import annotations

import datetime
import math

import pytest

from crs_plugin.core import report as words
from crs_plugin.core.filters import ServiceFilter

SUMMARY = {
    "13": {"population": 1000.0, "pop_within_5km": 600.0, "share_within_5km": 0.6, "pop_within_50km": 990.0,
           "share_within_50km": 0.99},
    "59": {"population": 3000.0, "pop_within_5km": 1500.0, "share_within_5km": 0.5, "pop_within_50km": 2400.0,
           "share_within_50km": 0.8},
}  # fmt: skip
THRESHOLDS = (5000.0, 50000.0)


def test_every_sentence_exists_in_both_languages_and_differs_where_words_do():
    for key, (english, french) in words.TEXT.items():
        assert english.strip() and french.strip(), key
        assert english.count("{") == french.count("{"), key  # same placeholders
        assert english.count("[%") == french.count("[%"), key


@pytest.mark.parametrize(
    "value,english,french",
    [(1314480, "1,314,480", "1\u00a0314\u00a0480"), (0.613, "61.3 %", "61,3\u00a0%"), (None, "—", "—")],
)
def test_figures_as_each_language_writes_them(value, english, french):
    format_ = words.share if isinstance(value, float) else words.people
    assert format_(value, "en") == english and format_(value, "fr") == french


def test_distances_dates_and_the_attribution():
    assert words.distance(850, "en") == "850\u00a0m"
    assert words.distance(12500, "fr") == "12,5\u00a0km" and words.distance(50000, "en") == "50\u00a0km"
    assert words.distance(1234000, "en") == "1,234\u00a0km" and words.distance(math.nan, "en") == "—"
    day = datetime.date(2026, 3, 1)
    assert words.long_date(day, "en") == "1 March 2026" and words.long_date(day, "fr") == "1er mars 2026"
    assert words.statcan_attribution("en", "Census Profile, 2021") == (
        "Adapted from Statistics Canada, Census Profile, 2021. This does not constitute an endorsement by "
        "Statistics Canada of this product."
    )
    assert words.statcan_attribution("fr").startswith("Adapté de Statistique Canada, Profil du recensement")
    assert words.statcan_attribution("fr").endswith("Ceci ne constitue pas une approbation de ce produit par "
                                                    "Statistique Canada.")  # fmt: skip


def test_canada_s_total_is_the_sum_of_the_jurisdictions():
    rows = words.with_total(SUMMARY, THRESHOLDS)
    assert rows["CA"]["population"] == 4000 and rows["CA"]["pop_within_5km"] == 2100
    assert rows["CA"]["share_within_50km"] == pytest.approx(3390 / 4000)
    assert words.with_total({**SUMMARY, "CA": {"population": 1}}, THRESHOLDS)["CA"] == {"population": 1}


def test_coverage_lines_put_canada_beside_each_jurisdiction():
    lines = words.coverage_lines(SUMMARY, THRESHOLDS)
    nb_50 = next(line for line in lines if line.jurisdiction == "13" and line.threshold_m == 50000)
    assert (nb_50.within, nb_50.share, nb_50.total_within) == (990, 0.99, 3390)
    assert nb_50.texts("fr") == {"distance": "à 50\u00a0km ou moins", "people": "990", "share": "99,0\u00a0%",
                                 "total_people": "3\u00a0390", "total_share": "84,8\u00a0%"}  # fmt: skip
    assert {line.jurisdiction for line in lines} == {"13", "59", "CA"} and len(lines) == 6


def test_distance_bands_are_the_differences_of_the_cumulative_figures():
    bands = words.distance_bands(SUMMARY["59"], THRESHOLDS)
    assert bands == [(0.0, 5000.0, 1500.0), (5000.0, 50000.0, 900.0), (50000.0, math.inf, 600.0)]
    assert [words.band_label(a, b, "en") for a, b, _ in bands] == [
        "0–5\u00a0km",
        "5–50\u00a0km",
        "beyond 50\u00a0km",
    ]
    assert words.band_label(50000.0, math.inf, "fr") == "au-delà de 50\u00a0km"


def test_headlines_and_filters_in_the_report_s_language():
    assert (
        words.headline(SUMMARY["59"], THRESHOLDS, "en")
        == "3,000 people; 80.0 % live within 50\u00a0km of a service point."
    )
    assert words.headline(SUMMARY["59"], THRESHOLDS, "fr").startswith(
        "3\u00a0000 personnes; 80,0\u00a0% habitent"
    )
    chosen = ServiceFilter(orders=("federal", "provincial"), channels=("in_person",))
    assert (
        words.describe_filter(chosen, "en") == "order of government: Federal, Provincial; channel: In person"
    )
    assert (
        words.describe_filter(chosen, "fr")
        == "ordre de gouvernement : Fédéral, Provincial; canal : En personne"
    )
    assert words.describe_filter(ServiceFilter(), "fr") == "tous les points de service"


def test_official_language_lines_keep_that_analysis_s_own_canada_row():
    summary = {"13": {"minority_language": "fr", "minority_population": 100.0, "pop_within_5km": 50.0,
                      "share_within_5km": 0.5},
               "CA": {"minority_language": "fr", "minority_population": 400.0, "pop_within_5km": 100.0,
                      "share_within_5km": 0.25}}  # fmt: skip
    lines = words.language_lines(summary, (5000.0,))
    assert [(line.jurisdiction, line.total_share) for line in lines] == [("13", 0.25), ("CA", 0.25)]
    assert words.minority_sentence(summary["13"], "en") == (
        "Francophone minority (first official language French): 100 people."
    )
