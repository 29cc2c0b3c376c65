"""Charts for the report, drawn with matplotlib as SVG and carried as ``base64:`` strings.

A layout picture item reads a ``base64:`` SVG from an attribute of the atlas feature, so the
charts travel inside the GeoPackage with the rest of the report (no side files). matplotlib's
object API is used (no pyplot: no global figure state, safe in a Processing thread) and its
global settings are left alone.
"""

from __future__ import annotations

import base64
import io
import math

from ..core import report as words

#: The layout's fonts and colours, so that charts read as part of the page.
FONT = "DejaVu Sans"
BAR = "#4a90c2"
BEYOND = "#d9843b"
INK = "#333333"


def available() -> bool:
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def _figure(width_mm: float, height_mm: float):
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width_mm / 25.4, height_mm / 25.4))
    FigureCanvasSVG(figure)
    return figure


def _as_base64(figure) -> str:
    buffer = io.StringIO()
    # No date in the file: the same report gives the same bytes.
    figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight", pad_inches=0.02)
    return "base64:" + base64.b64encode(buffer.getvalue().encode("utf-8")).decode("ascii")


def _style(axes) -> None:
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        axes.spines[side].set_color("#999999")
    axes.tick_params(labelsize=6.5, colors=INK, length=2)


def distance_chart(bands, language: str, width_mm: float = 70, height_mm: float = 58) -> str:
    """Bars of people per distance band ((from m, to m, people) as ``core.report.distance_bands``
    gives them), each labelled with its people and share; beyond the last distance in orange."""
    figure = _figure(width_mm, height_mm)
    axes = figure.add_subplot()
    labels = [words.band_label(lower, upper, language) for lower, upper, _ in bands]
    values = [max(0.0, people) for _, _, people in bands]
    total = sum(values)
    colours = [BEYOND if math.isinf(upper) else BAR for _, upper, _ in bands]
    positions = range(len(values))
    bars = axes.bar(positions, values, color=colours, width=0.72)
    axes.set_xticks(list(positions))
    axes.set_xticklabels(labels, fontsize=6, fontfamily=FONT, color=INK, rotation=20, ha="right")
    texts = [f"{words.people(v, language)}\n{words.share(v / total if total else math.nan, language)}"
             for v in values]  # fmt: skip
    axes.bar_label(bars, labels=texts, fontsize=5.5, fontfamily=FONT, color=INK, padding=1.5)
    axes.set_ylabel(words.text("chart_axis", language), fontsize=6.5, fontfamily=FONT, color=INK)
    axes.set_ylim(0, max(values + [1.0]) * 1.3)
    axes.yaxis.set_major_formatter(_people_formatter(language))
    _style(axes)
    return _as_base64(figure)


def planner_chart(
    steps, language: str, as_share: bool = True, width_mm: float = 70, height_mm: float = 55
) -> str:
    """The co-location planner's curve: (sites added, share or people within reach) as a line."""
    figure = _figure(width_mm, height_mm)
    axes = figure.add_subplot()
    xs = [x for x, _ in steps]
    ys = [100 * y if as_share else y for _, y in steps]
    axes.plot(xs, ys, color=BAR, marker="o", markersize=2.5, linewidth=1.2)
    axes.set_xlabel(words.text("planner_x", language), fontsize=6.5, fontfamily=FONT, color=INK)
    axes.set_ylabel(words.text("planner_y", language) + (" (%)" if as_share else ""), fontsize=6.5,
                    fontfamily=FONT, color=INK)  # fmt: skip
    if not as_share:
        axes.yaxis.set_major_formatter(_people_formatter(language))
    _style(axes)
    return _as_base64(figure)


def _people_formatter(language: str):
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _pos: words.people(value, language))
