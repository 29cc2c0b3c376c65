"""The co-location planner's solvers on instances whose optimum is known by enumeration."""

from __future__ import annotations

import itertools
from types import SimpleNamespace

import numpy as np
import pytest

from crs_plugin.core.analysis import planner
from crs_plugin.core.analysis.planner import (
    EXACT,
    GREEDY_GUARANTEE,
    coverage_problem,
    median_problem,
    plan_coverage,
    plan_median,
    plan_sentence,
)
from crs_plugin.core.errors import AnalysisError


def instance(seed: int, n: int = 70, m: int = 10, existing: int = 2, radius: float = 22.0):
    """Random demand, candidate sites and existing points in a 100 × 100 square."""
    rng = np.random.default_rng(seed)
    demand, sites, kept = (
        rng.uniform(0, 100, (n, 2)),
        rng.uniform(0, 100, (m, 2)),
        rng.uniform(0, 100, (existing, 2)),
    )
    weight = rng.integers(0, 200, n).astype(float)
    to_sites = np.hypot(*(demand[:, None] - sites[None]).transpose(2, 0, 1))
    to_kept = np.hypot(*(demand[:, None] - kept[None]).transpose(2, 0, 1)).min(axis=1)
    return SimpleNamespace(weight=weight, to_sites=to_sites, to_kept=to_kept, radius=radius, m=m)


def coverage_of(case):
    d, s = np.nonzero(case.to_sites <= case.radius)
    return coverage_problem(case.weight, case.to_kept <= case.radius, d, s, case.m)


def median_of(case):
    d, s = np.nonzero(np.ones_like(case.to_sites, bool))
    return median_problem(case.weight, case.to_kept, d, s, case.to_sites[d, s], case.m)


def best_coverage(problem, p, cost=None, budget=np.inf):
    best = problem.before
    for k in range(p + 1):
        for chosen in itertools.combinations(range(problem.n_sites), k):
            if cost is None or cost[list(chosen)].sum() <= budget:
                best = max(best, problem.weight[problem.covered_by(chosen)].sum())
    return best


def best_median(problem, case, p):
    return min(
        case.weight @ np.minimum(case.to_kept, case.to_sites[:, list(c)].min(axis=1))
        if c
        else case.weight @ case.to_kept
        for k in range(p + 1)
        for c in itertools.combinations(range(case.m), k)
    )


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("p", [1, 3])
def test_maximal_coverage_exact_equals_enumeration_and_greedy_keeps_its_guarantee(seed, p):
    problem = coverage_of(instance(seed))
    best = best_coverage(problem, p)
    exact = plan_coverage(problem, p, solver=EXACT)
    greedy = plan_coverage(problem, p)
    assert exact.after == pytest.approx(best, abs=1e-6)
    assert exact.optimal and exact.gap == pytest.approx(0.0, abs=1e-9)
    assert greedy.added >= GREEDY_GUARANTEE * (best - problem.before) - 1e-9
    # What the plan reports is what its sites do, and the LP bound is above the optimum.
    for plan in (exact, greedy):
        assert plan.after == pytest.approx(problem.weight[problem.covered_by(plan.sites)].sum())
        assert plan.curve[-1] == pytest.approx(plan.after) and plan.curve[0] == pytest.approx(problem.before)
        assert np.all(np.diff(plan.gains) <= 1e-9)  # in the order they add most
        assert len(plan.sites) <= p
    assert greedy.bound_kind == "LP" and greedy.bound >= best - problem.before - 1e-6
    assert greedy.gap == pytest.approx(max(0.0, 1 - greedy.added / greedy.bound))


def test_greedy_is_beaten_where_its_first_choice_is_a_trap_and_the_lp_bound_shows_it():
    # Site 0 reaches the two big places (22 people); sites 1 and 2 each reach one of them and a
    # small one (20): greedy takes site 0 first, then adds 9; the optimum with 2 sites is {1, 2}.
    weight = np.array([11.0, 9.0, 11.0, 9.0])
    pairs = [(0, 0), (2, 0), (0, 1), (1, 1), (2, 2), (3, 2)]
    d, s = np.array(pairs).T
    problem = coverage_problem(weight, np.zeros(4, bool), d, s, 3)
    greedy, exact = plan_coverage(problem, 2), plan_coverage(problem, 2, solver=EXACT)
    assert greedy.sites[0] == 0 and greedy.after == 31
    assert sorted(exact.sites) == [1, 2] and exact.after == 40
    assert greedy.bound >= 40 and greedy.gap > 0
    assert greedy.added >= GREEDY_GUARANTEE * exact.added


@pytest.mark.parametrize("seed", range(8))
def test_budget_with_costs_exact_equals_enumeration(seed):
    case = instance(100 + seed, m=9)
    problem = coverage_of(case)
    cost = np.random.default_rng(seed).integers(1, 5, case.m).astype(float)
    best = best_coverage(problem, case.m, cost, budget=6.0)
    exact = plan_coverage(problem, budget=6.0, costs=cost, solver=EXACT)
    greedy = plan_coverage(problem, budget=6.0, costs=cost)
    assert exact.after == pytest.approx(best)
    assert exact.cost <= 6.0 and greedy.cost <= 6.0
    # Greedy by gain per cost, or the best single site: at least half of (1 - 1/e) of the optimum.
    assert greedy.added >= 0.5 * GREEDY_GUARANTEE * (best - problem.before) - 1e-9


@pytest.mark.parametrize("seed", range(8))
def test_p_median_exact_equals_enumeration_and_greedy_keeps_its_guarantee(seed):
    case = instance(200 + seed)
    problem = median_of(case)
    best = best_median(problem, case, 3)
    exact, greedy = plan_median(problem, 3, solver=EXACT), plan_median(problem, 3)
    assert exact.after == pytest.approx(best, rel=1e-9)
    saving = problem.before_total - best
    assert greedy.added >= GREEDY_GUARANTEE * saving - 1e-6
    for plan in (exact, greedy):
        assert plan.after == pytest.approx(case.weight @ problem.distances_with(plan.sites), rel=1e-9)
    assert greedy.bound >= saving - 1e-6


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("share", [0.6, 0.85, 0.97])
def test_set_covering_finds_the_fewest_sites_enumeration_finds(seed, share):
    case = instance(300 + seed, m=9, radius=26.0)
    problem = coverage_of(case)
    target = share * problem.total
    fewest = next(
        (k for k in range(case.m + 1) for c in itertools.combinations(range(case.m), k)
         if problem.weight[problem.covered_by(c)].sum() >= target - 1e-9),
        None,
    )  # fmt: skip
    exact, greedy = (
        plan_coverage(problem, solver=EXACT, target_share=share),
        plan_coverage(problem, target_share=share),
    )
    if fewest is None:
        assert not exact.target_met and not greedy.target_met
        assert exact.after == pytest.approx(problem.coverable)
        return
    assert exact.target_met and len(exact.sites) == fewest
    assert greedy.target_met and len(greedy.sites) >= fewest and greedy.after >= target - 1e-6
    assert greedy.bound <= fewest  # the LP bound (rounded up) is a lower bound on the count


def test_demand_points_reached_by_the_same_sites_are_one_group():
    weight = np.array([5.0, 7.0, 1.0, 4.0, 0.0])
    d = np.array([0, 0, 1, 1, 2, 3, 4])
    s = np.array([0, 1, 1, 0, 2, 1, 2])
    problem = coverage_problem(weight, np.array([False, False, False, True, False]), d, s, 3)
    # Points 0 and 1 (sites 0 and 1) share a group; 3 is already covered; 4 has no people.
    assert problem.group[0] == problem.group[1] and problem.group[3] == -1 and problem.group[4] == -1
    assert sorted(problem.group_weight) == [1.0, 12.0]
    assert problem.before == 4.0 and problem.coverable == 17.0
    assert list(problem.covered_by([2])) == [False, False, True, True, True]


def test_nothing_to_gain_gives_an_empty_plan():
    problem = coverage_problem(np.ones(3), np.ones(3, bool), [0, 1], [0, 0], 2)
    for solver in ("greedy", EXACT):
        plan = plan_coverage(problem, 5, solver=solver)
        assert len(plan.sites) == 0 and plan.after == 3.0 and plan.gap == 0.0
    covering = plan_coverage(problem, target_share=0.9)
    assert covering.target_met and len(covering.sites) == 0


def test_a_stop_at_the_time_limit_reports_the_best_choice_and_its_proven_gap(monkeypatch):
    problem = coverage_of(instance(3))
    real = planner._milp

    def stopped(c, matrix, upper, integral, time_limit, lower=None):
        result = real(c, matrix, upper, integral, time_limit, lower)
        if not integral.any():
            return result
        # As HiGHS answers at its time limit: a feasible choice and a dual bound above it.
        return SimpleNamespace(status=1, x=result.x, fun=result.fun, mip_dual_bound=result.fun * 1.1,
                               message="Time limit reached")  # fmt: skip

    monkeypatch.setattr(planner, "_milp", stopped)
    plan = plan_coverage(problem, 3, solver=EXACT, time_limit=1)
    assert not plan.optimal and plan.status == "time limit reached"
    assert plan.gap == pytest.approx(1 - plan.added / plan.bound) and plan.gap > 0.05
    assert "time limit" in plan_sentence(plan, "25 km")


def test_the_problem_rejects_what_it_cannot_plan():
    problem = coverage_of(instance(1))
    with pytest.raises(AnalysisError):
        plan_coverage(problem)
    with pytest.raises(AnalysisError):
        plan_coverage(problem, 2, costs=np.zeros(problem.n_sites))
    with pytest.raises(AnalysisError):
        plan_coverage(problem, target_share=1.5)


def test_one_sentence_in_english_and_in_french():
    weight = np.array([600.0, 300.0, 100.0])
    problem = coverage_problem(weight, np.array([True, False, False]), [1, 2], [0, 1], 2)
    plan = plan_coverage(problem, 2)
    english, french = plan_sentence(plan, "50 km"), plan_sentence(plan, "50 km", "fr")
    assert english == ("Adding 2 sites brings 400 more people within 50 km of a service point: 100.0 % of the 1,000 "
                       "people, up from 60.0 % (greedy; within 0.0 % of the LP bound).")  # fmt: skip
    assert french.startswith("Ajouter 2 sites place 400 personnes de plus à 50 km ou moins d'un point de service : "
                             "100,0\u00a0% des 1\u00a0000 personnes, contre 60,0\u00a0%")  # fmt: skip
    covering = plan_coverage(problem, target_share=0.9, solver=EXACT)
    assert plan_sentence(covering, "50 km").startswith("1 site (the fewest) reach the 90.0 % target")
    median = plan_median(
        median_problem(weight, [0.0, 9000.0, 20000.0], [1, 2], [0, 1], [1000.0, 2000.0], 2), 1
    )
    assert "from 4.7 km to 2.3 km" in plan_sentence(median, "50 km")
    assert "de 4,7\u00a0km à 2,3\u00a0km" in plan_sentence(median, "50 km", "fr")


def test_the_curve_chart_is_a_png_and_without_matplotlib_a_sentence_says_why(tmp_path, monkeypatch):
    import sys

    from crs_plugin.core.charts import curve_png

    path = curve_png(tmp_path / "curve.png", [0, 1, 2], [90.0, 93.5, 95.0], "Title", "Sites added", "%",
                     target=94.0, target_label="target", labels=["A", "B"])  # fmt: skip
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    monkeypatch.setitem(
        sys.modules, "matplotlib.figure", None
    )  # as Python does for a package that is not there
    with pytest.raises(AnalysisError, match="matplotlib"):
        curve_png(tmp_path / "none.png", [0], [1.0], "t", "x", "y")
    assert not (tmp_path / "none.png").exists()
