"""A loopback HTTP server that answers like an ArcGIS REST FeatureServer layer.

Shapes follow Esri's documented responses: layer metadata (``maxRecordCount``,
``advancedQueryCapabilities.supportsPagination``), ``query`` with ``f=geojson`` or
``f=json``, ``resultOffset``/``resultRecordCount`` paging with
``exceededTransferLimit``, ``returnIdsOnly``/``objectIds``, and errors reported as
JSON with HTTP 200. ``faults`` scripts what the next requests get (HTTP errors,
``Retry-After``, slow answers, truncated JSON, an HTML page); ``ignore_offset`` and
``endless`` reproduce misbehaving servers, and so do the behaviours of real servers
seen in the wild: pages capped below ``maxRecordCount`` (``page_cap``), GeoJSON
without ``exceededTransferLimit`` (``send_flag``), a count that disagrees with the
pages (``count_error``), records the offset pages leave out (``hidden_ids``), records counted but never sent (``lost_ids``), an empty
page while saying more exist (``empty_at``), and answers in Web Mercator whatever
``outSR`` says (``ignore_out_sr``). The service address lists ``layers``.
"""

from __future__ import annotations

import json
import math
import time
from urllib.parse import parse_qs, urlsplit

from .loopback import LoopbackServer

SERVICE_PATH = "/arcgis/rest/services/ServicePoints/FeatureServer"
LAYER_PATH = SERVICE_PATH + "/0"


def make_features(n: int) -> list[dict]:
    """Offices along a line through New Brunswick, with ArcGIS-style attribute names."""
    return [
        {
            "OBJECTID": i + 1,
            "SITE_NAME": f"Service Centre {i + 1}",
            "NOM_SITE": f"Centre de services {i + 1}",
            "CIVIC_ADDRESS": f"{100 + i} Main Street",
            "GOV_LEVEL": "Provincial" if i % 2 else "Federal",
            "x": -66.6 + (i % 500) * 0.004,
            "y": 45.9 + (i // 500) * 0.01,
        }
        for i in range(n)
    ]


class FakeArcGis(LoopbackServer):
    def __init__(self, n_features: int = 2500, max_record_count: int = 1000, pagination: bool = True) -> None:
        super().__init__()
        self.features = make_features(n_features)
        self.max_record_count = max_record_count
        self.pagination = pagination
        self.faults: list[tuple] = []
        self.ignore_offset = False
        self.endless = False
        self.supports_count = True
        self.page_cap: int | None = None
        self.send_flag = True
        self.count_error = 0
        self.hidden_ids: set[int] = set()
        self.lost_ids: set[int] = set()
        self.empty_at: int | None = None
        self.ignore_out_sr = False
        self.layers = [{"id": 0, "name": "ServicePoints"}]
        self.requests: list[dict] = []

    @property
    def layer_url(self) -> str:
        return self.url + LAYER_PATH

    # -- responses -------------------------------------------------------------------

    def _metadata(self) -> dict:
        return {
            "id": 0, "name": "ServicePoints", "type": "Feature Layer", "geometryType": "esriGeometryPoint",
            "maxRecordCount": self.max_record_count, "objectIdField": "OBJECTID",
            "advancedQueryCapabilities": {"supportsPagination": self.pagination},
            "fields": [{"name": k, "type": "esriFieldTypeOID" if k == "OBJECTID" else "esriFieldTypeString",
                        "alias": k} for k in self.features[0] if k not in ("x", "y")],
            "extent": {"xmin": -67.0, "ymin": 45.0, "xmax": -64.0, "ymax": 48.0, "spatialReference": {"wkid": 4326}},
            "spatialReference": {"wkid": 4326, "latestWkid": 4326}, "capabilities": "Query",
            "supportedQueryFormats": "JSON, geoJSON",
        }  # fmt: skip

    def _query(self, q: dict) -> dict:
        f = q.get("f", "json")
        if q.get("returnCountOnly") == "true":
            if not self.supports_count:
                return {"error": {"code": 400, "message": "returnCountOnly is not supported", "details": []}}
            return {"count": len(self.features) + len(self.lost_ids) + self.count_error}
        if q.get("returnIdsOnly") == "true":
            ids = [r["OBJECTID"] for r in self.features] + sorted(self.lost_ids)
            return {"objectIdFieldName": "OBJECTID", "objectIds": ids}
        cap = min(self.max_record_count, self.page_cap or self.max_record_count)
        if "objectIds" in q:
            wanted = {int(i) for i in q["objectIds"].split(",")}
            rows = [r for r in self.features if r["OBJECTID"] in wanted][:cap]
            exceeded = False
        else:
            visible = (
                [r for r in self.features if r["OBJECTID"] not in self.hidden_ids]
                if self.hidden_ids
                else self.features
            )
            offset = 0 if self.ignore_offset else int(q.get("resultOffset", 0))
            count = min(int(q.get("resultRecordCount", self.max_record_count)), cap)
            rows = visible[offset : offset + count]
            if self.endless:  # keeps inventing records: never says it is done
                rows = make_features(offset + count)[offset:]
            exceeded = self.endless or offset + len(rows) < len(visible)
            if self.empty_at is not None and offset >= self.empty_at:
                rows, exceeded = [], True
        xy = [self._xy(r) for r in rows] if self.ignore_out_sr else [(r["x"], r["y"]) for r in rows]
        if f == "geojson":
            doc = {"type": "FeatureCollection", "features": [
                {"type": "Feature", "id": r["OBJECTID"], "geometry": {"type": "Point", "coordinates": list(p)},
                 "properties": {k: v for k, v in r.items() if k not in ("x", "y")}} for r, p in zip(rows, xy)]}  # fmt: skip
            if exceeded and self.send_flag:
                doc["properties"] = {"exceededTransferLimit": True}
            return doc
        wkid = (
            {"wkid": 102100, "latestWkid": 3857} if self.ignore_out_sr else {"wkid": 4326, "latestWkid": 4326}
        )
        doc = {"objectIdFieldName": "OBJECTID", "geometryType": "esriGeometryPoint", "spatialReference": wkid,
               "features": [{"attributes": {k: v for k, v in r.items() if k not in ("x", "y")},
                             "geometry": {"x": p[0], "y": p[1]}} for r, p in zip(rows, xy)]}  # fmt: skip
        if exceeded and self.send_flag:
            doc["exceededTransferLimit"] = True
        return doc

    def _xy(self, record: dict) -> tuple[float, float]:
        if not self.ignore_out_sr:
            return record["x"], record["y"]
        # Spherical Web Mercator, as a server that ignores outSR sends its native coordinates.
        x = math.radians(record["x"]) * 6378137.0
        y = math.log(math.tan(math.pi / 4 + math.radians(record["y"]) / 2)) * 6378137.0
        return x, y

    def handle(self, handler, path):
        parts = urlsplit(path)
        q = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        self.requests.append({"path": parts.path, **q})
        if self.faults:
            kind, *args = self.faults.pop(0)
            if kind == "status":
                return self.send(
                    handler, args[0], b'{"message": "busy"}', headers=args[1] if len(args) > 1 else {}
                )
            if kind == "sleep":
                time.sleep(args[0])
            if kind == "truncated":
                return self.send(handler, 200, b'{"type": "FeatureCollection", "features": [{"type": "Fea')
            if kind == "xml":
                body = b'<?xml version="1.0"?><ExceptionReport><Exception>Token required</Exception></ExceptionReport>'
                return self.send(handler, 200, body, "application/json")  # a wrong label, as seen
            if kind == "html":
                return self.send(handler, 200, b"<html><body>Service unavailable</body></html>", "text/html")
            if kind == "error200":
                body = {"error": {"code": 400, "message": "Unable to complete operation.",
                                  "details": ["Invalid query parameters."]}}  # fmt: skip
                return self.send(handler, 200, json.dumps(body).encode())
            if kind == "huge":
                return self.send(handler, 200, b'{"pad": "' + b"x" * args[0] + b'"}')
        if parts.path == LAYER_PATH:
            return self.send(handler, 200, json.dumps(self._metadata()).encode())
        if parts.path == SERVICE_PATH:
            service = {"currentVersion": 10.91, "maxRecordCount": self.max_record_count, "layers": self.layers,
                       "tables": [], "spatialReference": {"wkid": 4326}}  # fmt: skip
            return self.send(handler, 200, json.dumps(service).encode())
        if parts.path == LAYER_PATH + "/query":
            return self.send(handler, 200, json.dumps(self._query(q)).encode())
        return self.send(handler, 404, b"<html>Not found</html>", "text/html")
