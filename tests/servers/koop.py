"""Koop, an ArcGIS GeoServices implementation (Esri's, in Node.js), with its GeoJSON file provider.

Installed by ``make deps`` from the npm registry into ``.cache/koop`` (pinned by
``tests/servers/koop/package-lock.json``) and started on loopback by the tests: each
``<name>.geojson`` of the data folder is served as a FeatureServer layer at
``/file-geojson/rest/services/<name>/FeatureServer/0``. A top-level ``metadata`` object in
a file sets the layer's metadata (``maxRecordCount``, ``idField`` …).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODULES = ROOT / ".cache" / "koop" / "node_modules"
SERVER = Path(__file__).resolve().parent / "koop" / "server.js"


class KoopServer:
    def __init__(self, layers: dict[str, dict]) -> None:
        """``layers``: name -> GeoJSON FeatureCollection (with an optional ``metadata`` object)."""
        node = shutil.which("node")
        if node is None or not (MODULES / "@koopjs" / "koop-core").is_dir():
            raise RuntimeError(
                f"Koop is not installed in {MODULES.parent}: run `make deps` (needs node and npm)."
            )
        self._dir = Path(tempfile.mkdtemp(prefix="crs_koop_"))
        for name, doc in layers.items():
            (self._dir / f"{name}.geojson").write_text(json.dumps(doc), encoding="utf-8")
        self._command = [node, str(SERVER), str(self._dir)]
        self._process = None
        self.url = ""

    def layer_url(self, name: str) -> str:
        return f"{self.url}/file-geojson/rest/services/{name}/FeatureServer/0"

    def __enter__(self):
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "NODE_PATH": str(MODULES),
               "SUPPRESS_NO_CONFIG_WARNING": "1"}  # fmt: skip
        self._process = subprocess.Popen(
            self._command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        port = ""
        for _ in range(20):  # Koop prints a notice or two before the port
            port = self._process.stdout.readline().strip()
            if port.isdigit() or not port:
                break
        if not port.isdigit():
            self.__exit__()
            raise RuntimeError(f"Koop did not start: {self._process.stderr.read()[-2000:]}")
        self.url = f"http://127.0.0.1:{port}"
        return self

    def __exit__(self, *exc):
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            self._process.wait(timeout=10)
        shutil.rmtree(self._dir, ignore_errors=True)
