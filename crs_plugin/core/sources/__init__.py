"""Source connectors: each fetches records into a RawTable plus provenance."""

from .arcgis import ArcGisSource
from .base import Source, load_points
from .file import FileSource

__all__ = ["ArcGisSource", "FileSource", "Source", "load_points"]
