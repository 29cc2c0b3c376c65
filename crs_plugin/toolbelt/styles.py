"""Default symbology: service points by order of government, population density."""

from __future__ import annotations

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsGradientColorRamp,
    QgsGraduatedSymbolRenderer,
    QgsMarkerSymbol,
    QgsRendererCategory,
    QgsRendererRange,
    QgsSingleSymbolRenderer,
    QgsSymbol,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

from ..core.i18n import language as interface_language
from ..core.i18n import tr, translatable
from ..core.schema import CHANNELS, ORDERS_OF_GOVERNMENT
from ..core.wording import format_distance, format_minutes
from .qgis_compat import LABEL_AROUND_POINT, LABEL_OVER_POINT, place_markers_on_vertex

#: One colour per order of government (colour-blind-safe ColorBrewer hues).
ORDER_COLOURS = {
    "federal": "#d7191c",
    "provincial": "#2b83ba",
    "territorial": "#abd9e9",
    "municipal": "#1a9641",
    "indigenous": "#fdae61",
    "other": "#7f7f7f",
}


def style_service_points(layer: QgsVectorLayer, language: str = "en", size_mm: float = 2.2) -> None:
    """Categories per order of government; federal drawn last (on top), then provincial…"""
    categories = []
    count = len(ORDERS_OF_GOVERNMENT)
    for rank, choice in enumerate(ORDERS_OF_GOVERNMENT):
        symbol = QgsMarkerSymbol.createSimple(
            {
                "name": "circle",
                "color": ORDER_COLOURS[choice.code],
                "outline_color": "#222222",
                "outline_width": "0.2",
                "size": str(size_mm),
            }  # fmt: skip
        )
        symbol.symbolLayer(0).setRenderingPass(count - rank)
        categories.append(QgsRendererCategory(choice.code, symbol, choice.label(language)))
    attribute = "order_of_government"
    if {"channel", "service_region", "service_region_extent"} <= set(layer.fields().names()):
        # Call centres and digital services with a region are drawn by its outline, not as a pin.
        attribute = REGIONAL_EXPRESSION
        hidden = QgsMarkerSymbol.createSimple({"name": "circle", "size": str(size_mm)})
        label = ("Centres d'appels et services numériques (voir leur région)" if language.startswith("fr")
                 else "Call centres and digital services (see their region)")  # fmt: skip
        categories.append(QgsRendererCategory(REGION_CATEGORY, hidden, label, False))
    renderer = QgsCategorizedSymbolRenderer(attribute, categories)
    renderer.setUsingSymbolLevels(True)
    layer.setRenderer(renderer)
    layer.triggerRepaint()


#: Names are written on the map from this scale down (closer): at province scale they would cover it.
LABEL_MAX_SCALE = 250_000


def name_expression(language: str = "en") -> str:
    """A point's name in the interface language, the other language where it has none."""
    first, second = ("name_fr", "name_en") if language.startswith("fr") else ("name_en", "name_fr")
    return f'coalesce("{first}", "{second}", "organization")'


def label_service_points(layer: QgsVectorLayer, language: str = "en") -> None:
    """Each point's name beside it, in the interface language, when zoomed in to a city."""
    from qgis.core import (
        QgsPalLayerSettings,
        QgsTextBufferSettings,
        QgsTextFormat,
        QgsVectorLayerSimpleLabeling,
    )

    settings = QgsPalLayerSettings()
    settings.fieldName = name_expression(language)
    settings.isExpression = True
    settings.placement = LABEL_AROUND_POINT
    settings.dist = 1.0
    settings.scaleVisibility = True
    settings.maximumScale = 0  # no limit when zooming in
    settings.minimumScale = LABEL_MAX_SCALE
    text = QgsTextFormat()
    text.setSize(8)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.7)
    text.setBuffer(buffer)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    # Identify results, map tips and the attribute table's form view name each point the same way.
    layer.setDisplayExpression(name_expression(language))


REGION_CATEGORY = "service_region"
REGIONAL_EXPRESSION = (
    "CASE WHEN \"channel\" IN ('call_centre', 'digital') AND (coalesce(\"service_region\", '') <> '' "
    f"OR coalesce(\"service_region_extent\", '') <> '') THEN '{REGION_CATEGORY}' ELSE \"order_of_government\" END"
)
#: Outline colour of each channel's service regions.
CHANNEL_COLOURS = {"call_centre": "#8a3ffc", "digital": "#007d79"}


def style_service_regions(layer: QgsVectorLayer, language: str = "en") -> None:
    """Service regions as dashed outlines (no fill), one colour per channel."""
    categories = []
    for choice in CHANNELS:
        if choice.code not in CHANNEL_COLOURS:
            continue
        symbol = QgsFillSymbol.createSimple({
            "style": "no", "outline_color": CHANNEL_COLOURS[choice.code], "outline_width": "0.7",
            "outline_style": "dash",
        })  # fmt: skip
        categories.append(QgsRendererCategory(choice.code, symbol, choice.label(language)))
    layer.setRenderer(QgsCategorizedSymbolRenderer("channel", categories))
    layer.triggerRepaint()


#: People per km²: decades, because densities span five orders of magnitude.
DENSITY_BREAKS = (0.0, 1.0, 10.0, 100.0, 1000.0, 1e9)


def style_population_density(layer: QgsVectorLayer, expression: str, language: str = "en") -> None:
    ramp = QgsGradientColorRamp(QColor("#f7f4ec"), QColor("#5b3f7a"))
    fr = language.startswith("fr")

    def number(value: float) -> str:
        return f"{value:,.0f}".replace(",", "\u00a0") if fr else f"{value:,.0f}"

    ranges = []
    for i, (low, high) in enumerate(zip(DENSITY_BREAKS, DENSITY_BREAKS[1:])):
        symbol = QgsSymbol.defaultSymbol(layer.geometryType())
        symbol.setColor(ramp.color(i / (len(DENSITY_BREAKS) - 2)))
        symbol.symbolLayer(0).setStrokeColor(QColor(255, 255, 255, 90))
        symbol.symbolLayer(0).setStrokeWidth(0.05)
        if high < 1e9:
            label = f"{number(low)} – {number(high)}"
        else:
            label = f"{number(low)} ou plus" if fr else f"{number(low)} or more"
        ranges.append(QgsRendererRange(low, high, symbol, label))
    layer.setRenderer(QgsGraduatedSymbolRenderer(expression, ranges))
    layer.triggerRepaint()


def style_classes(layer: QgsVectorLayer, expression: str, classes, outline: str = "#ffffff") -> None:
    """Graduated style from (lower, upper, colour, label) tuples (labels marked translatable are
    shown in the interface language)."""
    ranges = []
    for low, high, colour, label in classes:
        label = tr(label)  # i18n: marked
        symbol = QgsSymbol.defaultSymbol(layer.geometryType())
        symbol.setColor(QColor(colour))
        if layer.geometryType() == 2:  # polygons: hairline outlines
            symbol.symbolLayer(0).setStrokeColor(QColor(outline))
            symbol.symbolLayer(0).setStrokeWidth(0.05)
        ranges.append(QgsRendererRange(low, high, symbol, label))
    layer.setRenderer(QgsGraduatedSymbolRenderer(expression, ranges))
    layer.triggerRepaint()


#: Distance bands (km) for coverage maps: near is dark, beyond 50 km stands out.
DISTANCE_CLASSES = (
    (0, 5_000, "#1a5e9a", translatable("within 5 km")),
    (5_000, 10_000, "#4a90c2", "5 – 10 km"),
    (10_000, 25_000, "#9cc6e4", "10 – 25 km"),
    (25_000, 50_000, "#e6e1d3", "25 – 50 km"),
    (50_000, 1e12, "#d9843b", translatable("beyond 50 km")),
)


TRAVEL_TIME_CLASSES = (
    (0, 10, "#1a5e9a", translatable("within 10 min")),
    (10, 20, "#4a90c2", "10 – 20 min"),
    (20, 30, "#9cc6e4", "20 – 30 min"),
    (30, 60, "#e6e1d3", "30 – 60 min"),
    (60, 1e12, "#d9843b", translatable("beyond 60 min")),
)
#: Near is dark blue, the last threshold's band light; beyond it stands out in orange.
_WITHIN_COLOURS = ("#1a5e9a", "#4a90c2", "#9cc6e4", "#c9dff0", "#e6e1d3")
_BEYOND_COLOURS = ("#fdbe85", "#fd8d3c", "#d94701")
_NONE_COLOUR = "#8c8c8c"
#: Where a distance is NULL (no point within reach), the style's expression reads this value.
_NO_POINT = 1e15


def _limit_text(value: float, by_time: bool, language: str) -> str:
    return format_minutes(value, language) if by_time else format_distance(value, language)


def distance_classes(thresholds, by_time: bool = False, language: str | None = None) -> list[tuple]:
    """Classes that fit the thresholds asked for (metres, or minutes when ``by_time``): within the
    first, between each pair, beyond the last, and areas no point reaches."""
    lang = language or interface_language()
    limits = sorted(float(t) for t in thresholds)
    classes = []
    low = 0.0
    for i, high in enumerate(limits):
        colour = _WITHIN_COLOURS[min(i, len(_WITHIN_COLOURS) - 1)] if len(limits) > 1 else _WITHIN_COLOURS[0]
        label = (tr("within {distance}").format(distance=_limit_text(high, by_time, lang)) if i == 0 else
                 tr("{low} – {high}").format(low=_limit_text(low, by_time, lang), high=_limit_text(high, by_time, lang)))  # fmt: skip
        classes.append((low, high, colour, label))
        low = high
    classes.append((low, _NO_POINT / 10, _BEYOND_COLOURS[1],
                    tr("beyond {distance}").format(distance=_limit_text(low, by_time, lang))))  # fmt: skip
    classes.append((_NO_POINT / 10, _NO_POINT * 10, _NONE_COLOUR, tr("no point within reach")))
    return classes


def style_distance(
    layer: QgsVectorLayer, field: str = "distance_m", thresholds=None, language: str | None = None
) -> None:
    """Distance classes in km, or travel-time classes in minutes for a ``*_min`` field; with
    ``thresholds`` (metres or minutes) the classes are the ones asked for."""
    by_time = field.endswith("_min")
    if thresholds is None:
        thresholds = (10, 20, 30, 60) if by_time else (5_000, 10_000, 25_000, 50_000)
    style_classes(layer, f'coalesce("{field}", {_NO_POINT})', distance_classes(thresholds, by_time, language))


def gap_classes(threshold: float, by_time: bool = False, language: str | None = None) -> list[tuple]:
    """Classes of areas in a service gap: how far beyond the gap's threshold they are (twice, four
    times as far), and areas no point reaches at all."""
    lang = language or interface_language()
    limits = (threshold, 2 * threshold, 4 * threshold)

    def text(value):
        return _limit_text(value, by_time, lang)

    return [
        (limits[0], limits[1], _BEYOND_COLOURS[0], tr("{low} – {high}").format(low=text(limits[0]), high=text(limits[1]))),
        (limits[1], limits[2], _BEYOND_COLOURS[1], tr("{low} – {high}").format(low=text(limits[1]), high=text(limits[2]))),
        (limits[2], _NO_POINT / 10, _BEYOND_COLOURS[2], tr("beyond {distance}").format(distance=text(limits[2]))),
        (_NO_POINT / 10, _NO_POINT * 10, _NONE_COLOUR, tr("no point within reach")),
    ]  # fmt: skip


def style_gap_areas(
    layer: QgsVectorLayer, threshold: float, field: str = "distance_m", language: str | None = None
) -> None:
    """Areas in a service gap by how far beyond the threshold (metres, or minutes for ``*_min``) they are."""
    by_time = field.endswith("_min")
    # Rounding may put an area right at the threshold: its first class starts a hair below it.
    classes = gap_classes(threshold, by_time, language)
    classes[0] = (min(classes[0][0], threshold) * 0.999, *classes[0][1:])
    style_classes(layer, f'coalesce("{field}", {_NO_POINT})', classes)


def style_pairs(layer: QgsVectorLayer, colour: str = "#7b3294", size_mm: float = 2.4) -> None:
    """Pairs of points as a line with both points marked: the line shows at street scale, the
    points (drawn at a fixed size) at regional scale, where a 500 m line is shorter than a pixel."""
    from qgis.core import QgsLineSymbol, QgsMarkerLineSymbolLayer

    symbol = QgsLineSymbol.createSimple({"line_color": colour, "line_width": "0.6"})
    for first in (True, False):
        ends = QgsMarkerLineSymbolLayer()
        place_markers_on_vertex(ends, first)
        ends.setSubSymbol(QgsMarkerSymbol.createSimple({"name": "circle", "color": colour, "outline_color": "#ffffff",
                                                        "outline_width": "0.3", "size": str(size_mm)}))  # fmt: skip
        symbol.appendSymbolLayer(ends)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    layer.triggerRepaint()


def style_lines(layer: QgsVectorLayer, colour: str = "#7b3294", width_mm: float = 0.8) -> None:
    symbol = QgsSymbol.defaultSymbol(layer.geometryType())
    symbol.setColor(QColor(colour))
    symbol.setWidth(width_mm)
    layer.renderer().setSymbol(symbol)
    layer.triggerRepaint()


def style_categories(layer: QgsVectorLayer, field: str, categories) -> None:
    """Categorised style from (value, colour, label) tuples."""
    items = []
    for value, colour, label in categories:
        symbol = QgsSymbol.defaultSymbol(layer.geometryType())
        symbol.setColor(QColor(colour))
        items.append(QgsRendererCategory(value, symbol, tr(label)))  # i18n: marked
    layer.setRenderer(QgsCategorizedSymbolRenderer(field, items))
    layer.triggerRepaint()


SERVED_BY = (
    ("both", "#7b3294", translatable("served by both networks")),
    ("a_only", "#d7191c", translatable("network A only")),
    ("b_only", "#2b83ba", translatable("network B only")),
    ("neither", "#d9843b", translatable("neither")),
)

#: Accessibility scores per N people (2SFCA), from none in reach to well served.
ACCESS_CLASSES = (
    (-1, 1e-12, "#d9843b", translatable("no point in reach")),
    (1e-12, 0.5, "#e6e1d3", translatable("under 0.5")),
    (0.5, 1.0, "#9cc6e4", "0.5 – 1"),
    (1.0, 2.0, "#4a90c2", "1 – 2"),
    (2.0, 1e9, "#1a5e9a", translatable("2 or more")),
)


def style_fill(layer: QgsVectorLayer, colour: str, opacity: float = 0.6) -> None:
    symbol = QgsSymbol.defaultSymbol(layer.geometryType())
    symbol.setColor(QColor(colour))
    symbol.setOpacity(opacity)
    layer.renderer().setSymbol(symbol)
    layer.triggerRepaint()


def minority_classes(language: str = "en") -> tuple:
    """Classes of ``unserved_minority``: -1 where the minority is served, else its people."""
    fr = language.startswith("fr")
    return (
        (-1.5, -0.5, "#9cc6e4", "servie dans sa langue" if fr else "served in its language"),
        (-0.5, 0.5, "#f2efe9", "aucune personne de la minorité" if fr else "no minority people"),
        (0.5, 50, "#fdd49e", "1 – 50 personnes non servies" if fr else "1 – 50 people unserved"),
        (50, 200, "#fc8d59", "50 – 200 personnes non servies" if fr else "50 – 200 people unserved"),
        (200, 1e12, "#b30000", "plus de 200 personnes non servies" if fr else "over 200 people unserved"),
    )


def style_minority_language(layer: QgsVectorLayer, language: str = "en") -> None:
    """Areas by official-language minority people left without a point serving in their language."""
    style_classes(layer, '"unserved_minority"', minority_classes(language))


def style_planned_sites(layer: QgsVectorLayer, size_mm: float = 5.0) -> None:
    """Sites a plan adds: stars labelled with their rank (1 = adds the most)."""
    from qgis.core import (
        QgsPalLayerSettings,
        QgsTextBufferSettings,
        QgsTextFormat,
        QgsVectorLayerSimpleLabeling,
    )
    from qgis.PyQt.QtGui import QFont

    symbol = QgsMarkerSymbol.createSimple(
        {
            "name": "star",
            "color": "#ffd700",
            "outline_color": "#222222",
            "outline_width": "0.3",
            "size": str(size_mm),
        }
    )
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    if layer.fields().indexOf("rank") >= 0:
        settings = QgsPalLayerSettings()
        settings.fieldName = "rank"
        settings.placement = LABEL_OVER_POINT
        text = QgsTextFormat()
        text.setFont(QFont("DejaVu Sans", 8, QFont.Bold))
        text.setSize(8)
        buffer = QgsTextBufferSettings()
        buffer.setEnabled(True)
        buffer.setSize(0.8)
        text.setBuffer(buffer)
        settings.setFormat(text)
        settings.yOffset = -size_mm * 0.8
        layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
        layer.setLabelsEnabled(True)
    layer.triggerRepaint()
