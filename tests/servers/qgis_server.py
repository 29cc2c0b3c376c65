"""Run a real QGIS Server on loopback, publishing a layer through OGC API Features and WFS.

    python tests/servers/qgis_server.py LAYER_URI PORT_FILE

Builds a QGIS project with the layer (WFS-published, so OGC API Features serves it
too), then answers HTTP on 127.0.0.1 with ``QgsServer.handleRequest``, one request
at a time (QGIS Server is not thread-safe). Writes the chosen port to PORT_FILE.
"""

from __future__ import annotations

import os
import sys
import tempfile
from http.server import BaseHTTPRequestHandler, HTTPServer

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QGIS_SERVER_LOG_LEVEL", "2")

from qgis.core import QgsProject, QgsVectorLayer  # noqa: E402
from qgis.server import QgsBufferServerRequest, QgsBufferServerResponse, QgsServer  # noqa: E402


def make_project(layer_uri: str) -> QgsProject:
    project = QgsProject()
    layer = QgsVectorLayer(layer_uri, "service_points", "ogr")
    if not layer.isValid():
        raise SystemExit(f"cannot open {layer_uri}")
    project.addMapLayer(layer)
    project.writeEntry("WFSLayers", "/", [layer.id()])
    project.writeEntry("WFSLayersPrecision", "/" + layer.id(), 8)
    project.writeEntry("WMSServiceTitle", "/", "CRS Service Points test server")
    path = os.path.join(tempfile.mkdtemp(prefix="crs_qgis_server_"), "project.qgs")
    project.write(path)
    loaded = QgsProject()
    loaded.read(path)
    return loaded


def main() -> None:
    layer_uri, port_file = sys.argv[1], sys.argv[2]
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    server = QgsServer()
    project = make_project(layer_uri)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):  # noqa: N802 - http.server API
            url = f"http://127.0.0.1:{self.server.server_address[1]}{self.path}"
            request = QgsBufferServerRequest(
                url, QgsBufferServerRequest.GetMethod, {"Accept": self.headers.get("Accept", "")}
            )
            response = QgsBufferServerResponse()
            server.handleRequest(request, response, project)
            body = bytes(response.body())
            self.send_response(response.statusCode())
            for key, value in response.headers().items():
                if key.lower() not in ("content-length", "transfer-encoding"):
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = HTTPServer(("127.0.0.1", 0), Handler)
    with open(port_file, "w") as fh:
        fh.write(str(httpd.server_address[1]))
    httpd.serve_forever()
    del app


if __name__ == "__main__":
    main()
