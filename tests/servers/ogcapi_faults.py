"""A loopback OGC API Features endpoint that misbehaves: endless or looping ``next`` links."""

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
