"""Outputs as people read them: field aliases in the interface language on every output
Processing loads, and summary tables showing the place, the headline and the percentages first
(the raw 0–1 shares, which models and scripts read, stay in the data but out of sight)."""

from __future__ import annotations

import re

from qgis.core import QgsVectorLayer

from ..core.i18n import language as interface_language
from ..core.i18n import tr
from ..core.wording import format_distance, format_minutes

_REACH = re.compile(r"^(?:(pct|pop|share)_)?within_([0-9.]+)(km|min)$")


def _reach_text(amount: str, unit: str, language: str) -> str:
    value = float(amount)
    return format_minutes(value, language) if unit == "min" else format_distance(value * 1000.0, language)


def field_alias(name: str, language: str) -> str | None:
    """The alias of a field the plugin's outputs add ('within_50km' -> 'Within 50 km',
    'distance_m' -> 'Distance (m)'), None to keep its name."""
    match = _REACH.match(name)
    if match:
        kind, amount, unit = match.groups()
        reach = _reach_text(amount, unit, language)
        return {"pct": tr("% within {distance}"), "pop": tr("People within {distance}"),
                "share": tr("Share within {distance} (0–1)"),
                None: tr("Within {distance}")}[kind].format(distance=reach)  # fmt: skip
    return {
        "distance_m": tr("Distance (m)"), "travel_min": tr("Travel time (min)"),
        "nearest_id": tr("Nearest point (id)"), "nearest_name": tr("Nearest point"),
        "nearest_order": tr("Nearest point's order of government"), "rank": tr("Rank (1: nearest)"),
        "served_by_region": tr("Served by a region (call centres, digital)"),
        "access_score": tr("Accessibility score"), "points_in_reach": tr("Service points in reach"),
        "gap_rank": tr("Gap rank (1: most people)"), "population_left_out": tr("People left out"),
    }.get(name)  # fmt: skip


def summary_alias(name: str, language: str) -> str | None:
    """The alias of a summary table's field ('name' is the jurisdiction's there), None to keep its name."""
    return {
        "jurisdiction": tr("Code"), "name": tr("Jurisdiction"), "population": tr("Population"),
        "areas": tr("Areas"), "areas_unknown_population": tr("Areas of unknown population"),
        "universe": tr("Universe"), "share_of_universe": tr("Share of the universe (0–1)"),
        "pop_served_by_region": tr("People served by a region (call centres, digital)"),
        "headline": tr("Headline"),
    }.get(name) or field_alias(name, language)  # fmt: skip


def name_fields(layer: QgsVectorLayer, language: str | None = None, alias=field_alias) -> None:
    """Aliases in the interface language for the fields the plugin's outputs add (an alias the
    layer already has is kept)."""
    lang = language or interface_language()
    for index, name in enumerate(layer.fields().names()):
        text = alias(name, lang)
        if text and not layer.fields().at(index).alias():
            layer.setFieldAlias(index, text)


def present_summary(layer: QgsVectorLayer, language: str | None = None) -> None:
    """Aliases in the interface language; the place, headline and percentages first, raw shares hidden."""
    name_fields(layer, language, summary_alias)
    names = layer.fields().names()
    first = [n for n in ("name", "headline") if n in names] + [n for n in names if n.startswith("pct_")]
    config = layer.attributeTableConfig()
    columns = config.columns()
    position = {name: i for i, name in enumerate(first)}
    columns.sort(key=lambda c: position.get(c.name, len(first)))
    for column in columns:
        column.hidden = column.name.startswith("share_within_")
    config.setColumns(columns)
    layer.setAttributeTableConfig(config)
