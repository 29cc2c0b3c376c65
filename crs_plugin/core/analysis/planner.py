"""Where to add service points: maximal coverage, p-median and set covering, existing points kept.

The existing points of a network stay open ("required" facilities); candidate sites are
added to them. With ``w_i`` the people of demand point ``i`` and ``N_i`` the candidate
sites that reach it within the coverage distance:

- **maximal coverage (MCLP)**: choose at most ``p`` sites (or sites within a budget) that
  bring the most people within reach of an open point;
- **p-median**: choose ``p`` sites that make the population-weighted distance to the
  nearest open point smallest;
- **set covering for a target**: the fewest sites (the cheapest, with costs) that bring a
  share of the people (90 %) within reach.

Solvers:

- **greedy** with lazy evaluation (Minoux's accelerated greedy): a site's gain only
  shrinks as others are chosen, so stale gains kept in a heap are upper bounds and only
  the top one is re-evaluated. What sites add to coverage (and what they save in
  weighted distance, with the existing points kept) is monotone and submodular, so with
  ``p`` sites the greedy choice adds at least (1 − 1/e) ≈ 63 % of the best possible
  (Nemhauser, Wolsey and Fisher 1978). Each run also solves the linear-programming
  relaxation (HiGHS) and reports how far the greedy choice is from that bound, which is
  usually far closer than the guarantee.
- **exact**: the integer program solved by HiGHS (SciPy's ``milp``) with a time limit;
  when it stops at the limit, the best choice found and its proven gap are reported.

Demand points that the same sites reach are merged into one group (their people summed)
before solving: the programs stay small however many areas share a neighbourhood.
Everything is vectorised over sparse matrices; the only Python loop runs over the few
sites the greedy choice re-evaluates.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from ..errors import AnalysisError
from ..i18n import tr

MAXIMAL_COVERAGE = "coverage"
P_MEDIAN = "median"
SET_COVERING = "covering"
GREEDY = "greedy"
EXACT = "exact"
#: Beyond this many candidate-demand pairs, greedy's LP bound is left to the online bound.
LP_PAIR_LIMIT = 3_000_000
#: How long greedy's LP bound may take (seconds) before the online bound is reported instead.
LP_TIME_LIMIT = 30.0
#: The greedy choice's guarantee on what the sites add (coverage or distance saved).
GREEDY_GUARANTEE = 1.0 - 1.0 / np.e


# -- problems -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CoverageProblem:
    """Who each candidate site would bring within reach, reduced to what a choice can change."""

    weight: np.ndarray  # (n,) people of each demand point (unknown and negative counted as 0)
    covered_before: np.ndarray  # (n,) within reach of an existing (kept) point
    group: np.ndarray  # (n,) group of each point a site can still bring within reach; -1 otherwise
    group_weight: np.ndarray  # (g,) people of each group
    reach: sparse.csc_matrix  # (g, m) which sites reach each group
    pair_demand: np.ndarray  # every (demand, site) pair within reach, for covered_by()
    pair_site: np.ndarray

    @property
    def n_sites(self) -> int:
        return self.reach.shape[1]

    @property
    def total(self) -> float:
        return float(self.weight.sum())

    @property
    def before(self) -> float:
        return float(self.weight[self.covered_before].sum())

    @property
    def coverable(self) -> float:
        """People within reach if every candidate site were added."""
        return self.before + float(self.group_weight.sum())

    def covered_by(self, sites) -> np.ndarray:
        """(n,) whether each demand point is within reach of an existing point or one of ``sites``."""
        chosen = np.zeros(self.n_sites, bool)
        chosen[np.asarray(sites, dtype=np.int64)] = True
        covered = self.covered_before.copy()
        covered[self.pair_demand[chosen[self.pair_site]]] = True
        return covered


def coverage_problem(weight, covered_before, pair_demand, pair_site, n_sites: int) -> CoverageProblem:
    """The coverage problem of demand points (``weight``, whether an existing point already
    reaches them) and the (demand, site) pairs within reach of each of ``n_sites`` candidates."""
    weight = _people(weight)
    n = len(weight)
    covered_before = np.asarray(covered_before, dtype=bool).reshape(n)
    pair_demand = np.asarray(pair_demand, dtype=np.int64)
    pair_site = np.asarray(pair_site, dtype=np.int64)
    open_pair = ~covered_before[pair_demand] & (weight[pair_demand] > 0)
    matrix = sparse.csr_matrix(
        (np.ones(int(open_pair.sum())), (pair_demand[open_pair], pair_site[open_pair])),
        shape=(n, n_sites),
    )
    matrix.sum_duplicates()
    matrix.sort_indices()
    rows = np.flatnonzero(np.diff(matrix.indptr) > 0)
    # Points reached by the same sites are one group: a row's sorted site list is its key.
    group = np.full(n, -1, dtype=np.int64)
    keys: dict[bytes, int] = {}
    indices, indptr = matrix.indices, matrix.indptr
    first = []
    for r in rows.tolist():
        key = indices[indptr[r] : indptr[r + 1]].tobytes()
        g = keys.get(key)
        if g is None:
            g = keys[key] = len(first)
            first.append(r)
        group[r] = g
    representative = matrix[np.asarray(first, dtype=np.int64)]
    reach = sparse.csr_matrix(
        (np.ones(representative.nnz), representative.indices, representative.indptr),
        shape=(len(first), n_sites),
    ).tocsc()
    group_weight = np.bincount(group[rows], weights=weight[rows], minlength=len(first))
    return CoverageProblem(weight, covered_before, group, group_weight, reach, pair_demand, pair_site)


@dataclass(frozen=True)
class MedianProblem:
    """Each demand point's distance to the nearest existing point, and the candidate sites
    that would be nearer (the only pairs a p-median choice can use), grouped by site."""

    weight: np.ndarray  # (n,) people
    before: np.ndarray  # (n,) distance to the nearest existing point (capped at ``cap``)
    cap: float  # distance counted for people no open point reaches
    site_start: np.ndarray  # (m + 1,) pairs of site j: site_start[j]:site_start[j + 1]
    pair_demand: np.ndarray
    pair_cost: np.ndarray

    @property
    def n_sites(self) -> int:
        return len(self.site_start) - 1

    @property
    def pair_site(self) -> np.ndarray:
        return np.repeat(np.arange(self.n_sites), np.diff(self.site_start))

    @property
    def total(self) -> float:
        return float(self.weight.sum())

    @property
    def before_total(self) -> float:
        return float(self.weight @ self.before)

    def distances_with(self, sites) -> np.ndarray:
        """(n,) each point's distance to the nearest open point once ``sites`` are added."""
        current = self.before.copy()
        for j in np.asarray(sites, dtype=np.int64).tolist():
            s, e = self.site_start[j], self.site_start[j + 1]
            rows = self.pair_demand[s:e]
            current[rows] = np.minimum(current[rows], self.pair_cost[s:e])
        return current

    def people_served(self, sites) -> np.ndarray:
        """For each of ``sites`` (in order): the people whose nearest open point it becomes
        (a tie goes to the site listed first)."""
        sites = np.asarray(sites, dtype=np.int64)
        final = self.distances_with(sites)
        assigned = np.zeros(len(self.weight), bool)
        served = np.zeros(len(sites))
        for k, j in enumerate(sites.tolist()):
            s, e = self.site_start[j], self.site_start[j + 1]
            rows = self.pair_demand[s:e]
            mine = (self.pair_cost[s:e] <= final[rows]) & (final[rows] < self.before[rows]) & ~assigned[rows]
            served[k] = self.weight[rows[mine]].sum()
            assigned[rows[mine]] = True
        return served


def median_problem(weight, kept_distance, pair_demand, pair_site, pair_cost, n_sites: int,
                   cap: float | None = None) -> MedianProblem:  # fmt: skip
    """The p-median problem: ``kept_distance`` to the nearest existing point (inf or NaN where
    none reaches) and candidate (demand, site, cost) pairs. People no open point reaches count
    at ``cap`` (by default the farthest distance to an existing point)."""
    weight = _people(weight)
    before = np.asarray(kept_distance, dtype=float).reshape(len(weight)).copy()
    reached = np.isfinite(before)
    if cap is None:
        if not reached.any():
            raise AnalysisError(tr("The p-median needs a distance for people no existing point reaches."))
        cap = float(before[reached].max())
    before[~reached] = cap
    before = np.minimum(before, cap)
    pair_demand = np.asarray(pair_demand, dtype=np.int64)
    pair_site = np.asarray(pair_site, dtype=np.int64)
    pair_cost = np.asarray(pair_cost, dtype=float)
    useful = (pair_cost < before[pair_demand]) & (weight[pair_demand] > 0)
    pair_demand, pair_site, pair_cost = pair_demand[useful], pair_site[useful], pair_cost[useful]
    # One pair per (demand, site): the cheapest.
    order = np.lexsort((pair_cost, pair_demand, pair_site))
    pair_demand, pair_site, pair_cost = pair_demand[order], pair_site[order], pair_cost[order]
    first = np.ones(len(order), bool)
    first[1:] = (pair_site[1:] != pair_site[:-1]) | (pair_demand[1:] != pair_demand[:-1])
    pair_demand, pair_site, pair_cost = pair_demand[first], pair_site[first], pair_cost[first]
    site_start = np.concatenate([[0], np.cumsum(np.bincount(pair_site, minlength=n_sites))])
    return MedianProblem(weight, before, float(cap), site_start, pair_demand, pair_cost)


def nearer_pairs(distances, demand_xy, site_xy, before) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(demand, site, cost) pairs where a site is nearer a demand point than its ``before``
    distance (the only pairs a p-median can use). ``distances`` is a distance model
    (``core.network.distances``; straight lines when None)."""
    demand_xy = np.asarray(demand_xy, dtype=float).reshape(-1, 2)
    site_xy = np.asarray(site_xy, dtype=float).reshape(-1, 2)
    before = np.asarray(before, dtype=float)
    empty = np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
    ok = np.isfinite(demand_xy).all(axis=1) & (before > 0)
    if not ok.any() or len(site_xy) == 0:
        return empty
    if distances is None or not getattr(distances, "by_road", False):
        # Each point's own radius: far-off people search far, the others stay local.
        from scipy.spatial import cKDTree

        rows = np.flatnonzero(ok)
        found = cKDTree(site_xy).query_ball_point(demand_xy[rows], before[rows], return_sorted=False)
        counts = np.fromiter((len(f) for f in found), dtype=np.int64, count=len(found))
        if counts.sum() == 0:
            return empty
        demand = np.repeat(rows, counts)
        site = np.concatenate([np.asarray(f, dtype=np.int64) for f in found if len(f)])
        cost = np.hypot(*(demand_xy[demand] - site_xy[site]).T)
    else:
        demand, site, cost = distances.within(demand_xy, site_xy, float(before[ok].max()))
    nearer = cost < before[demand]
    return demand[nearer], site[nearer], cost[nearer]


def _people(weight) -> np.ndarray:
    w = np.asarray(weight, dtype=float).ravel()
    return np.where(np.isfinite(w) & (w > 0), w, 0.0)


# -- plans ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """Sites to add, in the order they are worth most, and how good the choice is.

    For coverage and set covering ``before``/``after`` are people within reach; for the
    p-median they are population-weighted distances (sum of people × distance). ``gains``
    are what each site adds in order (people brought within reach, or weighted distance saved).
    """

    objective: str
    solver: str
    sites: np.ndarray
    gains: np.ndarray
    before: float
    after: float
    total: float  # people
    cost: float  # total cost of the sites (their number without costs)
    bound: float | None  # on the part the sites change: people or distance saved, or sites/cost (covering)
    bound_kind: str  # "LP", "MILP" (exact's dual bound), "online" or ""
    gap: float  # relative gap between the choice and the bound, on what the sites change
    optimal: bool  # exact mode proved it optimal
    status: str = ""
    target: float | None = None  # people a set covering must reach
    target_met: bool | None = None
    notes: tuple[str, ...] = field(default=())

    @property
    def curve(self) -> np.ndarray:
        """Cumulative value after 0, 1, 2 … sites: people within reach, or weighted distance."""
        sign = -1.0 if self.objective == P_MEDIAN else 1.0
        return self.before + sign * np.concatenate([[0.0], np.cumsum(self.gains)])

    @property
    def added(self) -> float:
        return float(np.sum(self.gains))


def plan_coverage(problem: CoverageProblem, sites: int | None = None, budget: float | None = None,
                  costs=None, solver: str = GREEDY, time_limit: float = 60.0,
                  target_share: float | None = None) -> Plan:  # fmt: skip
    """Maximal coverage with at most ``sites`` new sites (and/or within ``budget``), or, with
    ``target_share`` (0.9), the fewest (cheapest) sites that bring that share within reach."""
    cost = _costs(costs, problem.n_sites)
    if target_share is not None:
        return _set_covering(problem, cost, float(target_share), solver, time_limit)
    limit_count, limit_budget = _limits(sites, budget)
    if solver == EXACT:
        return _exact_coverage(problem, cost, limit_count, limit_budget, time_limit)
    state = _CoverageState(problem)
    order, gains = _lazy_greedy(state, cost, limit_count, limit_budget)
    order, gains = _best_single_if_better(
        state, _CoverageState(problem), cost, limit_budget, order, gains, costs
    )
    added = float(np.sum(gains))
    bound, kind, notes = _coverage_bound(problem, cost, limit_count, limit_budget, order, added)
    return Plan(MAXIMAL_COVERAGE, GREEDY, order, gains, problem.before, problem.before + added, problem.total,
                float(cost[order].sum()), bound, kind, _gap(added, bound), False, notes=notes)  # fmt: skip


def plan_median(problem: MedianProblem, sites: int | None = None, budget: float | None = None, costs=None,
                solver: str = GREEDY, time_limit: float = 60.0) -> Plan:  # fmt: skip
    """p-median with the existing points kept: at most ``sites`` new sites (and/or within
    ``budget``) that make the population-weighted distance to the nearest open point smallest."""
    cost = _costs(costs, problem.n_sites)
    limit_count, limit_budget = _limits(sites, budget)
    if solver == EXACT:
        return _exact_median(problem, cost, limit_count, limit_budget, time_limit)
    state = _MedianState(problem)
    order, gains = _lazy_greedy(state, cost, limit_count, limit_budget)
    order, gains = _best_single_if_better(
        state, _MedianState(problem), cost, limit_budget, order, gains, costs
    )
    saved = float(np.sum(gains))
    bound, kind, notes = _median_bound(problem, cost, limit_count, limit_budget, order, saved)
    return Plan(P_MEDIAN, GREEDY, order, gains, problem.before_total, problem.before_total - saved, problem.total,
                float(cost[order].sum()), bound, kind, _gap(saved, bound), False, notes=notes)  # fmt: skip


def _costs(costs, m: int) -> np.ndarray:
    if costs is None:
        return np.ones(m)
    cost = np.asarray(costs, dtype=float).reshape(m)
    if not np.all(np.isfinite(cost)) or np.any(cost <= 0):
        raise AnalysisError(tr("Every candidate site needs a cost greater than 0."))
    return cost


def _limits(sites, budget) -> tuple[int, float]:
    if sites is None and budget is None:
        raise AnalysisError(tr("Give a number of sites to add or a budget."))
    if sites is not None and sites < 0:
        raise AnalysisError(tr("The number of sites to add cannot be negative."))
    if budget is not None and budget < 0:
        raise AnalysisError(tr("The budget cannot be negative."))
    return (int(sites) if sites is not None else np.iinfo(np.int64).max), (
        float(budget) if budget is not None else np.inf
    )


def _gap(value: float, bound: float | None) -> float:
    """Relative gap of a maximised ``value`` below its upper ``bound``."""
    if bound is None or not np.isfinite(bound):
        return float("nan")
    if bound <= 0:
        return 0.0
    return max(0.0, (bound - value) / bound)


# -- greedy ---------------------------------------------------------------------------------


class _CoverageState:
    """People each site would still bring within reach, as sites are taken."""

    def __init__(self, problem: CoverageProblem) -> None:
        self.reach = problem.reach
        self.remaining = problem.group_weight.astype(float).copy()

    def gains(self) -> np.ndarray:
        return np.asarray(self.reach.T @ self.remaining).ravel()

    def gain(self, j: int) -> float:
        rows = self.reach.indices[self.reach.indptr[j] : self.reach.indptr[j + 1]]
        return float(self.remaining[rows].sum())

    def take(self, j: int) -> None:
        self.remaining[self.reach.indices[self.reach.indptr[j] : self.reach.indptr[j + 1]]] = 0.0


class _MedianState:
    """Weighted distance each site would still save, as sites are taken."""

    def __init__(self, problem: MedianProblem) -> None:
        self.problem = problem
        self.current = problem.before.copy()

    def gains(self) -> np.ndarray:
        p = self.problem
        saving = p.weight[p.pair_demand] * np.maximum(self.current[p.pair_demand] - p.pair_cost, 0.0)
        return np.bincount(p.pair_site, weights=saving, minlength=p.n_sites)

    def gain(self, j: int) -> float:
        p = self.problem
        s, e = p.site_start[j], p.site_start[j + 1]
        rows = p.pair_demand[s:e]
        return float(p.weight[rows] @ np.maximum(self.current[rows] - p.pair_cost[s:e], 0.0))

    def take(self, j: int) -> None:
        p = self.problem
        s, e = p.site_start[j], p.site_start[j + 1]
        rows = p.pair_demand[s:e]
        self.current[rows] = np.minimum(self.current[rows], p.pair_cost[s:e])


def _lazy_greedy(state, cost: np.ndarray, max_count: int, budget: float, enough: float = np.inf,
                 allowed: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Sites by largest gain (per cost) until ``max_count`` sites, the ``budget`` or ``enough``
    gained; stale gains in a heap are upper bounds (submodularity), so only the top is re-evaluated."""
    initial = state.gains()
    candidates = np.flatnonzero((initial > 0) & (cost <= budget))
    if allowed is not None:
        candidates = candidates[allowed[candidates]]
    heap = list(zip((-initial[candidates] / cost[candidates]).tolist(), candidates.tolist()))
    heapq.heapify(heap)
    order, gains, spent, total = [], [], 0.0, 0.0
    while heap and len(order) < max_count and total < enough:
        _, j = heapq.heappop(heap)
        if cost[j] > budget - spent:
            continue  # the budget only shrinks: it never fits again
        gain = state.gain(j)
        if gain <= 0:
            continue
        ratio = gain / cost[j]
        if heap and ratio < -heap[0][0] * (1.0 - 1e-12):
            heapq.heappush(heap, (-ratio, j))
            continue
        state.take(j)
        order.append(j)
        gains.append(gain)
        spent += cost[j]
        total += gain
    return np.asarray(order, dtype=np.int64), np.asarray(gains, dtype=float)


def _best_single_if_better(state, fresh, cost, budget, order, gains, costs):
    """With costs that differ, greedy by gain per cost can be beaten by one dear site
    (Khuller, Moss and Naor 1999): keep the better of the two."""
    if costs is None or len(np.unique(cost)) <= 1:
        return order, gains
    single = fresh.gains()
    single[cost > budget] = -1.0
    j = int(np.argmax(single)) if len(single) else -1
    if j >= 0 and single[j] > float(np.sum(gains)):
        return np.array([j], dtype=np.int64), np.array([single[j]])
    return order, gains


def _order_by_gain(state, chosen: np.ndarray, cost: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """An exact choice in the order its sites add most (for the curve and the table)."""
    allowed = np.zeros(len(cost), bool)
    allowed[chosen] = True
    order, gains = _lazy_greedy(state, np.ones(len(cost)), len(chosen), np.inf, allowed=allowed)
    rest = np.setdiff1d(chosen, order)  # sites that add nothing once the others are open
    return np.concatenate([order, rest]), np.concatenate([gains, np.zeros(len(rest))])


def _online_bound(state, value: float, cost: np.ndarray, max_count: int, budget: float, taken) -> float:
    """An upper bound on the best value from the greedy choice's remaining gains (submodularity:
    the best choice adds at most the largest gains it could still buy)."""
    gains = state.gains()
    gains[np.asarray(taken, dtype=np.int64)] = 0.0
    if not np.isfinite(budget):
        k = min(max_count, len(gains))
        return value + float(np.sort(gains)[::-1][:k].sum()) if k > 0 else value
    order = np.argsort(-gains / cost, kind="stable")  # fractional knapsack
    room, extra, count = budget, 0.0, 0
    for j in order.tolist():
        if gains[j] <= 0 or room <= 0 or count >= max_count:
            break
        share = min(1.0, room / cost[j])
        extra += share * gains[j]
        room -= share * cost[j]
        count += 1
    return value + extra


# -- linear and integer programs (HiGHS) ----------------------------------------------------


def _milp(c, matrix, upper, integral: np.ndarray, time_limit: float, lower=None):
    """min c·v with lower <= matrix·v <= upper, 0 <= v <= 1; HiGHS through SciPy."""
    from scipy.optimize import Bounds, LinearConstraint, milp

    constraints = LinearConstraint(matrix, -np.inf if lower is None else lower, upper)
    options = {"time_limit": max(float(time_limit), 0.1), "disp": False}
    if integral.any():
        options["mip_rel_gap"] = 1e-9  # exact means exact: HiGHS stops at 0.01 % by default
    return milp(c, integrality=integral.astype(np.int8), bounds=Bounds(0.0, 1.0),
                constraints=constraints, options=options)  # fmt: skip


def _coverage_program(problem: CoverageProblem, cost, max_count, budget):
    """max Σ w_g y_g s.t. y_g <= Σ_{j reaches g} x_j, Σ x <= p, Σ c x <= B, over useful sites."""
    useful = np.flatnonzero(np.diff(problem.reach.indptr) > 0)
    reach = problem.reach[:, useful].tocsr()
    g, k = reach.shape
    rows = [sparse.hstack([-reach, sparse.identity(g, format="csr")], format="csr")]
    upper = [np.zeros(g)]
    if np.isfinite(max_count) and max_count < k:
        rows.append(sparse.csr_matrix(np.concatenate([np.ones(k), np.zeros(g)])[None, :]))
        upper.append([float(max_count)])
    if np.isfinite(budget):
        rows.append(sparse.csr_matrix(np.concatenate([cost[useful], np.zeros(g)])[None, :]))
        upper.append([budget])
    matrix = sparse.vstack(rows, format="csr")
    c = np.concatenate([np.zeros(k), -problem.group_weight])
    return useful, c, matrix, np.concatenate(upper)


def _coverage_bound(problem, cost, max_count, budget, order, added):
    useful, c, matrix, upper = _coverage_program(problem, cost, max_count, budget)
    if len(useful) == 0:
        return 0.0, "LP", ()
    if matrix.nnz <= LP_PAIR_LIMIT:
        result = _milp(c, matrix, upper, np.zeros(len(c), bool), LP_TIME_LIMIT)
        if result.status == 0:
            return max(float(-result.fun), added), "LP", ()
    state = _CoverageState(problem)
    for j in order.tolist():
        state.take(j)
    bound = _online_bound(state, added, cost, max_count, budget, order)
    return bound, "online", (tr("The LP bound was too large to compute in time: the online bound is given."),)


def _exact_coverage(problem: CoverageProblem, cost, max_count, budget, time_limit) -> Plan:
    useful, c, matrix, upper = _coverage_program(problem, cost, max_count, budget)
    k = len(useful)
    if k == 0 or max_count == 0:
        return Plan(MAXIMAL_COVERAGE, EXACT, np.zeros(0, np.int64), np.zeros(0), problem.before, problem.before,
                    problem.total, 0.0, 0.0, "MILP", 0.0, True)  # fmt: skip
    integral = np.concatenate([np.ones(k, bool), np.zeros(len(c) - k, bool)])
    result = _milp(c, matrix, upper, integral, time_limit)
    chosen, optimal, status, bound = _read_milp(result, useful, k)
    notes = ()
    if chosen is None:  # no feasible choice within the time limit: greedy's
        chosen = _lazy_greedy(_CoverageState(problem), cost, max_count, budget)[0]
        notes = (tr("No integer solution was found within the time limit: the greedy choice is given."),)
    order, gains = _order_by_gain(_CoverageState(problem), chosen, cost)
    added = float(gains.sum())
    bound = max(bound, added) if bound is not None else None
    return Plan(MAXIMAL_COVERAGE, EXACT, order, gains, problem.before, problem.before + added, problem.total,
                float(cost[order].sum()), bound, "MILP", _gap(added, bound), optimal, status, notes=notes)  # fmt: skip


def _read_milp(result, useful, k):
    """(chosen sites or None, proved optimal, status sentence, dual bound on the maximised value)."""
    optimal = result.status == 0
    bound = getattr(result, "mip_dual_bound", None)
    bound = -float(bound) if bound is not None and np.isfinite(bound) else None
    if result.x is None:
        return None, False, _status(result), bound
    chosen = useful[np.asarray(result.x[:k]) > 0.5]
    if optimal:
        bound = -float(result.fun)
    return chosen, optimal, _status(result), bound


def _status(result) -> str:
    if result.status == 0:
        return "optimal"
    if result.status == 1:
        return "time limit reached"
    return str(result.message)


def _set_covering(problem: CoverageProblem, cost, share: float, solver: str, time_limit: float) -> Plan:
    if not 0.0 < share <= 1.0:
        raise AnalysisError(tr("A coverage target is a share of the population between 0 and 100 %."))
    target = share * problem.total
    needed = target - problem.before
    notes: list[str] = []
    met = True
    if needed > problem.coverable - problem.before + 1e-9 * max(problem.total, 1.0):
        met = False
        needed = problem.coverable - problem.before
        notes.append(
            tr("The target cannot be met with every candidate site: the sites that reach the most are given.")
        )
    empty = np.zeros(0, np.int64)
    if needed <= 1e-9 * max(problem.total, 1.0):
        return Plan(SET_COVERING, solver, empty, np.zeros(0), problem.before, problem.before, problem.total, 0.0,
                    0.0, "LP", 0.0, solver == EXACT, target=target, target_met=met, notes=tuple(notes))  # fmt: skip
    enough = needed * (1.0 - 1e-12)
    useful, _, matrix, _ = _coverage_program(problem, cost, np.inf, np.inf)
    k = len(useful)
    g = matrix.shape[0]
    # min Σ c x  s.t.  y_g <= Σ x (reach),  Σ w y >= needed
    weights_row = sparse.csr_matrix(np.concatenate([np.zeros(k), problem.group_weight])[None, :])
    program = sparse.vstack([matrix, weights_row], format="csr")
    lower = np.concatenate([np.full(g, -np.inf), [enough]])
    upper = np.concatenate([np.zeros(g), [np.inf]])
    c = np.concatenate([cost[useful], np.zeros(g)])
    if solver == EXACT:
        integral = np.concatenate([np.ones(k, bool), np.zeros(g, bool)])
        result = _milp(c, program, upper, integral, time_limit, lower)
        optimal = result.status == 0
        dual = getattr(result, "mip_dual_bound", None)
        bound = float(dual) if dual is not None and np.isfinite(dual) else None
        if result.x is not None:
            chosen = useful[np.asarray(result.x[:k]) > 0.5]
        else:
            chosen = _lazy_greedy(_CoverageState(problem), cost, np.iinfo(np.int64).max, np.inf, enough)[0]
            notes.append(
                tr("No integer solution was found within the time limit: the greedy choice is given.")
            )
        order, gains = _order_by_gain(_CoverageState(problem), chosen, cost)
        spent = float(cost[order].sum())
        if optimal:
            bound = spent
        kind, status = "MILP", _status(result)
    else:
        order, gains = _lazy_greedy(_CoverageState(problem), cost, np.iinfo(np.int64).max, np.inf, enough)
        spent = float(cost[order].sum())
        result = (
            _milp(c, program, upper, np.zeros(len(c), bool), LP_TIME_LIMIT, lower)
            if program.nnz <= LP_PAIR_LIMIT
            else None
        )
        bound = float(result.fun) if result is not None and result.status == 0 else None
        if bound is not None and _whole_sites(cost):
            bound = float(np.ceil(bound - 1e-9))  # a number of sites is whole
        kind, optimal, status = ("LP" if bound is not None else ""), False, ""
    gap = (
        max(0.0, (spent - bound) / spent)
        if bound is not None and spent > 0
        else (0.0 if spent == 0 else float("nan"))
    )
    added = float(gains.sum())
    return Plan(SET_COVERING, solver, order, gains, problem.before, problem.before + added, problem.total, spent,
                bound, kind, gap, optimal, status, target=target, target_met=met, notes=tuple(notes))  # fmt: skip


def _whole_sites(cost: np.ndarray) -> bool:
    """Whether the costs are all 1: a count of sites, whose bound rounds up."""
    return bool(np.all(cost == 1.0))


def _median_program(problem: MedianProblem, cost, max_count, budget):
    """max Σ w_i (d0_i − d_ij) z_ij  s.t.  Σ_j z_ij <= 1,  z_ij <= x_j,  Σ x <= p,  Σ c x <= B."""
    site = problem.pair_site
    useful = np.flatnonzero(np.diff(problem.site_start) > 0)
    column = np.full(problem.n_sites, -1, np.int64)
    column[useful] = np.arange(len(useful))
    k, q = len(useful), len(problem.pair_demand)
    demands, demand_row = np.unique(problem.pair_demand, return_inverse=True)
    pairs = np.arange(q)
    one_each = sparse.csr_matrix((np.ones(q), (demand_row, k + pairs)), shape=(len(demands), k + q))
    link = sparse.csr_matrix(
        (np.concatenate([np.ones(q), -np.ones(q)]), (np.concatenate([pairs, pairs]), np.concatenate([k + pairs, column[site]]))),
        shape=(q, k + q),
    )  # fmt: skip
    rows, upper = [one_each, link], [np.ones(len(demands)), np.zeros(q)]
    if np.isfinite(max_count) and max_count < k:
        rows.append(sparse.csr_matrix(np.concatenate([np.ones(k), np.zeros(q)])[None, :]))
        upper.append([float(max_count)])
    if np.isfinite(budget):
        rows.append(sparse.csr_matrix(np.concatenate([cost[useful], np.zeros(q)])[None, :]))
        upper.append([budget])
    saving = problem.weight[problem.pair_demand] * (problem.before[problem.pair_demand] - problem.pair_cost)
    c = np.concatenate([np.zeros(k), -saving])
    return useful, c, sparse.vstack(rows, format="csr"), np.concatenate(upper)


def _median_bound(problem, cost, max_count, budget, order, saved):
    if len(problem.pair_demand) == 0:
        return 0.0, "LP", ()
    if len(problem.pair_demand) <= LP_PAIR_LIMIT:
        useful, c, matrix, upper = _median_program(problem, cost, max_count, budget)
        result = _milp(c, matrix, upper, np.zeros(len(c), bool), LP_TIME_LIMIT)
        if result.status == 0:
            return max(float(-result.fun), saved), "LP", ()
    state = _MedianState(problem)
    for j in order.tolist():
        state.take(j)
    bound = _online_bound(state, saved, cost, max_count, budget, order)
    return bound, "online", (tr("The LP bound was too large to compute in time: the online bound is given."),)


def _exact_median(problem: MedianProblem, cost, max_count, budget, time_limit) -> Plan:
    before = problem.before_total
    if len(problem.pair_demand) == 0 or max_count == 0:
        return Plan(P_MEDIAN, EXACT, np.zeros(0, np.int64), np.zeros(0), before, before, problem.total, 0.0, 0.0,
                    "MILP", 0.0, True)  # fmt: skip
    useful, c, matrix, upper = _median_program(problem, cost, max_count, budget)
    k = len(useful)
    integral = np.concatenate([np.ones(k, bool), np.zeros(len(c) - k, bool)])
    result = _milp(c, matrix, upper, integral, time_limit)
    chosen, optimal, status, bound = _read_milp(result, useful, k)
    notes = ()
    if chosen is None:
        chosen = _lazy_greedy(_MedianState(problem), cost, max_count, budget)[0]
        notes = (tr("No integer solution was found within the time limit: the greedy choice is given."),)
    order, gains = _order_by_gain(_MedianState(problem), chosen, cost)
    saved = float(gains.sum())
    bound = max(bound, saved) if bound is not None else None
    return Plan(P_MEDIAN, EXACT, order, gains, before, before - saved, problem.total, float(cost[order].sum()),
                bound, "MILP", _gap(saved, bound), optimal, status, notes=notes)  # fmt: skip


# -- in words -------------------------------------------------------------------------------


def plan_sentence(plan: Plan, reach: str, language: str = "en", unit: str = "m") -> str:
    """One sentence saying what the plan does, in the interface language. ``reach`` is the
    coverage distance as shown ("50 km", "30 min"); ``unit`` the distances' unit (m or s)."""
    from .official_languages import _number, _percent

    fr = language.startswith("fr")
    lang = "fr" if fr else "en"
    n = len(plan.sites)
    total = max(plan.total, 1e-12)
    share_before, share_after = _percent(plan.before / total, lang), _percent(plan.after / total, lang)
    people = _number(plan.total, lang)
    if plan.objective == P_MEDIAN:
        scale, suffix = (60.0, "min") if unit == "s" else (1000.0, "km")

        def mean(value):
            text = f"{value / total / scale:.1f}"
            return (text.replace(".", ",") + "\u00a0" + suffix) if fr else f"{text} {suffix}"

        if fr:
            return (f"Ajouter {n} site{'s' if n > 1 else ''} ramène la distance moyenne, pondérée par la population, "
                    f"au point de service le plus proche de {mean(plan.before)} à {mean(plan.after)} "
                    f"pour {people} personnes{_quality(plan, lang)}.")  # fmt: skip
        return (f"Adding {n} site{'s' if n != 1 else ''} brings the population-weighted mean distance to the nearest "
                f"service point from {mean(plan.before)} to {mean(plan.after)} for {people} people{_quality(plan, lang)}.")  # fmt: skip
    if plan.objective == SET_COVERING:
        target = _percent((plan.target or 0.0) / total, lang)
        if n == 0 and plan.target_met:
            if fr:
                return (f"Les points existants placent déjà {share_before} des {people} personnes à {reach} ou moins : "
                        f"la cible de {target} ne demande aucun nouveau site.")  # fmt: skip
            return (f"The existing points already bring {share_before} of the {people} people within {reach}: "
                    f"the {target} target needs no new site.")  # fmt: skip
        if not plan.target_met:
            if fr:
                return (f"Même avec tous les sites candidats, {share_after} des {people} personnes seraient à {reach} "
                        f"ou moins : la cible de {target} est hors d'atteinte; les {n} sites proposés en placent le plus.")  # fmt: skip
            return (f"Even every candidate site brings only {share_after} of the {people} people within {reach}: the "
                    f"{target} target cannot be met; the {n} sites listed reach the most.")  # fmt: skip
        if fr:
            fewest = "le moins de sites" if plan.optimal else "peu de sites (choix glouton)"
            return (f"{n} site{'s' if n > 1 else ''} ({fewest}) atteignent la cible de {target} : {share_after} des "
                    f"{people} personnes à {reach} ou moins, contre {share_before}{_quality(plan, lang)}.")  # fmt: skip
        fewest = "the fewest" if plan.optimal else "greedy choice"
        return (f"{n} site{'s' if n != 1 else ''} ({fewest}) reach the {target} target: {share_after} of the {people} "
                f"people within {reach}, up from {share_before}{_quality(plan, lang)}.")  # fmt: skip
    added = _number(plan.added, lang)
    if fr:
        return (f"Ajouter {n} site{'s' if n > 1 else ''} place {added} personnes de plus à {reach} ou moins d'un point "
                f"de service : {share_after} des {people} personnes, contre {share_before}{_quality(plan, lang)}.")  # fmt: skip
    return (f"Adding {n} site{'s' if n != 1 else ''} brings {added} more people within {reach} of a service point: "
            f"{share_after} of the {people} people, up from {share_before}{_quality(plan, lang)}.")  # fmt: skip


def _quality(plan: Plan, lang: str) -> str:
    """' (greedy; within 0.3 % of the LP bound)' and the like."""
    from .official_languages import _percent

    fr = lang == "fr"
    if plan.solver == EXACT:
        if plan.optimal:
            return " (optimal)" if not fr else " (optimal)"
        gap = _percent(plan.gap, lang) if np.isfinite(plan.gap) else "?"
        return (f" (time limit reached: within {gap} of the optimum)" if not fr
                else f" (limite de temps atteinte : à {gap} ou moins de l'optimum)")  # fmt: skip
    if plan.bound is None or not np.isfinite(plan.gap):
        return " (greedy)" if not fr else " (glouton)"
    gap = _percent(plan.gap, lang)
    bound = {"LP": ("the LP bound", "la borne de la relaxation linéaire"),
             "online": ("the online bound", "la borne en ligne")}.get(plan.bound_kind, ("the bound", "la borne"))  # fmt: skip
    return f" (greedy; within {gap} of {bound[0]})" if not fr else f" (glouton; à {gap} de {bound[1]})"
