"""Source connectors: each fetches records into a RawTable plus provenance."""

from .arcgis import ArcGisSource
from .base import Source, load_points
from .ckan import CkanSource
from .file import FileSource
from .ogcapi import OgcApiFeaturesSource
from .wfs import WfsSource

__all__ = [
    "ArcGisSource",
    "CkanSource",
    "FileSource",
    "OgcApiFeaturesSource",
    "Source",
    "WfsSource",
    "load_points",
]
