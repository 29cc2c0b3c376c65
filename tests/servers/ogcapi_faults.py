"""Loopback OGC API Features endpoints that behave like servers seen in the wild.

``MisbehavingOgcApi``: endless or looping ``next`` links. ``CappedOgcApi``: a server
that caps ``limit`` (pygeoapi's default is 10), pages by ``offset`` in its ``next``
links and reports ``numberMatched`` / ``numberReturned``, with scripted faults: next
links that stop early (``stop_after``), a count that is wrong (``matched_error``), a
page shorter than its ``numberReturned`` (``short_page_at``); it lists its
``collections`` on ``/collections``.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

from .loopback import LoopbackServer


class MisbehavingOgcApi(LoopbackServer):
    def __init__(self, mode: str) -> None:
        assert mode in ("endless", "loop")
        super().__init__()
        self.mode = mode

    @property
    def base_url(self) -> str:
        return self.url

    def handle(self, handler, path):
        q = {k: v[-1] for k, v in parse_qs(urlsplit(path).query).items()}
        offset = int(q.get("offset", 0))
        nxt = offset + 10 if self.mode == "endless" else 10 if offset == 0 else 0
        doc = {
            "type": "FeatureCollection",
            "features": [{"type": "Feature", "id": offset + i, "properties": {"n": offset + i},
                          "geometry": {"type": "Point", "coordinates": [-66.6, 45.9]}} for i in range(10)],
            "links": [{"rel": "next", "type": "application/geo+json",
                       "href": f"{self.url}/collections/c/items?offset={nxt}&limit=10"}],
        }  # fmt: skip
        self.send(handler, 200, json.dumps(doc).encode(), "application/geo+json")


class CappedOgcApi(LoopbackServer):
    def __init__(self, n: int = 95, cap: int = 10, collections: tuple[str, ...] = ("c",)) -> None:
        super().__init__()
        self.n, self.cap, self.collections = n, cap, collections
        self.stop_after: int | None = None
        self.matched_error = 0
        self.short_page_at: int | None = None
        self.requests: list[dict] = []

    def handle(self, handler, path):
        parts = urlsplit(path)
        q = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        self.requests.append({"path": parts.path, **q})
        if parts.path.rstrip("/") == "/collections":
            doc = {
                "collections": [{"id": c, "title": f"Collection {c}"} for c in self.collections],
                "links": [],
            }
            return self.send(handler, 200, json.dumps(doc).encode())
        if not parts.path.startswith("/collections/c/items"):
            return self.send(handler, 404, b'{"description": "not found"}')
        offset = int(q.get("offset", 0))
        limit = min(int(q.get("limit", 10)), self.cap)
        ids = list(range(offset, min(offset + limit, self.n)))
        features = [{"type": "Feature", "id": i, "properties": {"n": i},
                     "geometry": {"type": "Point", "coordinates": [-66.6 + i * 1e-4, 45.9]}} for i in ids]  # fmt: skip
        doc = {"type": "FeatureCollection", "features": features, "numberMatched": self.n + self.matched_error,
               "numberReturned": len(features), "links": []}  # fmt: skip
        if self.short_page_at is not None and offset == self.short_page_at:
            doc["features"] = features[:-1]
        end = offset + len(ids)
        if end < self.n and (self.stop_after is None or end < self.stop_after):
            doc["links"].append({"rel": "next", "type": "application/geo+json",
                                 "href": f"{self.url}/collections/c/items?f=json&limit={limit}&offset={end}"})  # fmt: skip
        self.send(handler, 200, json.dumps(doc).encode(), "application/geo+json")
