"""Co-location planner: greedy and exact modes vs PySAL spopt's MCLP (PuLP + CBC).

    python benchmarks/bench_planner.py          # 57,000 demand x 2,000 candidates x 600 existing, add 50;
                                                # exact modes on 5,000 demand x 300 candidates (x 90 existing), add 20
    python benchmarks/bench_planner.py --quick  # 6,000 x 300 x 100, add 20; exact on 2,000 x 120 (x 40), add 10

Demand areas cluster around 200 towns of very different sizes in southern Canada (EPSG:3347),
with 0-1,500 people each; the existing (federal) points sit near the towns, weighted by size;
candidate sites (provincial and municipal offices) scatter more widely. Coverage: 50 km.

- Greedy end to end: ``crs:colocationplanner`` through ``processing.run`` (reading both
  GeoPackage layers, distances, solving, the LP bound, writing the sites) on the large
  instance. Greedy is not in spopt: its objective is compared with the optimum, spopt's where
  spopt finishes within 10 minutes (run in a child process with an 8 GB memory cap), else the
  planner's exact mode's (HiGHS, proven optimal).
- Exact modes on the same 5,000 x 300 instance, both from coordinates: the planner (KD-tree
  pairs, grouping, HiGHS) and spopt (SciPy ``cdist`` cost matrix, ``MCLP.from_cost_matrix``
  with the existing points as predefined facilities, CBC). Objectives must be equal.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import shapely
from _common import CANADA_SOUTH, peak_rss_mb, report, size, start_qgis, timed, write_layer

RADIUS = 50_000.0
SPOPT_TIMEOUT_S = 600
SPOPT_MEMORY_GB = 8
FULL = {"large": (57_000, 2_000, 600, 50), "exact": (5_000, 300, 90, 20)}
QUICK = {"large": (6_000, 300, 100, 20), "exact": (2_000, 120, 40, 10)}


def instance(n: int, m: int, existing: int, seed: int = 18):
    """(demand xy, people, existing xy, candidate xy): the same arrays for the same arguments."""
    rng = np.random.default_rng(seed)
    lo, hi = CANADA_SOUTH
    towns = rng.uniform(lo, hi, (200, 2))
    weight = rng.pareto(1.2, 200) + 1.0  # a few large towns, many small ones
    weight /= weight.sum()
    demand = towns[rng.choice(200, n, p=weight)] + rng.normal(0, 40_000, (n, 2))
    kept = towns[rng.choice(200, existing, p=weight)] + rng.normal(0, 20_000, (existing, 2))
    candidates = towns[rng.integers(0, 200, m)] + rng.normal(0, 70_000, (m, 2))
    people = rng.integers(0, 1500, n).astype(float)
    return demand, people, kept, candidates


def spopt_mclp(demand, people, kept, candidates, p: int) -> tuple[float, float]:
    """spopt's MCLP from coordinates: (seconds, objective = people within reach)."""
    import pulp
    from scipy.spatial.distance import cdist
    from spopt.locate import MCLP

    start = time.perf_counter()
    facilities = np.vstack([kept, candidates])
    cost = cdist(demand, facilities)
    predefined = np.array([1] * len(kept) + [0] * len(candidates))
    model = MCLP.from_cost_matrix(cost, people, service_radius=RADIUS, p_facilities=len(kept) + p,
                                  predefined_facilities_arr=predefined)  # fmt: skip
    model.solve(pulp.PULP_CBC_CMD(msg=False))
    return time.perf_counter() - start, float(model.problem.objective.value())


def ours_exact(demand, people, kept, candidates, p: int, solver: str = "exact"):
    """The planner's core from coordinates, as crs:colocationplanner calls it: (objective, plan)."""
    from crs_plugin.core.analysis.accessibility import catchment_pairs
    from crs_plugin.core.analysis.nearest import nearest
    from crs_plugin.core.analysis.planner import coverage_problem, plan_coverage

    covered = nearest(demand, kept).distance[:, 0] <= RADIUS
    pair_demand, pair_site, _ = catchment_pairs(demand, candidates, RADIUS)
    problem = coverage_problem(people, covered, pair_demand, pair_site, len(candidates))
    plan = plan_coverage(problem, p, solver=solver, time_limit=600)
    return plan.after, plan


def spopt_in_child(sizes: tuple) -> dict:
    """spopt on a generated instance in a child process, within SPOPT_TIMEOUT_S and SPOPT_MEMORY_GB."""
    start = time.perf_counter()

    def cap_memory():
        limit = SPOPT_MEMORY_GB * 1024**3
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    try:
        run = subprocess.run([sys.executable, __file__, "--spopt-child", json.dumps(sizes)], capture_output=True,
                             text=True, timeout=SPOPT_TIMEOUT_S, preexec_fn=cap_memory)  # fmt: skip
    except subprocess.TimeoutExpired:
        return {
            "finished": False,
            "why": f"not finished within {SPOPT_TIMEOUT_S} s",
            "after_s": SPOPT_TIMEOUT_S,
        }
    elapsed = time.perf_counter() - start
    lines = [line for line in run.stdout.splitlines() if line.startswith("{")]
    if run.returncode == 0 and lines:
        return {"finished": True, **json.loads(lines[-1])}
    why = (
        "MemoryError" if "MemoryError" in run.stderr else (run.stderr.strip().splitlines() or ["failed"])[-1]
    )
    return {"finished": False, "why": f"stopped after {elapsed:.0f} s: {why} (memory capped at {SPOPT_MEMORY_GB} GB)",
            "after_s": elapsed}  # fmt: skip


def child(sizes: list) -> None:
    n, m, e, p = sizes
    seconds, objective = spopt_mclp(*instance(n, m, e), p)
    print(json.dumps({"seconds": seconds, "objective": objective}), flush=True)


def write_inputs(folder: Path, demand, people, kept, candidates) -> tuple[str, str]:
    data = folder / "planner.gpkg"
    write_layer(data, "demand", shapely.points(demand), {"POP2021": people.astype(np.int64)})
    xy = np.vstack([kept, candidates])
    e = len(kept)
    orders = np.array(
        ["federal"] * e
        + ["provincial", "municipal"] * (len(candidates) // 2)
        + ["municipal"] * (len(candidates) % 2)
    )
    write_layer(data, "service_points", shapely.points(xy), {
        "point_id": np.array([f"{'f' if i < e else 'c'}{i}" for i in range(len(xy))]),
        "name_en": np.array([f"Office {i}" for i in range(len(xy))]),
        "organization": np.where(orders == "federal", "Service Canada", "Partner"),
        "order_of_government": orders, "channel": np.array(["in_person"] * len(xy)),
    })  # fmt: skip
    return f"{data}|layername=demand", f"{data}|layername=service_points"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a size that finishes in under a minute")
    parser.add_argument("--spopt-child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.spopt_child:
        child(json.loads(args.spopt_child))
        return
    chosen = QUICK if args.quick else FULL
    from crs_plugin.core.analysis.planner import GREEDY_GUARANTEE

    # Exact modes on the same instance.
    n, m, e, p = chosen["exact"]
    data = instance(n, m, e)
    ours_s, (objective, plan) = timed(lambda: ours_exact(*data, p))
    spopt_s, spopt_objective = spopt_mclp(*data, p)
    greedy_objective, _ = ours_exact(*data, p, solver="greedy")
    diff = abs(objective - spopt_objective)
    report(name=f"planner_exact_mclp_{size(n)}_x_{m}_add_{p}", ours_s=round(ours_s, 3),
           baseline="spopt MCLP.from_cost_matrix + CBC (PuLP)", baseline_s=round(spopt_s, 2),
           speedup=round(spopt_s / ours_s, 1), agree=diff <= 1e-6 * max(objective, 1), max_abs_diff=diff,
           objective=objective, baseline_objective=spopt_objective, optimal=plan.optimal,
           greedy_objective=greedy_objective, peak_rss_mb=round(peak_rss_mb()))  # fmt: skip

    # Greedy end to end on the large instance.
    n, m, e, p = chosen["large"]
    data = instance(n, m, e)
    app, processing, plugin = start_qgis()
    folder = Path(tempfile.mkdtemp(prefix="crs_bench_planner_"))
    areas, points = write_inputs(folder, *data)

    def planner(solver: int):
        return processing.run("crs:colocationplanner", {
            "INPUT": areas, "SERVICE_POINTS": points, "SITES": p, "DISTANCE": RADIUS, "SOLVER": solver,
            "OUTPUT": str(folder / f"sites_{solver}.gpkg"),
        })  # fmt: skip

    greedy_s, greedy = timed(lambda: planner(0))
    rss = peak_rss_mb()
    exact_s, exact = timed(lambda: planner(1))
    spopt = spopt_in_child([n, m, e, p])
    if spopt["finished"]:
        reference, reference_name = spopt["objective"], "spopt MCLP + CBC (optimum)"
        assert abs(reference - exact["POPULATION_AFTER"]) <= 1e-6 * reference, (
            reference,
            exact["POPULATION_AFTER"],
        )
    else:
        reference, reference_name = (
            exact["POPULATION_AFTER"],
            "crs:colocationplanner exact (HiGHS, proven optimum)",
        )
    before, after = greedy["POPULATION_BEFORE"], greedy["POPULATION_AFTER"]
    within_guarantee = after - before >= GREEDY_GUARANTEE * (reference - before) - 1e-6
    report(name=f"planner_greedy_mclp_{size(n)}_x_{size(m)}_x_{e}_add_{p}_end_to_end", ours_s=round(greedy_s, 3),
           baseline="spopt MCLP + CBC", baseline_s=round(spopt["seconds"], 1) if spopt["finished"] else None,
           baseline_note=None if spopt["finished"] else f"spopt {spopt['why']}", speedup=round(spopt["seconds"] / greedy_s, 1)
           if spopt["finished"] else None, agree=bool(within_guarantee), max_abs_diff=reference - after,
           objective=after, reference_objective=reference, reference=reference_name,
           added_vs_optimum=round((after - before) / (reference - before), 5) if reference > before else 1.0,
           lp_gap=round(greedy["GAP"], 5), target_s=5.0, peak_rss_mb=round(rss))  # fmt: skip
    report(name=f"planner_exact_mclp_{size(n)}_x_{size(m)}_x_{e}_add_{p}_end_to_end", ours_s=round(exact_s, 3),
           baseline="spopt MCLP + CBC", baseline_s=round(spopt["seconds"], 1) if spopt["finished"] else None,
           baseline_note=None if spopt["finished"] else f"spopt {spopt['why']}",
           speedup=round(spopt["seconds"] / exact_s, 1) if spopt["finished"] else None,
           agree=not spopt["finished"] or abs(spopt["objective"] - exact["POPULATION_AFTER"]) <= 1e-6 * reference,
           max_abs_diff=abs(spopt["objective"] - exact["POPULATION_AFTER"]) if spopt["finished"] else None,
           objective=exact["POPULATION_AFTER"], peak_rss_mb=round(peak_rss_mb()))  # fmt: skip
    plugin.unload()


if __name__ == "__main__":
    main()
