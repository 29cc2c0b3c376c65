"""2SFCA: crs core (and crs:accessibility end to end) vs the PySAL access package.

    python benchmarks/bench_accessibility.py            # 57,000 demand x 5,000 supply, 50 km
    python benchmarks/bench_accessibility.py --quick    # 5,000 x 500

Both sides start from coordinates: the PySAL side builds its cost table of pairs
within the radius with SciPy's KD-tree (the fastest way available to it; access's
own create_euclidean_distance goes through geopandas and is slower) and runs
fca.two_stage_fca; a second line reports two_stage_fca alone, given the table.
Scores must agree to 1e-9 relative.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
import shapely
from _common import (
    CANADA_SOUTH,
    clustered_points,
    peak_rss_mb,
    report,
    size,
    sizes,
    start_qgis,
    timed,
    write_layer,
)
from scipy.spatial import cKDTree

RADIUS = 50_000.0


def main() -> None:
    n, m = sizes((5_000, 500), (57_000, 5_000), __doc__)
    app, processing, plugin = start_qgis()
    from access import fca

    from crs_plugin.core.analysis.accessibility import two_step_fca

    rng = np.random.default_rng(2)
    lo, hi = CANADA_SOUTH
    centres = rng.uniform(lo, hi, (200, 2))
    demand = clustered_points(rng, centres, n, 40_000)
    supply = clustered_points(rng, centres, m, 60_000)
    population = rng.integers(0, 1500, n).astype(float)
    capacity = rng.integers(1, 10, m).astype(float)

    compute_s, ours = timed(lambda: two_step_fca(demand, population, supply, capacity, RADIUS))
    rss = peak_rss_mb()

    demand_df = pd.DataFrame({"geoid": np.arange(n), "pop": population}).set_index("geoid")
    supply_df = pd.DataFrame({"geoid": np.arange(m), "cap": capacity}).set_index("geoid")

    def cost_table():
        pairs = cKDTree(demand).sparse_distance_matrix(cKDTree(supply), RADIUS, output_type="coo_matrix")
        return pd.DataFrame({"origin": pairs.row, "dest": pairs.col, "cost": pairs.data})

    def two_stage(cost):
        return fca.two_stage_fca(demand_df, supply_df, cost, max_cost=RADIUS, demand_index=True,
                                 demand_name="pop", supply_name="cap")  # fmt: skip

    pysal_s, series = timed(lambda: two_stage(cost_table()))
    cost = cost_table()
    fca_only_s, _ = timed(lambda: two_stage(cost))
    reference = series.reindex(np.arange(n)).fillna(0.0).to_numpy()
    scale = np.abs(reference).max()
    diff = float(np.max(np.abs(ours.score - reference)))
    agree = diff <= 1e-9 * scale
    report(name=f"2sfca_{size(n)}_x_{size(m)}_compute", ours_s=round(compute_s, 3),
           baseline="access (KD-tree cost table + fca.two_stage_fca)", baseline_s=round(pysal_s, 3),
           speedup=round(pysal_s / compute_s, 1), agree=agree, max_abs_diff=diff, peak_rss_mb=round(rss))  # fmt: skip
    report(name=f"2sfca_{size(n)}_x_{size(m)}_compute_vs_fca_only", ours_s=round(compute_s, 3),
           baseline="access fca.two_stage_fca alone (cost table given)", baseline_s=round(fca_only_s, 3),
           speedup=round(fca_only_s / compute_s, 1), agree=agree, max_abs_diff=diff, peak_rss_mb=round(rss))  # fmt: skip

    tmp = Path(tempfile.mkdtemp(prefix="crs_bench_acc_"))
    data = tmp / "data.gpkg"
    write_layer(data, "demand", shapely.points(demand), {"POP2021": population.astype(np.int64)})
    write_layer(data, "supply", shapely.points(supply), {"point_id": np.array([f"s{i}" for i in range(m)]),
                                                       "capacity": capacity})  # fmt: skip

    def end_to_end():
        return processing.run("crs:accessibility", {"INPUT": f"{data}|layername=demand",
                                                    "SERVICE_POINTS": f"{data}|layername=supply",
                                                    "CAPACITY_FIELD": "capacity", "RADIUS": RADIUS,
                                                    "OUTPUT": str(tmp / "ours.gpkg")})  # fmt: skip

    e2e_s, _ = timed(end_to_end)
    report(name=f"2sfca_{size(n)}_x_{size(m)}_end_to_end", ours_s=round(e2e_s, 3),
           baseline="access (KD-tree cost table + fca.two_stage_fca)", baseline_s=round(pysal_s, 3),
           speedup=round(pysal_s / e2e_s, 1), agree=agree, max_abs_diff=diff, peak_rss_mb=round(peak_rss_mb()))  # fmt: skip
    plugin.unload()


if __name__ == "__main__":
    main()
