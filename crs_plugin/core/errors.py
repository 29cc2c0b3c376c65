"""Domain errors. Each message is a sentence a person can act on (translated: core.i18n).

Processing algorithms and the UI turn these into QgsProcessingException or
message-bar entries without adding a traceback.
"""

from .i18n import tr


class CrsServicePointsError(Exception):
    """Base of every error this plugin raises on purpose."""


class SourceError(CrsServicePointsError):
    """A source cannot be read: missing, empty, malformed, unreachable."""


class UnreachableError(SourceError):
    """No answer came: the network failed, the server did not answer in time or kept failing, or its
    certificate is not trusted (asking it again another way cannot help)."""


class MappingError(CrsServicePointsError):
    """A field-mapping spec is invalid or does not fit the source's columns."""


class DataError(CrsServicePointsError):
    """Source values cannot become valid service points (coordinates, codes)."""


class CoordinateError(DataError):
    """Coordinates are not numbers, not in the stated CRS, or outside Canada."""


class StoreError(CrsServicePointsError):
    """The GeoPackage (or PostGIS) store refused a write; nothing was changed."""


class AnalysisError(CrsServicePointsError):
    """An analysis cannot run on the given inputs."""


def describe_rows(row_numbers, limit: int = 5) -> str:
    """'rows 3, 8, 12 and 4 more' for error messages (1-based, as a spreadsheet shows)."""
    rows = [int(r) for r in row_numbers]
    shown = ", ".join(str(r) for r in rows[:limit])
    more = len(rows) - limit
    if more > 0:
        return tr("rows {rows} and {more} more").format(rows=shown, more=more)
    return (tr("row {rows}") if len(rows) == 1 else tr("rows {rows}")).format(rows=shown)


class SubmissionError(CrsServicePointsError):
    """A checkout, submission package or apply step is refused; nothing was changed."""


class CensusError(CrsServicePointsError):
    """A Statistics Canada census file cannot be read or joined as asked."""
