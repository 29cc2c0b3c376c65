"""A loopback OGC API Features endpoint that misbehaves: endless or looping ``next`` links."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


class MisbehavingOgcApi:
    def __init__(self, mode: str) -> None:
        assert mode in ("endless", "loop")
        self.mode = mode
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._server.shutdown()
        self._server.server_close()

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):  # noqa: N802 - http.server API
                q = {k: v[-1] for k, v in parse_qs(urlsplit(self.path).query).items()}
                offset = int(q.get("offset", 0))
                nxt = offset + 10 if fake.mode == "endless" else 10 if offset == 0 else 0
                doc = {
                    "type": "FeatureCollection",
                    "features": [{"type": "Feature", "id": offset + i, "properties": {"n": offset + i},
                                  "geometry": {"type": "Point", "coordinates": [-66.6, 45.9]}} for i in range(10)],
                    "links": [{"rel": "next", "type": "application/geo+json",
                               "href": f"{fake.base_url}/collections/c/items?offset={nxt}&limit=10"}],
                }  # fmt: skip
                body = json.dumps(doc).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/geo+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        return Handler
