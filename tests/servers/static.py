"""A loopback HTTP server answering fixed routes: path -> (status, content type, body)."""

from __future__ import annotations

from urllib.parse import urlsplit

from .loopback import LoopbackServer


class StaticServer(LoopbackServer):
    def __init__(self) -> None:
        super().__init__()
        #: path -> (status, content type, body[, extra headers])
        self.routes: dict[str, tuple] = {}
        self.requests: list[str] = []

    def handle(self, handler, path):
        self.requests.append(path)
        status, content_type, body, *headers = self.routes.get(
            urlsplit(path).path, (404, "text/html", b"<html>404</html>")
        )
        self.send(handler, status, body, content_type, headers[0] if headers else None)
