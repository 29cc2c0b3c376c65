"""Charts as PNG images (matplotlib), drawn without pyplot.

matplotlib's pyplot keeps process-wide state (the current figure, the backend); QGIS and
other plugins share the process, so a Figure is drawn on its own Agg canvas instead.
matplotlib is optional: without it the chart is left out and the caller says so.
"""

from __future__ import annotations

from pathlib import Path

from .errors import AnalysisError
from .i18n import tr


def matplotlib_available() -> bool:
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def curve_png(path, x, y, title: str, x_label: str, y_label: str, target: float | None = None,
              target_label: str = "", labels=(), y_range=None) -> Path:  # fmt: skip
    """A step-by-step curve (points joined by lines), with an optional horizontal target line
    and the first ``labels`` written beside their points; written to ``path``."""
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError:
        raise AnalysisError(
            tr(
                "Charts need the Python package matplotlib (apt install python3-matplotlib, or pip "
                "install matplotlib): the chart was left out."
            )
        ) from None
    figure = Figure(figsize=(7.0, 4.2), dpi=110)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot(1, 1, 1)
    axes.plot(list(x), list(y), marker="o", markersize=3.5, linewidth=1.8, color="#1a5e9a")
    if target is not None:
        axes.axhline(target, linestyle="--", linewidth=1.2, color="#d7191c", label=target_label or None)
        if target_label:
            axes.legend(loc="lower right", frameon=False, fontsize=8)
    for (xi, yi), text in zip(list(zip(x, y))[1:], labels):
        axes.annotate(
            text, (xi, yi), textcoords="offset points", xytext=(5, -11), fontsize=7, color="#333333"
        )
    axes.set_title(title, fontsize=10)
    axes.set_xlabel(x_label, fontsize=9)
    axes.set_ylabel(y_label, fontsize=9)
    if y_range is not None:
        axes.set_ylim(*y_range)
    axes.grid(True, linewidth=0.4, color="#dddddd")
    axes.tick_params(labelsize=8)
    if len(x) and max(x) <= 20:
        axes.set_xticks(list(range(int(max(x)) + 1)))
    if len(x):
        axes.set_xlim(min(x) - 0.3, max(x) + max(1.2, 0.12 * (max(x) - min(x))))  # room for the last label
    figure.tight_layout()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(str(path), format="png")
    return path
