"""Source connectors: each fetches records into a RawTable plus provenance."""

from .arcgis import ArcGisSource
from .base import Source, load_points
from .file import FileSource
from .ogcapi import OgcApiFeaturesSource

__all__ = ["ArcGisSource", "FileSource", "OgcApiFeaturesSource", "Source", "load_points"]
