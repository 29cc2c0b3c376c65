"""GDAL, OGR and OSR errors as Python exceptions, inside the plugin's own calls only.

The bindings' exception switch is one per module for the whole process, which QGIS,
Processing and other plugins share: the plugin turns it on around its own GDAL work
and puts it back as it found it, instead of calling ``UseExceptions()`` at import.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from osgeo import gdal, ogr, osr

_MODULES = (gdal, ogr, osr)
_lock = threading.Lock()
_depth = 0
_saved: list[bool] = []

F = TypeVar("F", bound=Callable)


@contextmanager
def gdal_exceptions() -> Iterator[None]:
    """GDAL/OGR/OSR raise exceptions inside the block; the switches are restored after the
    outermost block ends (blocks nest, and may run in several threads at once)."""
    global _depth, _saved
    with _lock:
        if _depth == 0:
            _saved = [bool(m.GetUseExceptions()) for m in _MODULES]
            for module in _MODULES:
                module.UseExceptions()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                # GDAL keeps the modules' error handlers on a stack: undo in reverse order.
                for module, was_on in reversed(list(zip(_MODULES, _saved))):
                    if not was_on:
                        module.DontUseExceptions()


def with_gdal_exceptions(function: F) -> F:
    """Decorator: the whole call runs inside ``gdal_exceptions()``."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with gdal_exceptions():
            return function(*args, **kwargs)

    return wrapper  # type: ignore[return-value]
