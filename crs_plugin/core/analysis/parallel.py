"""Array work split over threads: SciPy's KD-tree and numpy release the GIL while they work."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

#: Below this many items a thread costs more than it saves.
MIN_ITEMS = 2000


def thread_count(n_items: int) -> int:
    """Threads worth starting for ``n_items``: one per core (at most 8), one for small inputs."""
    return 1 if n_items < MIN_ITEMS else max(1, min(os.cpu_count() or 1, 8))


def map_chunks(fn, chunks: list) -> list:
    """``[fn(c) for c in chunks]``, on one thread per chunk when there are several."""
    if len(chunks) <= 1:
        return [fn(c) for c in chunks]
    with ThreadPoolExecutor(max_workers=len(chunks)) as pool:
        return list(pool.map(fn, chunks))
