"""How far apart points are, for the analyses: in a straight line, or by road (distance or time).

The analyses ask two questions: each demand point's nearest service point, and every
(demand, supply) pair within a limit. A distance model answers both, so one analysis
works the same whether distances are straight lines or trips over the road network.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .graph import RoadNetwork, ToLonLat, nearest_by_network, within_by_network


class StraightLine:
    """Straight-line distance in the projected metric CRS (metres)."""

    unit = "m"
    by_road = False

    def nearest(self, demand_xy, service_xy) -> tuple[np.ndarray, np.ndarray]:
        from ..analysis.nearest import nearest

        result = nearest(demand_xy, service_xy)
        return result.index[:, 0], result.distance[:, 0]

    def within(self, demand_xy, supply_xy, limit: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        from ..analysis.accessibility import catchment_pairs

        return catchment_pairs(np.asarray(demand_xy, float).reshape(-1, 2), np.asarray(supply_xy, float).reshape(-1, 2),
                               limit)  # fmt: skip


@dataclass
class ByRoad:
    """Trips over a road network: access leg + roads + egress leg, in metres or seconds."""

    network: RoadNetwork
    cost: str = "distance"  # or "time"
    to_lonlat: ToLonLat | None = None
    by_road = True

    @property
    def unit(self) -> str:
        return "s" if self.cost == "time" else "m"

    def nearest(self, demand_xy, service_xy) -> tuple[np.ndarray, np.ndarray]:
        result = nearest_by_network(self.network, demand_xy, service_xy, self.cost, self.to_lonlat)
        return result.index, result.total

    def within(self, demand_xy, supply_xy, limit: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return within_by_network(self.network, demand_xy, supply_xy, limit, self.cost, self.to_lonlat)


STRAIGHT_LINE = StraightLine()
