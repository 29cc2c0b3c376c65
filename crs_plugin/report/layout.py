"""The report's layouts: a template read, split into its cover and its per-jurisdiction section,
bound to the report's layers, assembled into a QGIS report and exported to PDF.

A template is one print layout (.qpt): page 1 is the cover, the pages after it are one
jurisdiction's section, repeated for each feature of the jurisdictions layer (an atlas in the
layout designer, a field-group section of a ``QgsReport`` when exported). The report finds the
template's items by id (see resources/report/README.md) and gives them their layers; everything
else (positions, fonts, headings, added items) is the template's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import (
    QgsFeedback,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItem,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemScaleBar,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsReadWriteContext,
    QgsRenderContext,
    QgsReport,
    QgsReportSectionFieldGroup,
    QgsVectorLayer,
)
from qgis.PyQt.QtXml import QDomDocument

from ..core.errors import CrsServicePointsError
from ..core.i18n import tr

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "resources" / "report"
#: Items that belong to an analysis: left out of the layout when the report does not run it.
ANALYSIS_PREFIXES = {
    "gaps": "gaps_",
    "colocation": "colocation_",
    "languages": "languages_",
    "planner": "planner_",
}
#: The tables the report fills: item id -> key of ``ReportLayers.tables``.
TABLES = ("coverage_table", "gaps_table", "colocation_table", "languages_table")
#: The jurisdictions layer's field the section iterates on (ascending): Canada first.
SORT_FIELD = "sort_key"
#: Layer property: the legend shows its one symbol without the layer's title above it.
LEGEND_TITLE_HIDDEN = "crs_report/legend_title_hidden"


class ReportError(CrsServicePointsError):
    """A template that cannot be used, or an export that failed."""


def default_template(language: str) -> Path:
    return TEMPLATE_DIR / f"report_{'fr' if language.startswith('fr') else 'en'}.qpt"


def read_template(path) -> QDomDocument:
    try:
        content = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ReportError(
            tr("The report template {path} cannot be read: {strerror}.").format(
                path=path, strerror=exc.strerror
            )
        ) from None
    document = QDomDocument()
    parsed, *_ = document.setContent(content)  # PyQt: (ok, message, line, column)
    if not parsed or document.documentElement().tagName() != "Layout":
        raise ReportError(
            tr("The report template {path} is not a QGIS layout template (.qpt).").format(path=path)
        )
    return document


def load_layout(document: QDomDocument, project, name: str = "") -> QgsPrintLayout:
    layout = QgsPrintLayout(project)
    _items, ok = layout.loadFromTemplate(document, QgsReadWriteContext())
    if not ok:
        raise ReportError(tr("The report template could not be loaded into a layout."))
    if layout.pageCollection().pageCount() < 2:
        raise ReportError(
            tr("The report template needs at least two pages: the cover, then a jurisdiction's section.")
        )
    if name:
        layout.setName(name)
    return layout


def section_pages(document: QDomDocument) -> int:
    """How many pages one jurisdiction's section has in a template (all but the cover)."""
    from qgis.core import QgsProject

    project = QgsProject()
    template = load_layout(document, project)
    count = template.pageCollection().pageCount() - 1
    del template  # before its project
    return count


def items_by_id(layout) -> dict[str, QgsLayoutItem]:
    return {item.id(): item for item in layout.items() if isinstance(item, QgsLayoutItem) and item.id()}


def _remove(layout, item: QgsLayoutItem) -> None:
    if isinstance(item, QgsLayoutFrame) and item.multiFrame() is not None:
        multiframe = item.multiFrame()
        if len(multiframe.frames()) == 1:
            layout.removeMultiFrame(multiframe)
    layout.removeLayoutItem(item)


def _layout_items(layout) -> list[QgsLayoutItem]:
    return [
        i for i in layout.items() if isinstance(i, QgsLayoutItem) and not isinstance(i, QgsLayoutItemPage)
    ]


def keep_pages(layout: QgsPrintLayout, first: int, last: int | None = None) -> None:
    """Only pages ``first``..``last`` (0-based, inclusive) and their items, moved to the top."""
    pages = layout.pageCollection()
    last = pages.pageCount() - 1 if last is None else last
    kept = []
    for item in _layout_items(layout):
        page = item.page()
        if first <= page <= last:
            kept.append((item, page - first, item.pagePositionWithUnits()))
        else:
            _remove(layout, item)
    for index in reversed(range(pages.pageCount())):
        if not first <= index <= last:
            pages.deletePage(index)
    for item, page, position in kept:  # the pages moved up; the items go with them
        item.attemptMove(position, True, False, page)


def split_template(document: QDomDocument, project, name: str) -> tuple[QgsPrintLayout, QgsPrintLayout]:
    """(cover, section) layouts from one template: page 1, and the pages after it."""
    cover = load_layout(document, project, name)
    keep_pages(cover, 0, 0)
    cover.atlas().setEnabled(False)
    section = load_layout(document, project, name)
    keep_pages(section, 1)
    return cover, section


@dataclass
class ReportLayers:
    jurisdictions: QgsVectorLayer
    map_layers: list  # top to bottom, as the map and its legend show them
    tables: dict = field(default_factory=dict)  # table item id -> layer
    analyses: set = field(default_factory=set)  # keys of ANALYSIS_PREFIXES the report ran


def bind(layout, layers: ReportLayers) -> list[str]:
    """Give the template's items the report's layers; leave out the items of analyses not run.
    Returns what the template lacks (ids of expected items), for the log."""
    for analysis, prefix in ANALYSIS_PREFIXES.items():
        if analysis not in layers.analyses:
            for item_id, item in items_by_id(layout).items():
                if item_id.startswith(prefix):
                    _remove(layout, item)
    items = items_by_id(layout)
    missing = []
    map_item = items.get("map")
    if isinstance(map_item, QgsLayoutItemMap):
        map_item.setLayers(layers.map_layers)
        map_item.setKeepLayerSet(True)
        map_item.setAtlasDriven(True)
    else:
        missing.append("map")
    for item in items.values():
        if isinstance(item, QgsLayoutItemLegend):
            _bind_legend(item, map_item, layers.map_layers)
        elif isinstance(item, QgsLayoutItemScaleBar) and map_item is not None and item.linkedMap() is None:
            item.setLinkedMap(map_item)
    for item_id in TABLES:
        layer = layers.tables.get(item_id)
        frame = items.get(item_id)
        if layer is None:
            continue
        if not isinstance(frame, QgsLayoutFrame) or not isinstance(
            frame.multiFrame(), QgsLayoutItemAttributeTable
        ):
            missing.append(item_id)
            continue
        _bind_table(frame.multiFrame(), layer)
    return missing


def _bind_legend(legend: QgsLayoutItemLegend, map_item, map_layers) -> None:
    if map_item is not None:
        legend.setLinkedMap(map_item)
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.removeAllChildren()
    for layer in map_layers:
        node = root.addLayer(layer)
        if layer.customProperty(LEGEND_TITLE_HIDDEN):  # one symbol, already named: no title above it
            QgsLegendRenderer.setNodeLegendStyle(node, QgsLegendStyle.Hidden)
    legend.updateLegend()


def _bind_table(table: QgsLayoutItemAttributeTable, layer: QgsVectorLayer) -> None:
    # Setting a table's layer resets its columns to the layer's fields: keep the template's.
    columns, sort = table.columns(), table.sortColumns()
    table.setVectorLayer(layer)
    table.setColumns(columns)
    table.setSortColumns(sort)
    table.refreshAttributes()


def bind_atlas(layout: QgsPrintLayout, jurisdictions: QgsVectorLayer) -> None:
    atlas = layout.atlas()
    atlas.setCoverageLayer(jurisdictions)
    atlas.setEnabled(True)
    atlas.setSortFeatures(True)
    atlas.setSortExpression(f'"{SORT_FIELD}"')


def make_report(project, cover, section, jurisdictions: QgsVectorLayer, name: str) -> QgsReport:
    """A QGIS report: the cover, then the section once per jurisdiction (by ``sort_key``)."""
    report = QgsReport(project)
    report.setName(name)
    report.setHeaderEnabled(True)
    report.setHeader(cover)
    group = QgsReportSectionFieldGroup(report)
    group.setLayer(jurisdictions)
    group.setField(SORT_FIELD)
    group.setBody(section)
    group.setBodyEnabled(True)
    report.appendChild(group)
    return report


def export_pdf(report: QgsReport, path: str, feedback=None) -> None:
    """The report as one PDF. ``feedback`` cancels it (QGIS's own progress for a report, whose page
    count it does not know beforehand, runs past 100 %: it is not passed on)."""
    if feedback is not None and feedback.isCanceled():
        return
    export_feedback = QgsFeedback()
    if feedback is not None:
        feedback.canceled.connect(export_feedback.cancel)
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = 200
    settings.rasterizeWholeImage = False
    # Text stays text: searchable, selectable, read by screen readers (and by the tests).
    settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
    settings.simplifyGeometries = True
    result, error = QgsLayoutExporter.exportToPdf(report, path, settings, export_feedback)
    if export_feedback.isCanceled():
        Path(path).unlink(missing_ok=True)  # no half-written report left behind
        return
    if result != QgsLayoutExporter.Success:
        raise ReportError(
            tr("The PDF could not be written to {path}: {error}.").format(
                path=path, error=error or tr("error {code}").format(code=result)
            )
        )
