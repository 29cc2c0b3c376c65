"""Vectorised analyses over numpy coordinate arrays in a metric CRS (no QGIS needed)."""

from .nearest import NearestResult, nearest

__all__ = ["NearestResult", "nearest"]
