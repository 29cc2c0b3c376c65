"""What the planning algorithms share: the network kept open and the candidate sites.

Both come from one service-point layer: the existing network is chosen by order of
government and channel (federal in-person points by default); the candidate sites are the
points of other networks that pass the usual service-point filters.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from qgis.core import QgsProcessingException, QgsProcessingParameterEnum, QgsProcessingParameterNumber

from ..core.filters import ServiceFilter
from ..core.i18n import translatable
from ..core.schema import CHANNELS, ORDERS_OF_GOVERNMENT
from ..toolbelt.translation import language
from .base import ServicePoints

#: Fields the outputs describe the sites with (when the layer has them).
SITE_FIELDS = ("point_id", "name_en", "name_fr", "organization", "order_of_government", "province")


class PlanningNetworkMixin:
    """The existing network (kept open) and candidate sites of the planning algorithms."""

    EXISTING_ORDERS = "EXISTING_ORDERS"
    EXISTING_CHANNELS = "EXISTING_CHANNELS"
    SOLVER = "SOLVER"
    TIME_LIMIT = "TIME_LIMIT"
    SOLVERS = (translatable("Greedy (fast; within 1 − 1/e of the best, gap to the LP bound reported)"),
               translatable("Exact (integer program, HiGHS)"))  # fmt: skip

    def add_network_parameters(self) -> None:
        lang = language()
        for name, label, choices in (
            (self.EXISTING_ORDERS, self.tr("Existing network (kept open): orders of government"), ORDERS_OF_GOVERNMENT),
            (self.EXISTING_CHANNELS, self.tr("Existing network (kept open): channels"), CHANNELS),
        ):  # fmt: skip
            param = QgsProcessingParameterEnum(name, label, [c.label(lang) for c in choices],
                                               allowMultiple=True, defaultValue=[0], optional=True)  # fmt: skip
            param.setHelp(self.tr("The points that stay open; federal in-person points by default."))
            self.addParameter(param)
        self.add_service_filter_parameters()
        for name, label in (
            (self.ORDERS, self.tr("Candidate sites: only these orders of government")),
            (self.CHANNELS, self.tr("Candidate sites: only these channels (in person when empty)")),
            (self.POINT_TYPES, self.tr("Candidate sites: only these point types")),
            (self.SERVICE_CODES, self.tr("Candidate sites: only points offering one of these service codes")),
            (self.OPERATED_BY, self.tr("Candidate sites: only points operated by these jurisdictions")),
            (self.LOCATED_IN, self.tr("Candidate sites: only points located in these provinces/territories")),
        ):
            self.parameterDefinition(name).setDescription(label)

    def add_solver_parameters(self, default: int = 0) -> None:
        solver = QgsProcessingParameterEnum(self.SOLVER, self.tr("Solver"), [self.tr(s) for s in self.SOLVERS],  # i18n: marked
                                            defaultValue=default, optional=True)  # fmt: skip
        solver.setHelp(self.tr("Greedy answers in seconds on any size; exact proves the optimum, or reports "
                               "its gap when the time limit stops it."))  # fmt: skip
        self.addParameter(solver)
        limit = QgsProcessingParameterNumber(self.TIME_LIMIT, self.tr("Time limit of the exact solver (seconds)"),
                                             QgsProcessingParameterNumber.Double, 60.0, True, 1.0)  # fmt: skip
        self.addParameter(limit)

    def solver_choice(self, parameters, context) -> tuple[str, float]:
        exact = self.parameterAsEnum(parameters, self.SOLVER, context) == 1
        time_limit = self.parameterAsDouble(parameters, self.TIME_LIMIT, context) or 60.0
        return ("exact" if exact else "greedy"), time_limit

    def existing_filter(self, parameters, context) -> ServiceFilter:
        def codes(name, choices):
            # QGIS 3.22 answers [0] for an omitted optional multi-enum, which is the default here; an
            # empty choice would make every point part of the network, leaving no candidate.
            given = parameters.get(name) not in (None, "", [])
            return tuple(
                choices[i].code for i in (self.parameterAsEnums(parameters, name, context) if given else [0])
            )

        return ServiceFilter(orders=codes(self.EXISTING_ORDERS, ORDERS_OF_GOVERNMENT),
                             channels=codes(self.EXISTING_CHANNELS, CHANNELS))  # fmt: skip

    def network_and_candidates(self, parameters, context, metric, feedback, fields=()):
        """(existing points, candidate sites) from the service-point layer, coordinates in ``metric``."""
        existing_filter = self.existing_filter(parameters, context)
        candidate_filter = self.service_filter(parameters, context)
        if not candidate_filter.channels:  # a call centre or a website is no place to co-locate
            candidate_filter = replace(candidate_filter, channels=("in_person",))
        layer, _ = self.input_layer(parameters, self.SERVICES, context)
        available = set(layer.fields().names())
        for chosen in (existing_filter, candidate_filter):
            chosen.require_fields(available)
        wanted = [f for f in (*SITE_FIELDS, *fields) if f in available]
        wanted = list(
            dict.fromkeys([*wanted, *existing_filter.needed_fields, *candidate_filter.needed_fields])
        )
        arrays = self.layer_arrays(parameters, self.SERVICES, context, wanted, metric, feedback)
        xy = arrays.points()
        located = np.isfinite(xy).all(axis=1)
        in_network = existing_filter.mask(arrays.attributes, len(arrays)) & located
        candidate = candidate_filter.mask(arrays.attributes, len(arrays)) & located & ~in_network
        chosen = self.describe_input(parameters, self.SERVICES, context)
        existing_text = self.tr("{} existing points kept open ({})").format(int(in_network.sum()),
                                                                           existing_filter.describe())  # fmt: skip
        candidate_text = self.tr("{} candidate sites ({})").format(
            int(candidate.sum()), candidate_filter.describe()
        )
        used = "; ".join(p for p in (existing_text, candidate_text, chosen) if p) + "."
        feedback.pushInfo(used)
        if not candidate.any():
            raise QgsProcessingException(
                self.tr(
                    "No candidate site passes the filters: choose other orders of government, channels or "
                    "point types for the candidate sites."
                )  # fmt: skip
            )

        def points(mask) -> ServicePoints:
            rows = np.flatnonzero(mask)
            return ServicePoints(xy[rows], {k: v[rows] for k, v in arrays.attributes.items()}, used)

        return points(in_network), points(candidate)


def site_names(sites: ServicePoints, lang: str) -> np.ndarray:
    """Each site's name in the interface language (the other language where it has none)."""
    first, second = ("name_fr", "name_en") if lang == "fr" else ("name_en", "name_fr")
    a, b = sites.column(first), sites.column(second)
    names = np.where([v not in (None, "") for v in a], a, b)
    return np.array([str(v) if v not in (None, "") else "" for v in names], dtype=object)
