"""crs:report on the sample, in English and French, read back as a reader reads the PDF.

The reports are run once per language (module fixture) with in-person points, gaps beyond
25 km and the project saved into a copy of the store; the analyses are run again on their own
with the same parameters, and every figure the PDF prints is compared with their outputs.
"""

from __future__ import annotations

import re
import shutil
import unicodedata

import numpy as np
import processing
import pytest
from qgis.core import (
    NULL,
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsLayoutItemLabel,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingProvider,
    QgsProject,
    QgsReadWriteContext,
    QgsReport,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from crs_plugin.core import report as words
from crs_plugin.report.content import Tables
from crs_plugin.report.layout import default_template, export_pdf, items_by_id, read_template
from tests.pdf import ink, page_pixels, pages_text, region

LANGUAGES = {"en": 0, "fr": 1}
#: Sections in the order the report prints them: Canada, then Statistics Canada's order (PRUID).
SECTIONS = (("CA", "Canada", "Canada"), ("13", "New Brunswick", "Nouveau-Brunswick"),
            ("59", "British Columbia", "Colombie-Britannique"))  # fmt: skip
THRESHOLDS_M = (5000.0, 10000.0, 25000.0, 50000.0)
GAP_M = 25000.0


def value(v):
    return None if v is None or v == NULL else v


def in_order(phrase: str, text: str) -> bool:
    """True when the phrase's words are in the text in order: pdftotext lays a heading that wraps
    beside another one line by line, interleaved with its neighbour's words."""
    position = 0
    for word in phrase.split():
        position = text.find(word, position)
        if position < 0:
            return False
        position += len(word)
    return True


def flat(text: str) -> str:
    """Text as one line: ligatures unfolded (pdftotext gives 'ﬁ'), runs of spaces as one."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


@pytest.fixture(scope="module")
def provider(qgis_processing):
    from crs_plugin.processing.provider import CrsProvider
    from tests.conftest import _KEEP_ALIVE

    if QgsApplication.processingRegistry().providerById("crs") is None:
        crs = CrsProvider()
        QgsApplication.processingRegistry().addProvider(crs)
        _KEEP_ALIVE.append(crs)


class Messages(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.warnings: list[str] = []

    def pushWarning(self, warning):  # noqa: N802 - QGIS API
        self.warnings.append(warning)
        super().pushWarning(warning)


@pytest.fixture(scope="module")
def run(provider, sample_store, census_copy, tmp_path_factory):
    """A report of the sample, returned with its results; the project goes into a copy of the store."""
    out = tmp_path_factory.mktemp("report")
    store = out / "crs.gpkg"
    shutil.copy(sample_store, store)
    inputs = {"INPUT": f"{census_copy}|layername=dissemination_areas",
              "SERVICE_POINTS": f"{store}|layername=service_points", "CHANNELS": [0]}  # fmt: skip

    def report(language: str, **params):
        feedback = Messages()
        pdf = out / f"report_{language}_{len(list(out.glob('*.pdf')))}.pdf"
        result = processing.run("crs:report", {**inputs, "GAP_DISTANCE": GAP_M, "LANGUAGE": LANGUAGES[language],
                                               "OUTPUT": str(pdf), **params}, feedback=feedback)  # fmt: skip
        return dict(result, pdf=pdf, warnings=feedback.warnings)

    report.inputs, report.store, report.out = inputs, store, out
    return report


@pytest.fixture(scope="module")
def reports(run):
    return {lang: run(lang, PROJECT_GEOPACKAGE=str(run.store)) for lang in LANGUAGES}


@pytest.fixture(scope="module")
def outputs(run):
    """The analyses on their own, with the report's parameters."""
    context = QgsProcessingContext()
    coverage = processing.run(
        "crs:coverage", {**run.inputs, "OUTPUT": "memory:", "SUMMARY": "memory:"}, context=context
    )
    canada = processing.run("crs:coverage", {**run.inputs, "GROUP_FIELD": "", "OUTPUT": "memory:",
                                             "SUMMARY": "memory:"}, context=context)  # fmt: skip
    gaps = processing.run("crs:servicegaps", {**run.inputs, "THRESHOLD": GAP_M, "OUTPUT": "memory:",
                                              "ZONES": "memory:"}, context=context)  # fmt: skip
    pairs = processing.run("crs:colocationcandidates", {"SERVICE_POINTS": run.inputs["SERVICE_POINTS"],
                                                        "CHANNELS": [0], "OUTPUT": "memory:"}, context=context)  # fmt: skip
    languages = processing.run("crs:officiallanguagecoverage", {**run.inputs, "THRESHOLDS_KM": "5, 10, 25, 50",
                               "OUTPUT": "memory:", "SUMMARY": "memory:", "UNSERVED": "memory:"}, context=context)  # fmt: skip

    def table(result, key):
        layer = result[key] if isinstance(result[key], QgsVectorLayer) else context.getMapLayer(result[key])
        names = layer.fields().names()
        return [{n: value(f[n]) for n in names} for f in layer.getFeatures()]

    points = QgsVectorLayer(run.inputs["SERVICE_POINTS"], "points", "ogr")
    return {
        # Per jurisdiction: crs:coverage's last row (all areas) is Canada's total, checked below.
        "coverage": {r["jurisdiction"]: r for r in table(coverage, "SUMMARY") if r["jurisdiction"] != "all"},
        "all_areas": next(r for r in table(coverage, "SUMMARY") if r["jurisdiction"] == "all"),
        "canada": table(canada, "SUMMARY")[0],
        "gaps": sorted(table(gaps, "OUTPUT"), key=lambda r: r["gap_rank"]),
        "pairs": table(pairs, "OUTPUT"),
        "languages": {r["jurisdiction"]: r for r in table(languages, "SUMMARY")},
        "province": {f["point_id"]: f["province"] for f in points.getFeatures()},
    }


def section_pages(pages, code):
    """(map page, continued page) texts of a section."""
    index = [c for c, _, _ in SECTIONS].index(code)
    return pages[1 + 2 * index], pages[2 + 2 * index]


def numbers(text: str, language: str) -> list[float]:
    """The figures of a table line as printed: '1,314,480 61.3 %' / '1 314 480 61,3 %'."""
    if language == "fr":
        text = re.sub(r"(?<=\d) (?=\d{3}\b)", "", text).replace(",", ".")
    else:
        text = text.replace(",", "")
    return [float(v) for v in re.findall(r"\d+(?:\.\d+)?", text)]


# -- pages and titles ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_cover_then_two_pages_per_jurisdiction_with_their_titles(reports, language):
    result = reports[language]
    pages = pages_text(result["pdf"])
    assert len(pages) == result["PAGES"] == 7 and result["SECTIONS"] == 3
    cover = flat(pages[0])
    assert flat(words.text("title", language)) in cover
    for heading in ("contents", "sources", "method"):
        assert words.text(heading, language) in cover
    for page, (code, english, french) in zip((2, 4, 6), SECTIONS):
        name = french if language == "fr" else english
        assert words.text("contents_line", language, name=name, page=page) in cover
        first, continued = section_pages(pages, code)
        assert flat(first).startswith(name), first[:80]
        assert flat(continued).startswith(f"{name} {words.text('continued', language)}")
        for key in ("map_heading", "coverage_heading", "chart_heading", "legend"):
            assert flat(words.text(key, language)) in flat(first), key
        for key in ("gaps_heading", "colocation_heading", "languages_heading"):
            heading = words.text(key, language).replace(
                "[% @crs_gap_distance %]", words.distance(GAP_M, language)
            )
            heading = heading.replace("[% @crs_colocation_distance %]", words.distance(500, language))
            assert in_order(flat(heading).replace("\u00a0", " "), flat(continued)), key
        # Statistics Canada's attribution on every page that shows census figures.
        assert flat(words.statcan_attribution(language)).replace("\u00a0", " ") in flat(first)
    other = "fr" if language == "en" else "en"
    assert flat(words.text("coverage_heading", other)) not in flat(pages[1])


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_cover_names_the_sources_their_licences_and_statistics_canada(reports, language):
    from crs_plugin.core.catalogue import SAMPLE_CHANNEL_SOURCES, load_catalogue

    cover = flat(pages_text(reports[language]["pdf"])[0])
    for entry in load_catalogue().entries:
        if entry.id in SAMPLE_CHANNEL_SOURCES:  # not in the report's store
            assert flat(entry.title(language)) not in cover
            continue
        assert flat(entry.title(language)) in cover and flat(entry.licence) in cover, entry.id
    assert flat(words.statcan_attribution(language)).replace("\u00a0", " ") in cover
    assert words.long_date(__import__("datetime").date.today(), language) in cover
    assert "dissemination_areas (census_population.gpkg)" in cover  # the census layer, by table and file
    channel = "En personne" if language == "fr" else "In person"
    assert channel in cover  # which points: the filter in the report's language


# -- figures ------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_coverage_tables_print_crs_coverage_s_summary_with_canada_s_total(reports, outputs, language):
    pages = pages_text(reports[language]["pdf"])
    canada = outputs["canada"]
    for code, _, _ in SECTIONS:
        row = canada if code == "CA" else outputs["coverage"][code]
        lines = [
            line for line in section_pages(pages, code)[0].splitlines() if re.match(r"\s*(within|à) \d", line)
        ]
        assert len(lines) == len(THRESHOLDS_M), lines
        for line, threshold in zip(lines, THRESHOLDS_M):
            km = f"{threshold / 1000:g}"
            assert flat(line).startswith(words.within(threshold, language).replace("\u00a0", " "))
            printed = numbers(line.split("km", 1)[1], language)
            assert printed == [
                round(row[f"pop_within_{km}km"]), round(100 * row[f"share_within_{km}km"], 1),
                round(canada[f"pop_within_{km}km"]), round(100 * canada[f"share_within_{km}km"], 1),
            ], (code, line)  # fmt: skip
        headline = words.headline(row, THRESHOLDS_M, language).replace("\u00a0", " ")
        assert headline in flat(section_pages(pages, code)[0])
    # Canada's total is the sum of the jurisdictions' rows, and what an ungrouped run gives.
    for key in ("population", *(f"pop_within_{t / 1000:g}km" for t in THRESHOLDS_M)):
        assert sum(r[key] for r in outputs["coverage"].values()) == pytest.approx(canada[key])
        assert outputs["all_areas"][key] == pytest.approx(canada[key])


def test_the_chart_shows_the_summary_s_people_per_distance_band(reports, outputs, run):
    table = Tables(words.text("project_name", "en")).jurisdictions
    layer = QgsVectorLayer(f"{run.store}|layername={table}", "j", "ogr")
    bands = {f["code"]: [float(v) for v in f["bands"].split(";")] for f in layer.getFeatures()}
    for code, row in [("CA", outputs["canada"]), *outputs["coverage"].items()]:
        cumulative = [row[f"pop_within_{t / 1000:g}km"] for t in THRESHOLDS_M]
        expected = np.diff([0.0, *cumulative, row["population"]])
        np.testing.assert_allclose(bands[code], np.round(expected), atol=0.5)
        assert abs(sum(bands[code]) - row["population"]) < 1
    for feature in layer.getFeatures():
        assert feature["chart"].startswith("base64:")


@pytest.mark.parametrize("language", LANGUAGES)
def test_gaps_tables_list_crs_servicegaps_s_first_areas(reports, outputs, language):
    pages = pages_text(reports[language]["pdf"])
    for code, _, _ in SECTIONS:
        expected = [r for r in outputs["gaps"] if code == "CA" or r["PRUID"] == code][:10]
        rows = re.findall(
            r"^\s*(\d+)\s+(\d{8})\s+(\d[\d, ]*\d|\d)\s+([\d.,]+) km", section_pages(pages, code)[1], re.M
        )
        assert [r[1] for r in rows] == [e["DAUID"] for e in expected], code
        assert [numbers(r[2], language)[0] for r in rows] == [e["population_left_out"] for e in expected]
        assert [int(r[0]) for r in rows] == list(range(1, len(expected) + 1))
        shown = [numbers(r[3], language)[0] for r in rows]
        assert shown == pytest.approx([e["distance_m"] / 1000 for e in expected], abs=0.5)


@pytest.mark.parametrize("language", LANGUAGES)
def test_colocation_tables_list_the_closest_candidate_pairs(reports, outputs, language):
    pages = pages_text(reports[language]["pdf"])
    by_distance = sorted(outputs["pairs"], key=lambda r: r["distance_m"])
    province = {"13": "NB", "59": "BC"}
    for code, _, _ in SECTIONS:
        expected = [
            p for p in by_distance if code == "CA" or outputs["province"][p["a_point_id"]] == province[code]
        ]
        text = flat(section_pages(pages, code)[1])
        # The languages heading wraps beside the planner's: its first words mark the table's end.
        languages_start = " ".join(flat(words.text("languages_heading", language)).split()[:3])
        part = text[text.index(words.text("col_apart", language)) : text.index(languages_start)]
        printed = [float(m) for m in re.findall(r"\s(\d+) m\s", part)]
        assert printed == [round(p["distance_m"]) for p in expected[:10]], code
        assert len(expected) >= 3


@pytest.mark.parametrize("language", LANGUAGES)
def test_official_language_tables_print_that_analysis_s_summary(reports, outputs, language):
    pages = pages_text(reports[language]["pdf"])
    canada = outputs["languages"]["CA"]
    for code, _, _ in SECTIONS:
        row = outputs["languages"][code]
        text = section_pages(pages, code)[1]  # its only "within" lines are the languages table's
        lines = [line for line in text.splitlines() if re.match(r"\s*(within|à) \d", line)]
        assert len(lines) == 4
        for line, threshold in zip(lines, THRESHOLDS_M):
            km = f"{threshold / 1000:g}"
            assert numbers(line.split("km", 1)[1], language) == [
                round(row[f"pop_within_{km}km"]), round(100 * row[f"share_within_{km}km"], 1),
                round(100 * canada[f"share_within_{km}km"], 1),
            ]  # fmt: skip
        assert words.minority_sentence(row, language).replace("\u00a0", " ") in flat(text)


# -- maps ---------------------------------------------------------------------------------------


def template_box(item_id: str, language: str = "en"):
    """(x, y, width, height) in mm of a template item on its page."""
    project = QgsProject()
    layout = QgsPrintLayout(project)
    layout.loadFromTemplate(read_template(default_template(language)), QgsReadWriteContext())
    item = items_by_id(layout)[item_id]
    position, size = item.pagePositionWithUnits(), item.sizeWithUnits()
    box = (position.x(), position.y(), size.width(), size.height())
    del layout
    return box


@pytest.mark.parametrize("language", LANGUAGES)
def test_maps_and_charts_are_drawn(reports, language):
    pdf = reports[language]["pdf"]
    map_box, chart_box = template_box("map", language), template_box("distance_chart", language)
    federal_red = np.array([215, 25, 28])
    for page in (2, 4, 6):
        pixels = page_pixels(pdf, page, dpi=60)
        frame = region(pixels, map_box)
        # Canada's map is mostly the sea around two provinces; a province fills much of its frame.
        assert ink(frame) > (0.03 if page == 2 else 0.1), (page, ink(frame))
        colours = np.unique(frame.reshape(-1, 3) // 16, axis=0)
        assert len(colours) > 20, page  # density classes and point colours, not one flat fill
        red = (np.abs(frame.astype(int) - federal_red).max(axis=2) < 40).sum()
        assert red > 20, page  # federal points are drawn
        assert ink(region(pixels, chart_box)) > 0.03, page
    # The same box on the cover holds only text: no point colours, far fewer colours than a map.
    cover = region(page_pixels(pdf, 1, dpi=60), map_box)
    assert (np.abs(cover.astype(int) - federal_red).max(axis=2) < 40).sum() == 0
    drawn = region(page_pixels(pdf, 2, dpi=60), map_box)
    assert len(np.unique(cover.reshape(-1, 3) // 16, axis=0)) < len(
        np.unique(drawn.reshape(-1, 3) // 16, axis=0)
    )


# -- templates ----------------------------------------------------------------------------------


def test_the_user_s_edited_template_is_used(run, tmp_path):
    """An analyst's template: a heading reworded, an item moved, the chart left out, an item added."""
    project = QgsProject()
    layout = QgsPrintLayout(project)
    layout.loadFromTemplate(read_template(default_template("en")), QgsReadWriteContext())
    items = items_by_id(layout)
    items["coverage_heading"].setText("People near a service point (edited)")
    layout.removeLayoutItem(items["distance_chart"])
    layout.removeLayoutItem(items["chart_heading"])
    note = QgsLayoutItemLabel(layout)
    note.setText("Prepared for the deputy ministers' table — [% attribute(@atlas_feature, 'code') %]")
    layout.addLayoutItem(note)
    note.attemptResize(QgsLayoutSize(68, 10, QgsUnitTypes.LayoutMillimeters))
    note.attemptMove(QgsLayoutPoint(130, 230, QgsUnitTypes.LayoutMillimeters), True, False, 1)
    template = tmp_path / "edited.qpt"
    assert layout.saveAsTemplate(str(template), QgsReadWriteContext())
    del layout
    result = run("en", TEMPLATE=str(template), ANALYSES=[0])
    pages = pages_text(result["pdf"], layout=False)
    assert len(pages) == 7
    assert "People near a service point (edited)" in pages[3]
    assert words.text("chart_heading", "en") not in flat(pages[3])
    assert "Prepared for the deputy ministers' table — 13" in flat(pages[3])
    # Only gaps were chosen: the co-location and language parts are left out of the pages.
    assert flat(words.text("colocation_heading", "en"))[:30] not in flat(pages[4])
    assert words.text("gaps_heading", "en")[:20] in flat(pages[4])


def test_a_template_that_is_not_a_layout_is_refused(run, tmp_path):
    bad = tmp_path / "bad.qpt"
    bad.write_text("not xml")
    with pytest.raises(QgsProcessingException, match="not a QGIS layout template"):
        run("en", TEMPLATE=str(bad))


def test_sections_from_a_boundary_layer_and_the_planner_s_curve(run, reports):
    """A boundary layer (its code field matching the census's PRUID) and a planner curve table."""
    table = Tables(words.text("project_name", "en")).jurisdictions  # the English report's
    boundaries = QgsVectorLayer(f"{run.store}|layername={table}", "boundaries", "ogr")
    boundaries.setSubsetString("\"code\" <> 'CA'")
    curve = QgsVectorLayer("None?field=sites:integer&field=share_covered:double", "curve", "memory")
    features = []
    for sites, share in ((0, 0.90), (1, 0.93), (2, 0.95), (3, 0.96)):
        f = QgsFeature(curve.fields())
        f.setAttributes([sites, share])
        features.append(f)
    curve.dataProvider().addFeatures(features)
    result = run("en", BOUNDARIES=boundaries, BOUNDARY_FIELD="code", BOUNDARY_NAME_FIELD="name",
                 PLANNER_CURVE=curve)  # fmt: skip
    pages = pages_text(result["pdf"], layout=False)  # the planner's heading stands beside another
    assert [flat(p).split(" ")[0] for p in pages[1::2]] == ["Canada", "New", "British"]
    assert flat(words.text("planner_heading", "en")) in flat(pages[2])  # Canada's section
    assert flat(words.text("planner_heading", "en")) not in flat(
        pages[4]
    )  # a province's: no curve of its own
    assert pages_text(reports["en"]["pdf"], layout=False)[3].split("\n")[:12] == pages[3].split("\n")[:12]


# -- sharing: the project in the GeoPackage -----------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_colleague_opens_the_geopackage_and_gets_the_same_report(reports, run, tmp_path, language):
    moved = tmp_path / "elsewhere"
    moved.mkdir()
    shutil.copy(run.store, moved / run.store.name)  # another folder, as a colleague receives it
    uri = reports[language]["PROJECT"].replace(
        str(run.store.resolve()), str((moved / run.store.name).resolve())
    )
    project = QgsProject()
    assert project.read(uri), project.error()
    layers = list(project.mapLayers().values())
    assert len(layers) >= 12 and all(layer.isValid() for layer in layers), [
        layer.source() for layer in layers
    ]
    assert all(str(moved) in layer.source() for layer in layers)
    points = next(layer for layer in layers if layer.name() == words.text("layer_points", language))
    renderer = points.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer)
    labels = {c.value(): c.label() for c in renderer.categories()}
    assert labels["federal"] == ("Fédéral" if language == "fr" else "Federal")
    reports_in_project = [lay for lay in project.layoutManager().layouts() if isinstance(lay, QgsReport)]
    assert len(reports_in_project) == 1
    designer = project.layoutManager().printLayouts()
    assert (
        len(designer) == 1 and designer[0].atlas().enabled() and designer[0].atlas().coverageLayer().isValid()
    )
    again = tmp_path / "again.pdf"
    export_pdf(reports_in_project[0], str(again))
    original, reopened = pages_text(reports[language]["pdf"]), pages_text(again)
    assert [flat(p) for p in reopened] == [flat(p) for p in original]
    # Styles are in the GeoPackage too, for the tables opened on their own.
    import sqlite3

    with sqlite3.connect(moved / run.store.name) as db:
        styled = {row[0] for row in db.execute("SELECT f_table_name FROM layer_styles WHERE useAsDefault")}
    names = Tables(words.text("project_name", language))
    assert {names.service_points, names.jurisdictions, names.gap_areas, names.coverage_areas} <= styled
    project.clear()


# -- running it ---------------------------------------------------------------------------------


class CancelAfter(QgsProcessingFeedback):
    def __init__(self, step: int):
        super().__init__()
        self.step, self.started = step, 0

    def pushInfo(self, info):  # noqa: N802 - QGIS API
        if info.startswith("Running "):
            self.started += 1
            if self.started > self.step:
                self.cancel()
        super().pushInfo(info)


def test_cancel_stops_before_the_pdf(run, tmp_path):
    pdf = tmp_path / "cancelled.pdf"
    feedback = CancelAfter(1)
    with pytest.raises(QgsProcessingException):
        processing.run("crs:report", {**run.inputs, "OUTPUT": str(pdf)}, feedback=feedback)
    assert feedback.isCanceled() and not pdf.exists()


def test_cancel_while_the_layouts_are_drawn_leaves_no_pdf(run, tmp_path):
    pdf = tmp_path / "cancelled_late.pdf"
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(
        lambda progress: progress >= 75 and feedback.cancel()
    )  # the layouts' step
    results = processing.run(
        "crs:report", {**run.inputs, "ANALYSES": [], "OUTPUT": str(pdf)}, feedback=feedback
    )
    assert feedback.isCanceled() and "OUTPUT" not in results and not pdf.exists()


def test_qgis_process_writes_the_report(run, tmp_path, provider):
    from tests.qgis_process import qgis_process

    pdf = tmp_path / "qgis_process.pdf"
    qgis_process("run", "crs:report", "--", f"INPUT={run.inputs['INPUT']}",
                 f"SERVICE_POINTS={run.inputs['SERVICE_POINTS']}", "LANGUAGE=1", "ANALYSES=0", f"OUTPUT={pdf}")  # fmt: skip
    pages = pages_text(pdf)
    assert len(pages) == 7 and flat(pages[3]).startswith("Nouveau-Brunswick")


def test_progress_is_reported(run, tmp_path):
    feedback = QgsProcessingFeedback()
    feedback.values = []
    feedback.progressChanged.connect(feedback.values.append)
    processing.run(
        "crs:report", {**run.inputs, "ANALYSES": [], "OUTPUT": str(tmp_path / "p.pdf")}, feedback=feedback
    )
    assert feedback.values and max(feedback.values) >= 85 and feedback.values == sorted(feedback.values)


def test_without_a_jurisdiction_field_the_report_is_canada_s_section(run):
    result = run("en", GROUP_FIELD="", ANALYSES=[])
    pages = pages_text(result["pdf"])
    assert len(pages) == result["PAGES"] == 3 and result["SECTIONS"] == 1
    assert flat(pages[1]).startswith("Canada 2,145,335 people")
    assert words.text("gaps_heading", "en")[:20] not in flat(pages[2])  # no analysis chosen but coverage


class FakePlanner(QgsProcessingAlgorithm):
    """Stands in for crs:colocationplanner (another issue): points and areas in, a curve table out."""

    def name(self):
        return "colocationplanner"

    def displayName(self):
        return "Co-location planner (test)"

    def createInstance(self):
        return FakePlanner()

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource("INPUT", "Areas"))
        self.addParameter(QgsProcessingParameterFeatureSource("SERVICE_POINTS", "Points"))
        self.addParameter(QgsProcessingParameterFeatureSink("CURVE", "Curve", QgsProcessing.TypeVector))

    def processAlgorithm(self, parameters, context, feedback):
        fields = QgsFields()
        fields.append(QgsField("sites_added", QVariant.Int))
        fields.append(QgsField("cumulative_share", QVariant.Double))
        sink, dest = self.parameterAsSink(parameters, "CURVE", context, fields, QgsWkbTypes.NoGeometry,
                                          QgsCoordinateReferenceSystem())  # fmt: skip
        for sites, share in ((0, 88.0), (1, 91.5), (2, 93.0)):  # percentages: the report reads them as such
            feature = QgsFeature(fields)
            feature.setAttributes([sites, share])
            sink.addFeature(feature)
        return {"CURVE": dest}


class FakePlannerProvider(QgsProcessingProvider):
    def id(self):
        return "crstest"

    def name(self):
        return "CRS test"

    def loadAlgorithms(self):
        self.addAlgorithm(FakePlanner())


def test_an_installed_planner_is_run_and_its_curve_drawn(run, monkeypatch):
    from crs_plugin.report import planner
    from tests.conftest import _KEEP_ALIVE

    registry = QgsApplication.processingRegistry()
    if registry.providerById("crstest") is None:
        provider = FakePlannerProvider()
        registry.addProvider(provider)
        _KEEP_ALIVE.append(provider)
    monkeypatch.setattr(planner, "PLANNER_ALGORITHM", "crstest:colocationplanner")
    feedback_result = run("en", ANALYSES=[3])
    pages = pages_text(feedback_result["pdf"], layout=False)
    assert flat(words.text("planner_heading", "en")) in flat(pages[2])
    monkeypatch.setattr(planner, "PLANNER_ALGORITHM", "crs:not_installed")
    pages = pages_text(run("en", ANALYSES=[3])["pdf"], layout=False)
    assert flat(words.text("planner_heading", "en")) not in flat(pages[2])
