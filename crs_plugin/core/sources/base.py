"""The one small interface every connector implements."""

from __future__ import annotations

from collections.abc import Callable
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


def offset_pages(
    first: RawTable,
    offsets: list[int],
    pages: list[RawTable],
    step: int,
    total: int,
    fetch: Callable[[int, int], RawTable],
    same_page: Callable[[int, int], Exception],
    page_limit: Callable[[int], Exception],
    max_pages: int,
) -> list[RawTable]:
    """The pages of a server paged by offset, fetched at once (``pages[i]`` from ``offsets[i]``,
    ``first`` from 0), in order. A page the same as an earlier one (the server ignores the
    offset) raises ``same_page(earlier, offset)``; a short page is asked again from where it
    stopped with ``fetch(offset, count)``, within ``max_pages`` requests (else ``page_limit(size)``)."""
    tables, seen, used = [first], {first.page_key(): 0}, 1 + len(offsets)
    for offset, table in zip(offsets, pages):
        key = table.page_key()
        if len(table) and key in seen:
            raise same_page(seen[key], offset)
        seen[key] = offset
        tables.append(table)
        wanted, got = min(step, total - offset), len(table)
        while 0 < got < wanted:  # a short page: ask again by what was actually received
            if used >= max_pages:
                raise page_limit(got)
            more = fetch(offset + got, wanted - got)
            used += 1
            tables.append(more)
            got = got + len(more) if len(more) else wanted
    return tables
