"""The report's layers in its own project: the maps' layers styled with the plugin's styles (labels in
the report's language), the analysis outputs styled as the algorithms style them, the report's
tables beside them, in groups a colleague finds their way in."""

from __future__ import annotations

from qgis.core import (
    QgsFillSymbol,
    QgsPalLayerSettings,
    QgsProject,
    QgsRuleBasedLabeling,
    QgsRuleBasedRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor, QFont

from ..core import report as words
from ..toolbelt.qgis_compat import LABEL_OVER_POINT
from ..toolbelt.styles import (
    style_distance,
    style_fill,
    style_lines,
    style_minority_language,
    style_population_density,
    style_service_points,
)
from .layout import LEGEND_TITLE_HIDDEN
from .project import open_layer

#: Only the current section's rows are drawn on its map (the Canada section has its own top list).
THIS_SECTION = "\"jurisdiction\" = attribute(@atlas_feature, 'code')"
#: Analysis outputs added to the saved project: (table, English name, French name, style, analysis).
OUTPUTS = (
    ("coverage_areas", "Distance to the nearest point", "Distance au point le plus proche",
     lambda layer, lang: style_distance(layer), None),
    ("coverage_summary", "Coverage summary", "Sommaire de la couverture", None, None),
    ("gap_areas", "Service gaps (ranked areas)", "Zones mal desservies (aires classées)",
     lambda layer, lang: style_distance(layer), "gaps"),
    ("gap_zones", "Gap zones", "Zones mal desservies (regroupées)",
     lambda layer, lang: style_fill(layer, "#d9843b"), "gaps"),
    ("colocation_pairs", "Co-location candidates", "Candidats à la colocalisation",
     lambda layer, lang: style_lines(layer, "#7b3294", 1.2), "colocation"),
    ("language_areas", "Official-language minority coverage", "Couverture des minorités de langue officielle",
     lambda layer, lang: style_minority_language(layer, lang), "languages"),
    ("language_summary", "Official-language minority summary", "Sommaire des minorités de langue officielle",
     None, "languages"),
)  # fmt: skip
TABLE_TITLES = {
    "coverage": ("Report: coverage table", "Rapport : tableau de couverture"),
    "colocation": ("Report: co-location table", "Rapport : tableau de colocalisation"),
    "languages": ("Report: official-language table", "Rapport : tableau des langues officielles"),
}
GROUPS = {
    "maps": ("Report maps", "Cartes du rapport"),
    "outputs": ("Analysis outputs", "Résultats des analyses"),
    "tables": ("Report tables", "Tableaux du rapport"),
}


def style_report_layers(project: QgsProject, gpkg: str, names, lang: str, chosen: set, tables: dict,
                        density_expression: str) -> dict:  # fmt: skip
    """Open, style and add one report's layers (``names``: its ``content.Tables``) to ``project``.
    ``tables`` maps the layout's table items to kinds of table. Returns the layers the layouts use:
    ``jurisdictions`` (the atlas), ``map`` (top to bottom) and ``tables`` (by item id)."""
    fr = lang.startswith("fr")
    root = project.layerTreeRoot()
    groups = {key: root.addGroup(titles[1] if fr else titles[0]) for key, titles in GROUPS.items()}

    points = open_layer(gpkg, names.service_points, words.text("layer_points", lang))
    style_service_points(points, lang, size_mm=1.8)
    boundary = open_layer(gpkg, names.jurisdictions, words.text("layer_boundary", lang))
    boundary.setRenderer(QgsRuleBasedRenderer(QgsFillSymbol.createSimple(
        {"style": "no", "outline_color": "#333333", "outline_width": "0.35"})))  # fmt: skip
    _only_this_section(boundary, "\"code\" = attribute(@atlas_feature, 'code')")
    density = open_layer(gpkg, names.coverage_areas, words.text("layer_density", lang))
    style_population_density(density, density_expression, lang)
    map_layers = [points]
    by_kind = {}
    if "gaps" in chosen:  # the gaps table's areas, outlined and numbered on the map
        gaps = open_layer(gpkg, names.gaps, words.text("layer_gaps", lang))
        gaps.setRenderer(QgsRuleBasedRenderer(QgsFillSymbol.createSimple(
            {"style": "no", "outline_color": "#d7301f", "outline_width": "0.6"})))  # fmt: skip
        _only_this_section(gaps, THIS_SECTION)
        _label_ranks(gaps)
        map_layers.append(gaps)
        by_kind["gaps"] = gaps
    map_layers += [boundary, density]
    for layer in map_layers:
        project.addMapLayer(layer, False)
        groups["maps"].addLayer(layer)

    for kind, english, french, style, analysis in OUTPUTS:
        if analysis is not None and analysis not in chosen:
            continue
        layer = open_layer(gpkg, getattr(names, kind), french if fr else english)
        if style is not None:
            style(layer, lang)
        project.addMapLayer(layer, False)
        groups["outputs"].addLayer(layer).setItemVisibilityChecked(False)

    for kind in tables.values():
        if kind not in by_kind:
            title = TABLE_TITLES[kind][1 if fr else 0]
            by_kind[kind] = open_layer(gpkg, getattr(names, kind), title)
            project.addMapLayer(by_kind[kind], False)
            groups["tables"].addLayer(by_kind[kind])
    return {"jurisdictions": boundary, "map": map_layers,
            "tables": {item: by_kind[kind] for item, kind in tables.items()}}  # fmt: skip


def _only_this_section(layer: QgsVectorLayer, expression: str) -> None:
    """Draw only the current atlas section's features (the rule's filter reads @atlas_feature)."""
    root = layer.renderer().rootRule()
    rule = root.children()[0]
    rule.setFilterExpression(expression)
    rule.setLabel(layer.name())
    layer.setCustomProperty(LEGEND_TITLE_HIDDEN, True)


def _label_ranks(layer: QgsVectorLayer) -> None:
    settings = QgsPalLayerSettings()
    settings.fieldName = "rank"
    settings.placement = LABEL_OVER_POINT
    fmt = QgsTextFormat()
    font = QFont("DejaVu Sans")
    font.setBold(True)
    fmt.setFont(font)
    fmt.setSize(7)
    fmt.setColor(QColor("#b30000"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor("white"))
    fmt.setBuffer(buffer)
    settings.setFormat(fmt)
    rule = QgsRuleBasedLabeling.Rule(settings)
    rule.setFilterExpression(THIS_SECTION)
    root = QgsRuleBasedLabeling.Rule(None)
    root.appendChild(rule)
    layer.setLabeling(QgsRuleBasedLabeling(root))
    layer.setLabelsEnabled(True)
