"""The one small interface every connector implements."""

from __future__ import annotations

from typing import Protocol

from ..mapping import FieldMapping
from ..schema import Provenance
from ..table import PointTable, RawTable


class Source(Protocol):
    """A connector: ``fetch`` returns the source's records and where they came from."""

    source_id: str

    def fetch(self) -> tuple[RawTable, Provenance]: ...


def load_points(source: Source, mapping: FieldMapping) -> tuple[PointTable, Provenance]:
    """Fetch a source and map it into the common schema (nothing is written)."""
    raw, provenance = source.fetch()
    client = getattr(source, "client", None)
    if client is not None and client.validators:
        provenance.extra.setdefault("http_validators", dict(client.validators))
    if raw.notes:  # how the records were read, for the load report
        provenance.extra["notes"] = list(raw.notes)
    points = mapping.apply(raw)
    provenance.record_count = len(points)
    return points, provenance
