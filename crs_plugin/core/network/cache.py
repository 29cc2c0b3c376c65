"""Road networks kept on disk, keyed by what they were built from, so that the next analysis
on the same roads loads the graph instead of building it again.

The key is a digest of the road coordinates and attributes as read, and of every setting
the build depends on (CRS, tolerance, ellipsoid, directions, speeds): a changed road layer
or setting gives another key, and a rebuild. Files are plain ``.npz`` arrays (no pickles:
a cache folder may be shared) written to a temporary name and renamed, so a reader never
sees half a file; the oldest are removed past a few.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import zipfile
from pathlib import Path

import numpy as np

from .graph import Ellipsoid, RoadNetwork

#: Networks kept per cache folder (a province's roads take tens of MB).
KEEP = 6
_ARRAYS = (
    "node_xy",
    "node_lonlat",
    "seg_a",
    "seg_b",
    "seg_length",
    "seg_speed",
    "seg_direction",
    "seg_feature",
)


def network_key(*parts) -> str:
    """A digest of arrays and settings (numbers, strings, None)."""
    digest = hashlib.blake2b(digest_size=20)
    for part in parts:
        if isinstance(part, np.ndarray):
            array = np.ascontiguousarray(part)
            digest.update(f"{array.dtype.str}{array.shape}".encode())
            digest.update(array.tobytes() if array.dtype != object else repr(array.tolist()).encode())
        else:
            digest.update(repr(part).encode())
        digest.update(b"\x00")
    return digest.hexdigest()


def load_network(folder: Path | str, key: str) -> RoadNetwork | None:
    path = Path(folder) / f"{key}.npz"
    try:
        with np.load(path, allow_pickle=False) as data:
            arrays = {name: data[name] for name in _ARRAYS}
            ellipsoid = data["ellipsoid"]
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):  # missing or damaged: build again
        return None
    os.utime(path)  # recently used: kept longest
    for optional in ("node_lonlat", "seg_speed"):
        if arrays[optional].size == 0:
            arrays[optional] = None
    return RoadNetwork(**arrays, ellipsoid=Ellipsoid(*ellipsoid) if ellipsoid.size else None)


def save_network(folder: Path | str, key: str, network: RoadNetwork) -> None:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    arrays = {name: getattr(network, name) for name in _ARRAYS}
    arrays = {name: np.zeros(0) if value is None else value for name, value in arrays.items()}
    ellipsoid = network.ellipsoid
    arrays["ellipsoid"] = (
        np.array([ellipsoid.semi_major, ellipsoid.inverse_flattening])
        if ellipsoid is not None
        else np.zeros(0)
    )
    handle, temporary = tempfile.mkstemp(dir=folder, suffix=".npz.part")
    try:
        with os.fdopen(handle, "wb") as fh:
            np.savez(fh, **arrays)
        os.replace(temporary, folder / f"{key}.npz")
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    kept = sorted(folder.glob("*.npz"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in kept[KEEP:]:
        old.unlink(missing_ok=True)
