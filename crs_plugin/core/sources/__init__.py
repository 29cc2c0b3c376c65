"""Source connectors: each fetches records into a RawTable plus provenance."""

from .base import Source, load_points
from .file import FileSource

__all__ = ["FileSource", "Source", "load_points"]
