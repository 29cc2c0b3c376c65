"""Write the report's layout templates, crs_plugin/resources/report/report_<en|fr>.qpt.

    python scripts/make_report_templates.py

The .qpt files are what ships and what ``crs:report`` reads; this script is how they were
first drawn (A4 portrait: page 1 the cover, pages 2 and 3 one jurisdiction's section). An
analyst changes a template in QGIS's layout designer instead (see
crs_plugin/resources/report/README.md): item ids and the ``@crs_report_*`` variables are the
contract between a template and the report.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsBasicNumericFormat,
    QgsCoordinateReferenceSystem,
    QgsFillSymbol,
    QgsLayoutFrame,
    QgsLayoutItem,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutMeasurement,
    QgsLayoutObject,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLayoutTableStyle,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProject,
    QgsProperty,
    QgsReadWriteContext,
    QgsRectangle,
    QgsScaleBarSettings,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt  # noqa: E402
from qgis.PyQt.QtGui import QColor, QFont  # noqa: E402

from crs_plugin.core.report import text  # noqa: E402
from crs_plugin.report.layout import TEMPLATE_DIR  # noqa: E402

MM = QgsUnitTypes.LayoutMillimeters
FONT = "DejaVu Sans"
BLUE = "#1a5e9a"
INK = "#222222"
ATLAS_NAME = "attribute(@atlas_feature, 'name')"


def font(size: float, bold: bool = False) -> QFont:
    qfont = QFont(FONT)
    qfont.setPointSizeF(size)
    qfont.setBold(bold)
    return qfont


def label(layout, item_id, content, page, rect, size, bold=False, colour=INK, align=Qt.AlignLeft):
    item = QgsLayoutItemLabel(layout)
    item.setId(item_id)
    item.setText(content)
    item.setFont(font(size, bold))
    item.setFontColor(QColor(colour))
    item.setHAlign(align)
    item.setVAlign(Qt.AlignTop)
    layout.addLayoutItem(item)
    place(item, page, rect)
    return item


def place(item, page, rect) -> None:
    x, y, w, h = rect
    item.attemptResize(QgsLayoutSize(w, h, MM))
    item.attemptMove(QgsLayoutPoint(x, y, MM), True, False, page)


def band(layout, item_id, page, height) -> None:
    shape = QgsLayoutItemShape(layout)
    shape.setId(item_id)
    shape.setShapeType(QgsLayoutItemShape.Rectangle)
    shape.setSymbol(QgsFillSymbol.createSimple({"color": BLUE, "outline_style": "no"}))
    layout.addLayoutItem(shape)
    place(shape, page, (0, 0, 210, height))


def text_format(size, bold=False) -> QgsTextFormat:
    fmt = QgsTextFormat()
    fmt.setFont(font(size, bold))
    fmt.setSize(size)
    fmt.setSizeUnit(QgsUnitTypes.RenderPoints)
    fmt.setColor(QColor(INK))
    return fmt


def table(layout, item_id, page, rect, columns, empty_message, max_rows=None) -> None:
    """An attribute table whose layer and filter the report sets; ``columns`` are (heading, field,
    width mm, right-aligned)."""
    multiframe = QgsLayoutItemAttributeTable.create(layout)
    layout.addMultiFrame(multiframe)
    cols = []
    for heading, field, width, right in columns:
        column = QgsLayoutTableColumn(heading)
        column.setAttribute(field)
        column.setWidth(width)
        column.setHAlignment(Qt.AlignRight if right else Qt.AlignLeft)
        cols.append(column)
    multiframe.setColumns(cols)
    multiframe.setHeaderTextFormat(text_format(7, bold=True))
    multiframe.setContentTextFormat(text_format(7))
    multiframe.setHeaderHAlignment(QgsLayoutTable.FollowColumn)
    multiframe.setCellMargin(1.0)
    multiframe.setGridStrokeWidth(0.15)
    multiframe.setGridColor(QColor("#c8c8c8"))
    multiframe.setHorizontalGrid(True)
    multiframe.setVerticalGrid(False)
    multiframe.setShowGrid(True)
    multiframe.setWrapBehavior(QgsLayoutTable.WrapText)
    multiframe.setEmptyTableBehavior(QgsLayoutTable.ShowMessage)
    multiframe.setEmptyTableMessage(empty_message)
    multiframe.setResizeMode(QgsLayoutItemAttributeTable.UseExistingFrames)
    multiframe.setFilterFeatures(True)
    multiframe.setFeatureFilter("\"jurisdiction\" = attribute(@atlas_feature, 'code')")
    if max_rows:
        multiframe.setMaximumNumberOfFeatures(max_rows)
    header = QgsLayoutTableStyle()
    header.enabled = True
    header.cellBackgroundColor = QColor("#dde7f0")
    multiframe.setCellStyle(QgsLayoutTable.HeaderRow, header)
    odd = QgsLayoutTableStyle()
    odd.enabled = True
    odd.cellBackgroundColor = QColor("#f4f6f9")
    multiframe.setCellStyle(QgsLayoutTable.EvenRows, odd)
    frame = QgsLayoutFrame(layout, multiframe)
    frame.setId(item_id)
    multiframe.addFrame(frame)
    place(frame, page, rect)


def picture(layout, item_id, page, rect, field) -> None:
    item = QgsLayoutItemPicture(layout)
    item.setId(item_id)
    item.setMode(QgsLayoutItemPicture.FormatSVG)
    item.setResizeMode(QgsLayoutItemPicture.Zoom)
    item.setPictureAnchor(QgsLayoutItem.UpperLeft)
    item.dataDefinedProperties().setProperty(
        QgsLayoutObject.PictureSource, QgsProperty.fromExpression(f"attribute(@atlas_feature, '{field}')")
    )
    layout.addLayoutItem(item)
    place(item, page, rect)


def left_out_when(item, expression: str) -> None:
    """The item is not exported (not drawn in the PDF) where ``expression`` is true."""
    item.dataDefinedProperties().setProperty(
        QgsLayoutObject.ExcludeFromExports, QgsProperty.fromExpression(expression)
    )


def build(language: str, project: QgsProject) -> QgsPrintLayout:
    def t(key):
        return text(key, language)

    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(t("title"))
    pages = layout.pageCollection()
    pages.page(0).setPageSize(QgsLayoutSize(210, 297, MM))
    for _ in range(2):
        page = QgsLayoutItemPage(layout)
        page.setPageSize(QgsLayoutSize(210, 297, MM))
        pages.addPage(page)

    # -- page 1: the cover ----------------------------------------------------------------------
    band(layout, "cover_band", 0, 14)
    label(layout, "cover_title", "[% @crs_report_title %]", 0, (15, 40, 180, 34), 24, bold=True, colour=BLUE)
    label(layout, "cover_date", "[% @crs_report_date %]", 0, (15, 76, 180, 8), 12)
    label(layout, "cover_analyses", "[% @crs_report_analyses %]", 0, (15, 86, 180, 22), 9.5)
    label(layout, "cover_contents_heading", t("contents"), 0, (15, 112, 180, 8), 13, bold=True, colour=BLUE)
    label(layout, "cover_contents", "[% @crs_report_contents %]", 0, (15, 121, 180, 50), 10)
    label(layout, "cover_sources_heading", t("sources"), 0, (15, 174, 180, 8), 13, bold=True, colour=BLUE)
    label(layout, "cover_sources", "[% @crs_report_sources %]", 0, (15, 183, 180, 54), 8)
    label(layout, "cover_method_heading", t("method"), 0, (15, 240, 180, 8), 13, bold=True, colour=BLUE)
    label(layout, "cover_method", "[% @crs_report_method %]", 0, (15, 249, 180, 30), 8)
    label(layout, "cover_produced", "[% @crs_report_produced %]", 0, (15, 284, 180, 6), 7, colour="#666666")

    # -- page 2: map, coverage table, distance chart ----------------------------------------------
    band(layout, "section_band", 1, 6)
    label(layout, "section_title", f"[% {ATLAS_NAME} %]", 1, (12, 9, 186, 10), 18, bold=True, colour=BLUE)
    label(layout, "section_headline", "[% attribute(@atlas_feature, 'headline') %]", 1, (12, 20, 186, 7), 9.5)
    label(layout, "map_heading", t("map_heading"), 1, (12, 29, 186, 6), 10.5, bold=True)
    map_item = QgsLayoutItemMap(layout)
    map_item.setId("map")
    map_item.setCrs(QgsCoordinateReferenceSystem("EPSG:3347"))
    map_item.setFrameEnabled(True)
    map_item.setFrameStrokeColor(QColor("#888888"))
    map_item.setFrameStrokeWidth(QgsLayoutMeasurement(0.2, MM))
    map_item.setKeepLayerSet(True)
    layout.addLayoutItem(map_item)
    place(map_item, 1, (12, 36, 186, 128))
    # Canada in EPSG:3347, at the frame's proportions (the atlas keeps them).
    map_item.setExtent(QgsRectangle(3.6e6, 0.3e6, 9.1e6, 0.3e6 + 5.5e6 * 128 / 186))
    map_item.setAtlasDriven(True)
    map_item.setAtlasScalingMode(QgsLayoutItemMap.Auto)
    map_item.setAtlasMargin(0.06)

    scalebar = QgsLayoutItemScaleBar(layout)
    scalebar.setId("scalebar")
    scalebar.setStyle("Single Box")
    scalebar.setLinkedMap(map_item)
    scalebar.setUnits(QgsUnitTypes.DistanceKilometers)
    scalebar.setUnitLabel("km")
    scalebar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFitWidth)
    scalebar.setMinimumBarWidth(25)
    scalebar.setMaximumBarWidth(50)
    scalebar.setNumberOfSegments(2)
    scalebar.setNumberOfSegmentsLeft(0)
    scalebar.setHeight(2)
    scalebar.setTextFormat(text_format(7))
    numbers = QgsBasicNumericFormat()
    numbers.setShowThousandsSeparator(True)
    numbers.setThousandsSeparator("\u00a0" if language == "fr" else ",")
    numbers.setDecimalSeparator("," if language == "fr" else ".")
    numbers.setNumberDecimalPlaces(0)
    scalebar.setNumericFormat(numbers)
    scalebar.setBackgroundEnabled(True)
    scalebar.setBackgroundColor(QColor(255, 255, 255, 220))
    layout.addLayoutItem(scalebar)
    place(scalebar, 1, (15, 153, 60, 9))

    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setTitle(t("legend"))
    legend.setLinkedMap(map_item)
    legend.setAutoUpdateModel(False)
    legend.setLegendFilterByMapEnabled(True)
    legend.setColumnCount(3)
    legend.setSplitLayer(False)  # a layer's classes stay together, one layer per column
    legend.setEqualColumnWidth(False)
    legend.setSymbolWidth(4)
    legend.setSymbolHeight(3)
    legend.setResizeToContents(False)
    for style, size, bold in ((QgsLegendStyle.Title, 8.5, True), (QgsLegendStyle.Group, 7.5, True),
                              (QgsLegendStyle.Subgroup, 7, True), (QgsLegendStyle.SymbolLabel, 6.5, False)):  # fmt: skip
        legend.setStyleFont(style, font(size, bold))
    layout.addLayoutItem(legend)
    place(legend, 1, (12, 166, 186, 40))

    label(layout, "coverage_heading", t("coverage_heading"), 1, (12, 208, 112, 6), 10, bold=True)
    table(layout, "coverage_table", 1, (12, 215, 112, 40), (
        (t("col_distance"), "distance", 25, False), (t("col_people"), "people", 19, True),
        (t("col_share"), "share", 14, True), (t("col_total_people"), "total_people", 22, True),
        (t("col_total_share"), "total_share", 17, True),
    ), "—")  # fmt: skip
    label(layout, "chart_heading", t("chart_heading"), 1, (130, 208, 68, 10), 9, bold=True)
    picture(layout, "distance_chart", 1, (130, 219, 68, 60), "chart")

    # -- page 3: gaps, co-location, official languages, planner ---------------------------------
    band(layout, "section_band_2", 2, 6)
    label(layout, "section_title_continued", f"[% {ATLAS_NAME} %] {t('continued')}", 2, (12, 9, 186, 9), 14,
          bold=True, colour=BLUE)  # fmt: skip
    label(layout, "gaps_heading", t("gaps_heading"), 2, (12, 21, 186, 10), 10, bold=True)
    table(layout, "gaps_table", 2, (12, 32, 186, 58), (
        (t("col_rank"), "rank", 14, True), (t("col_area"), "area", 60, False),
        (t("col_left_out"), "people", 40, True), (t("col_nearest"), "distance", 60, True),
    ), t("gaps_empty"))  # fmt: skip
    label(layout, "colocation_heading", t("colocation_heading"), 2, (12, 93, 186, 10), 10, bold=True)
    table(layout, "colocation_table", 2, (12, 104, 186, 94), (
        (t("col_point"), "point", 62, False), (t("col_partner"), "partner", 62, False),
        (t("col_apart"), "apart", 16, True), (t("col_shared"), "shared", 38, False),
    ), t("colocation_empty"))  # fmt: skip
    label(layout, "languages_heading", t("languages_heading"), 2, (12, 201, 112, 10), 10, bold=True)
    label(
        layout, "languages_minority", "[% attribute(@atlas_feature, 'minority') %]", 2, (12, 212, 112, 8), 7.5
    )
    table(layout, "languages_table", 2, (12, 221, 112, 34), (
        (t("col_distance"), "distance", 28, False), (t("col_minority"), "people", 30, True),
        (t("col_share"), "share", 18, True), (t("col_total_share"), "total_share", 28, True),
    ), t("languages_empty"))  # fmt: skip
    heading = label(layout, "planner_heading", t("planner_heading"), 2, (130, 201, 68, 10), 9, bold=True)
    picture(layout, "planner_chart", 2, (130, 212, 68, 62), "planner_chart")
    left_out_when(heading, "length(coalesce(attribute(@atlas_feature, 'planner_chart'), '')) = 0")

    for page in (1, 2):
        suffix = "" if page == 1 else "_2"
        label(layout, f"footer_attribution{suffix}", "[% @crs_report_attribution %]", page, (12, 280, 186, 7), 6.5,
              colour="#666666")  # fmt: skip
        label(layout, f"footer{suffix}", f"[% @crs_report_title %] — [% {ATLAS_NAME} %] — [% @crs_report_date %]",
              page, (12, 288, 186, 5), 7, colour="#666666")  # fmt: skip

    atlas = layout.atlas()
    atlas.setEnabled(True)
    atlas.setPageNameExpression(ATLAS_NAME)
    atlas.setSortFeatures(True)
    atlas.setSortExpression('"sort_key"')
    return layout


def main() -> None:
    app = QgsApplication([], False)
    app.initQgis()
    TEMPLATE_DIR.mkdir(parents=True, exist_ok=True)
    for language in ("en", "fr"):
        project = QgsProject()
        layout = build(language, project)
        path = TEMPLATE_DIR / f"report_{language}.qpt"
        if not layout.saveAsTemplate(str(path), QgsReadWriteContext()):
            raise SystemExit(f"could not write {path}")
        print(path)
    del app


if __name__ == "__main__":
    main()
