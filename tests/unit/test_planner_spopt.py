"""The planner's exact mode against PySAL spopt (MCLP, PMedian, LSCP) on the same instances.

spopt builds each model with PuLP from a cost matrix over every facility (the existing
points as its "predefined" facilities, fixed open, then the candidate sites) and solves it
with the CBC binary shipped in PuLP's wheel; the planner keeps the existing points as
constants and solves with HiGHS. Objective values must be equal.
"""

from __future__ import annotations

import warnings

import numpy as np
import pulp
import pytest
from spopt.locate import LSCP, MCLP, PMedian

from crs_plugin.core.analysis.planner import (
    EXACT,
    GREEDY_GUARANTEE,
    coverage_problem,
    median_problem,
    plan_coverage,
    plan_median,
)

# PuLP 3 announces its 4.0 interface on the CBC command and every variable spopt makes.
with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    CBC = pulp.PULP_CBC_CMD(msg=False)
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def instance(seed: int, n: int = 150, m: int = 25, existing: int = 4):
    """Clustered demand (towns) with integer populations, candidate sites and existing points."""
    rng = np.random.default_rng(seed)
    towns = rng.uniform(0, 100_000, (8, 2))
    demand = towns[rng.integers(0, 8, n)] + rng.normal(0, 9_000, (n, 2))
    sites = towns[rng.integers(0, 8, m)] + rng.normal(0, 15_000, (m, 2))
    kept = rng.uniform(0, 100_000, (existing, 2))
    facilities = np.vstack([kept, sites])  # spopt's columns: existing first
    cost = np.hypot(*(demand[:, None] - facilities[None]).transpose(2, 0, 1))
    weight = rng.integers(1, 900, n).astype(float)
    return cost, weight, existing


def predefined(cost, existing):
    return np.array([1] * existing + [0] * (cost.shape[1] - existing))


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("p", [2, 5])
def test_maximal_coverage_equals_spopt_mclp(seed, p):
    cost, weight, e = instance(seed)
    radius = 12_000.0
    reference = MCLP.from_cost_matrix(cost, weight, service_radius=radius, p_facilities=e + p,
                                      predefined_facilities_arr=predefined(cost, e)).solve(CBC)  # fmt: skip
    d, s = np.nonzero(cost[:, e:] <= radius)
    problem = coverage_problem(weight, (cost[:, :e] <= radius).any(axis=1), d, s, cost.shape[1] - e)
    exact, greedy = plan_coverage(problem, p, solver=EXACT), plan_coverage(problem, p)
    assert exact.after == pytest.approx(reference.problem.objective.value(), abs=1e-6)
    assert greedy.added >= GREEDY_GUARANTEE * (exact.after - problem.before) - 1e-6


@pytest.mark.parametrize("seed", range(4))
def test_p_median_equals_spopt_pmedian(seed):
    cost, weight, e = instance(10 + seed, n=80, m=15, existing=3)
    p = 3
    reference = PMedian.from_cost_matrix(cost, weight, p_facilities=e + p,
                                         predefined_facilities_arr=predefined(cost, e)).solve(CBC)  # fmt: skip
    d, s = np.nonzero(np.ones((len(weight), cost.shape[1] - e), bool))
    problem = median_problem(weight, cost[:, :e].min(axis=1), d, s, cost[d, e + s], cost.shape[1] - e)
    exact, greedy = plan_median(problem, p, solver=EXACT), plan_median(problem, p)
    assert exact.after == pytest.approx(reference.problem.objective.value(), rel=1e-7)
    assert greedy.added >= GREEDY_GUARANTEE * (problem.before_total - exact.after) - 1e-6


@pytest.mark.parametrize("seed", range(5))
def test_set_covering_of_everyone_equals_spopt_lscp(seed):
    cost, weight, e = instance(20 + seed)
    # The smallest radius at which every demand point has some facility in reach (LSCP needs it).
    radius = float(np.max(cost.min(axis=1))) + 1.0
    reference = LSCP.from_cost_matrix(cost, radius, predefined_facilities_arr=predefined(cost, e)).solve(CBC)
    d, s = np.nonzero(cost[:, e:] <= radius)
    problem = coverage_problem(weight, (cost[:, :e] <= radius).any(axis=1), d, s, cost.shape[1] - e)
    plan = plan_coverage(problem, solver=EXACT, target_share=1.0)
    assert plan.target_met and plan.optimal
    # spopt counts the predefined (existing) facilities in its objective.
    assert e + len(plan.sites) == pytest.approx(reference.problem.objective.value())
