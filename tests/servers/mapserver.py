"""A real MapServer 8 (Debian's ``cgi-mapserver``) serving WFS 2.0.0 on loopback.

QGIS Server 3.22 speaks WFS 1.0/1.1 only; MapServer answers WFS 2.0.0 GetFeature
with ``STARTINDEX``/``COUNT`` paging, GML 3.2 (``wfs:member``, latitude-first URN
``srsName``) or GeoJSON through its OGR output format. The ``mapserv`` CGI program
is run once per request by a threaded loopback HTTP server, as a web server would.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .loopback import LoopbackServer

MAPSERV = "/usr/bin/mapserv"

_MAPFILE = """MAP
  NAME "crs"
  EXTENT -180 -90 180 90
  PROJECTION "init=epsg:4326" END
  WEB
    METADATA
      "wfs_title" "CRS Service Points test WFS"
      "wfs_onlineresource" "{url}/"
      "wfs_srs" "EPSG:4326"
      "wfs_enable_request" "*"
      "wfs_getfeature_formatlist" "geojson"
    END
  END
  OUTPUTFORMAT
    NAME "geojson"
    DRIVER "OGR/GEOJSON"
    MIMETYPE "application/json"
    FORMATOPTION "STORAGE=stream"
    FORMATOPTION "FORM=SIMPLE"
  END
  LAYER
    NAME "{layer}"
    TYPE POINT
    STATUS ON
    CONNECTIONTYPE OGR
    CONNECTION "{gpkg}"
    DATA "{layer}"
    PROJECTION "init=epsg:4326" END
    METADATA
      "wfs_title" "{layer}"
      "wfs_featureid" "point_id"
      "gml_include_items" "all"
      "gml_types" "auto"
    END
    TEMPLATE "unused"
  END
END
"""


class MapServerWfs(LoopbackServer):
    """WFS 2.0.0 at ``url + "/"`` publishing ``layer`` of the GeoPackage ``gpkg``."""

    def __init__(self, gpkg: Path, layer: str = "service_points") -> None:
        if not os.access(MAPSERV, os.X_OK):
            raise RuntimeError(f"{MAPSERV} is missing: install Debian's cgi-mapserver (make deps does).")
        super().__init__()
        self._dir = Path(tempfile.mkdtemp(prefix="crs_mapserver_"))
        self.mapfile = self._dir / "crs.map"
        self.mapfile.write_text(_MAPFILE.format(url=self.url, gpkg=gpkg, layer=layer), encoding="utf-8")
        self._config = self._dir / "mapserver.conf"
        # MapServer 8 refuses to run without a configuration file naming the maps it may open.
        self._config.write_text(f'CONFIG\n  MAPS\n    CRS "{self.mapfile}"\n  END\nEND\n', encoding="utf-8")
        self.requests: list[str] = []

    def __exit__(self, *exc):
        super().__exit__(*exc)
        shutil.rmtree(self._dir, ignore_errors=True)

    def handle(self, handler, path: str) -> None:
        query = path.split("?", 1)[1] if "?" in path else ""
        self.requests.append(query)
        env = {
            "PATH": "/usr/bin:/bin",
            "MAPSERVER_CONFIG_FILE": str(self._config),
            "REQUEST_METHOD": "GET",
            "QUERY_STRING": f"map=CRS&{query}",
            "SERVER_NAME": "127.0.0.1",
        }
        output = subprocess.run([MAPSERV], env=env, capture_output=True, timeout=60, check=False).stdout
        head, _, body = output.partition(b"\r\n\r\n") if b"\r\n\r\n" in output else output.partition(b"\n\n")
        headers = dict(line.split(":", 1) for line in head.decode("latin-1").splitlines() if ":" in line)
        status = int((headers.pop("Status", "200") or "200").strip().split()[0])
        content_type = headers.pop("Content-Type", "text/plain").strip()
        self.send(handler, status, body, content_type)
