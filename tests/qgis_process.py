"""Run ``qgis_process`` as the README documents it: the plugin on QGIS_PLUGINPATH and enabled."""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def qgis_process_env() -> dict[str, str]:
    paths = site.getsitepackages() + [p for p in sys.path if "site-packages" in p]
    return dict(
        os.environ, QT_QPA_PLATFORM="offscreen", QGIS_PLUGINPATH=str(ROOT), PYTHONPATH=os.pathsep.join(paths)
    )


def qgis_process(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    """``qgis_process.bin ARGS`` with the plugin enabled; fails the test with its output unless ``check`` is off."""
    exe = shutil.which("qgis_process.bin") or shutil.which("qgis_process")
    assert exe, "qgis_process is part of the qgis package"
    env = qgis_process_env()
    # Exits 1 when the plugin is already enabled in this profile: the run below is what counts.
    subprocess.run([exe, "plugins", "enable", "crs_plugin"], env=env, capture_output=True, timeout=120)
    run = subprocess.run([exe, *args], env=env, capture_output=True, text=True, timeout=300, cwd=ROOT)
    if check:
        assert run.returncode == 0, run.stdout + run.stderr
        assert "Traceback" not in run.stderr, run.stderr
    return run
