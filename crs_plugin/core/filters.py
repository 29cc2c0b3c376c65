"""Which service points an analysis uses: filters by the schema's categorical fields."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .errors import AnalysisError
from .i18n import tr
from .schema import LIST_SEPARATOR


@dataclass(frozen=True)
class ServiceFilter:
    """Empty tuples mean 'any'. Values are schema codes (see ``schema``)."""

    orders: tuple[str, ...] = ()
    jurisdictions: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    point_types: tuple[str, ...] = ()
    services: tuple[str, ...] = ()

    def _by_field(self, with_services: bool = True) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """(schema field, wanted codes) for each filter; services last (a list field)."""
        pairs = (
            ("order_of_government", self.orders),
            ("jurisdiction", self.jurisdictions),
            ("channel", self.channels),
            ("point_type", self.point_types),
        )
        return (*pairs, ("services", self.services)) if with_services else pairs

    @property
    def needed_fields(self) -> tuple[str, ...]:
        return tuple(name for name, wanted in self._by_field() if wanted)

    def describe(self) -> str:
        parts = [
            f"{label} in {', '.join(values)}"
            for label, values in (
                ("order of government", self.orders),
                ("jurisdiction", self.jurisdictions),
                ("channel", self.channels),
                ("point type", self.point_types),
                ("service", self.services),
            )
            if values
        ]
        return "; ".join(parts) or "all service points"

    def expression(self) -> str:
        """The filter as an SQL/QGIS expression (a layer's subset string); '' for 'any'."""

        def quoted(value: str) -> str:
            return "'" + value.replace("'", "''") + "'"

        parts = [
            f'"{name}" IN ({", ".join(quoted(v) for v in wanted)})'
            for name, wanted in self._by_field(with_services=False)
            if wanted
        ]
        if self.services:
            sep = quoted(LIST_SEPARATOR)
            # Whole codes only: ';services;' contains ';code;' (no match inside a longer code).
            parts.append("(" + " OR ".join(
                f"({sep} || \"services\" || {sep}) LIKE {quoted('%' + LIST_SEPARATOR + v + LIST_SEPARATOR + '%')}"
                for v in self.services) + ")")  # fmt: skip
        return " AND ".join(parts)

    def require_fields(self, available) -> None:
        """AnalysisError naming the filter fields the layer lacks."""
        missing = [f for f in self.needed_fields if f not in available]
        if missing:
            raise AnalysisError(
                tr("The service point layer has no field {fields} to filter on; load it through the plugin or "
                   "remove that filter.").format(fields=", ".join(f"'{m}'" for m in missing))
            )  # fmt: skip

    def mask(self, columns: dict[str, np.ndarray], n: int) -> np.ndarray:
        """Boolean mask of the points that pass; AnalysisError if a needed field is missing."""
        self.require_fields(columns)
        keep = np.ones(n, dtype=bool)
        for name, wanted in self._by_field(with_services=False):
            if wanted:
                keep &= np.isin(columns[name].astype(str), np.array(wanted, dtype=str))
        if self.services:
            wanted = set(self.services)
            keep &= np.fromiter(
                (
                    bool(v) and not wanted.isdisjoint(str(v).split(LIST_SEPARATOR))
                    for v in columns["services"]
                ),
                dtype=bool,
                count=n,
            )
        return keep
