"""A throw-away PostgreSQL + PostGIS cluster for the shared-store tests.

PostgreSQL refuses to run as root, so when the tests run as root (CI) the cluster
is initialised and started as the ``postgres`` system user. It lives in a
temporary directory, listens on a free loopback port only (no Unix socket), and
asks every client for a password (SCRAM), as a real shared store does.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def _newest_postgresql() -> Path:
    """The server binaries of the newest installed PostgreSQL (15 on Debian 12, 17 on Debian 13)."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name))
    return found[-1].parent if found else Path("/usr/lib/postgresql/15/bin")


PG_BIN = _newest_postgresql()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresCluster:
    def __init__(self) -> None:
        self.directory = Path(tempfile.mkdtemp(prefix="crs-pg-"))
        self.data = self.directory / "data"
        self.port = _free_port()
        self.superuser = "crs_admin"
        self.password = secrets.token_hex(12)
        self._as_root = os.geteuid() == 0

    def _run(self, *args: str) -> None:
        command = [str(a) for a in args]
        if self._as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def start(self) -> PostgresCluster:
        pwfile = self.directory / "pw"
        pwfile.write_text(self.password)
        if self._as_root:
            shutil.chown(self.directory, "postgres")
            shutil.chown(pwfile, "postgres")
        self._run(PG_BIN / "initdb", "-D", self.data, "-U", self.superuser, "--pwfile", pwfile,
                  "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8")  # fmt: skip
        pwfile.unlink()
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories='' -c fsync=off"
        )
        self._run(PG_BIN / "pg_ctl", "-D", self.data, "-o", options, "-w", "-t", "60",
                  "-l", self.directory / "log", "start")  # fmt: skip
        return self

    def conninfo(self, user: str | None = None, password: str | None = None, dbname: str = "postgres") -> str:
        user = user or self.superuser
        password = self.password if password is None else password
        return f"host=127.0.0.1 port={self.port} dbname={dbname} user={user} password={password}"

    def stop(self) -> None:
        try:
            self._run(PG_BIN / "pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.directory, ignore_errors=True)
