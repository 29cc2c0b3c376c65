"""Shared pieces of the contribute-and-review algorithms (checkout, validate, build, submit, apply)."""

from __future__ import annotations

from qgis.core import QgsProcessingParameterProviderConnection

from ..toolbelt.connections import shared_store_from_connection

SHARED_STORE = "SHARED_STORE"


def shared_store_parameter(algorithm, optional: bool = False) -> QgsProcessingParameterProviderConnection:
    parameter = QgsProcessingParameterProviderConnection(
        SHARED_STORE, algorithm.tr("Shared store (PostgreSQL connection)"), "postgres", optional=optional
    )
    parameter.setHelp(algorithm.tr("A PostgreSQL connection saved in QGIS; its password stays in QGIS's "
                                   "authentication database."))  # fmt: skip
    return parameter


def shared_store(algorithm, parameters, context):
    name = algorithm.parameterAsConnectionName(parameters, SHARED_STORE, context)
    return shared_store_from_connection(name) if name else None


__all__ = ["SHARED_STORE", "shared_store", "shared_store_parameter"]
