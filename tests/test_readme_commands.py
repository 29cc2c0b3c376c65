"""Every shell block of the README runs as written, on the sample data, in a user's shell.

Each ```sh block is run with bash (``set -euo pipefail``: any failing command fails the
block) in the order of the README, as if pasted one after the other into one terminal:
what a block exports, sets or defines (the "set the shell up once" block) is there for the
blocks after it. The shell is a plain Debian 12 user's: the default PATH (no ``python``,
no venv), a fresh HOME (so ``qgis_process`` starts on a new profile), no display, no
QT_QPA_PLATFORM, no PYTHONPATH. A block fails on a non-zero exit, a Python traceback in
its output, or an output it names (``OUTPUT=…``) left unwritten.

The blocks run in a directory that looks like the repository root (each entry linked)
with its own ``demo_output/``, so a user's demo outputs are left alone. What the README
says to have first is made there: ``demo_output/crs.gpkg`` with the sample sources loaded
(the first step of ``make demo``), and, for the shared store, an empty database on a
throw-away PostgreSQL cluster named by a libpq service ``crs`` in HOME's
``.pg_service.conf`` with the password in ``.pgpass``, as a DBA's shell has them.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT


def _debian_codename() -> str:
    try:
        return dict(
            line.split("=", 1) for line in open("/etc/os-release").read().split("\n") if "=" in line
        ).get("VERSION_CODENAME", "")
    except OSError:
        return ""


# The README's commands are written for its platform, Debian 12 with QGIS 3.22 (its venv's
# python3.11 site-packages): inside the QGIS 3.40 root (make test-qgis-ltr) they do not apply.
pytestmark = pytest.mark.skipif(
    _debian_codename() not in ("bookworm", ""), reason="README commands are for Debian 12"
)

README = ROOT / "README.md"
DEBIAN_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"  # a new user's, Debian 12
SHELL_LANGUAGES = {"sh", "bash", "shell"}

# Commands this test does not run (a regular expression found in the command), with the reason.
# A block is skipped when all its commands are excepted; one mixing both is an error.
EXCEPTED = {
    r"^make (demo|test)\b": (
        "`make demo` / `make test` install Debian packages (apt-get, as root) and the venv; `make test` is "
        "the suite this test runs in, and what `make demo` runs (scripts/demo.py) is tests/qgis/test_demo.py's"
    ),
    r"^sudo apt install ": "the Debian packages the README names are among those `make deps` installs (APT_PACKAGES)",
}


@dataclass
class Block:
    line: int  # of the opening fence, 1-based
    text: str

    def commands(self) -> list[str]:
        """Its commands: continued lines joined, comments and blank lines left out."""
        lines = (line.strip() for line in self.text.replace("\\\n", " ").splitlines())
        return [line for line in lines if line and not line.startswith("#")]

    def excepted(self) -> list[str]:
        """The reason each command is excepted for ("" when it is not)."""
        return [
            next((why for key, why in EXCEPTED.items() if re.search(key, c)), "") for c in self.commands()
        ]


def shell_blocks(markdown: str) -> list[Block]:
    """The README's fenced shell blocks, in order (other languages and bare fences skipped)."""
    blocks, fence, lines = [], None, []
    for number, line in enumerate(markdown.splitlines(), 1):
        if fence is None:
            opening = re.match(r"\s*```(\S*)", line)
            if opening:
                fence, lines = (number, opening.group(1)), []
        elif line.strip() == "```":
            if fence[1] in SHELL_LANGUAGES:
                blocks.append(Block(fence[0], "\n".join(lines) + "\n"))
            fence = None
        else:
            lines.append(line)
    return blocks


# Runs one block after the state (exports, variables, functions, directory) the earlier ones
# left, and saves the state it leaves for the next: the blocks share a shell, as in a terminal.
RUNNER = r"""__crs_before=" $(compgen -v | tr '\n' ' ') "
__crs_state_in=$1 __crs_state_out=$2 __crs_block=$3
set --
if [ -f "$__crs_state_in" ]; then source "$__crs_state_in"; fi
set -euo pipefail
source "$__crs_block"
set +euo pipefail
{
  export -p
  declare -f
  for __crs_v in $(compgen -v); do
    case "$__crs_before" in *" $__crs_v "*) continue ;; esac
    case "$__crs_v" in __crs_* | BASH* | FUNCNAME | PIPESTATUS | _) continue ;; esac
    __crs_decl=$(declare -p "$__crs_v" 2>/dev/null) || continue
    __crs_flags=${__crs_decl#declare -}
    case "${__crs_flags%% *}" in *r*) continue ;; esac
    printf '%s\n' "$__crs_decl"
  done
  printf 'cd %q\n' "$PWD"
} >"$__crs_state_out"
"""


class Terminal:
    """One user's shell: blocks run one after the other, each in bash, sharing its state."""

    def __init__(self, directory: Path, cwd: Path, env: dict[str, str]) -> None:
        self.directory, self.cwd, self.env, self.count = directory, cwd, env, 0
        self.runner = directory / "runner.sh"
        self.runner.write_text(RUNNER)
        self.state = directory / "state_0.sh"

    def run(self, text: str, timeout: float = 600) -> subprocess.CompletedProcess:
        self.count += 1
        block, state_out = (
            self.directory / f"block_{self.count}.sh",
            self.directory / f"state_{self.count}.sh",
        )
        block.write_text(text)
        run = subprocess.run(["/bin/bash", str(self.runner), str(self.state), str(state_out), str(block)],
                             cwd=self.cwd, env=self.env, capture_output=True, text=True, timeout=timeout)  # fmt: skip
        if state_out.exists():  # a failed block leaves the state as it was
            self.state = state_out
        return run


def user_env(home: Path) -> dict[str, str]:
    user = pwd.getpwuid(os.getuid()).pw_name
    return {"PATH": DEBIAN_PATH, "HOME": str(home), "LANG": "C.UTF-8", "USER": user, "LOGNAME": user,
            "SHELL": "/bin/bash"}  # fmt: skip


def repository_lookalike(root: Path) -> Path:
    """``root`` with every entry of the repository linked in, and a demo_output of its own."""
    root.mkdir()
    for entry in ROOT.iterdir():
        if entry.name not in {"demo_output", ".git"}:
            (root / entry.name).symlink_to(entry.resolve())
    (root / "demo_output").mkdir()
    return root


@pytest.fixture
def database_server():
    """A PostgreSQL + PostGIS cluster of its own: no roles but its superuser, as a new server has."""
    from tests.servers.postgres import PostgresCluster

    cluster = PostgresCluster().start()
    try:
        yield cluster
    finally:
        cluster.stop()


def shared_store_service(cluster, home: Path, dbname: str) -> None:
    """An empty database and the libpq service ``crs`` naming it, its password in ~/.pgpass."""
    import psycopg2

    conn = psycopg2.connect(cluster.conninfo())
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute(f"CREATE DATABASE {dbname}")
    conn.close()
    (home / ".pg_service.conf").write_text(
        f"[crs]\nhost=127.0.0.1\nport={cluster.port}\ndbname={dbname}\nuser={cluster.superuser}\n"
    )
    pgpass = home / ".pgpass"
    pgpass.write_text(f"127.0.0.1:{cluster.port}:*:{cluster.superuser}:{cluster.password}\n")
    pgpass.chmod(0o600)


def named_outputs(block: Block) -> list[str]:
    """Files the block's commands are asked to write (OUTPUT=…, ZONES=…, SUMMARY=…), literal paths only."""
    return [p for p in re.findall(r"\b(?:OUTPUT|ZONES|SUMMARY)=\"?([^\s\"|]+)", block.text) if "$" not in p]


def test_every_block_is_run_or_excepted_as_a_whole():
    blocks = shell_blocks(README.read_text(encoding="utf-8"))
    assert len(blocks) >= 4, "the README's shell blocks were not found"
    for block in blocks:
        excepted = block.excepted()
        assert all(excepted) or not any(excepted), (
            f"README.md:{block.line} mixes excepted and runnable commands: give the excepted ones a block"
        )
    for key in EXCEPTED:
        assert any(re.search(key, c) for b in blocks for c in b.commands()), f"no command matches {key!r} now"


def test_the_terminal_keeps_state_between_blocks_and_stops_a_block_at_its_first_error(tmp_path):
    (tmp_path / "repo" / "sub").mkdir(parents=True)
    terminal = Terminal(tmp_path, tmp_path / "repo", user_env(tmp_path))
    first = terminal.run('export A=1\nB=2 C="x y"\nf() { echo "$A$B$C"; }\ncd sub\n')
    assert first.returncode == 0, first.stderr
    second = terminal.run(
        '[ "$(f)" = "12x y" ] && [ "${PWD##*/}" = sub ] && [ "$(bash -c \'echo $A\')" = 1 ]\n'
    )
    assert second.returncode == 0, second.stderr
    assert terminal.run("false\necho still here\n").returncode != 0
    assert terminal.run("echo $UNSET_VARIABLE\n").returncode != 0
    assert terminal.run("false | true\n").returncode != 0
    assert terminal.run("false || true  # allowed\n").returncode == 0
    assert "python" not in terminal.run("command -v python || true\n").stdout  # no python on Debian's PATH


def written(path: Path) -> bool:
    """A file with content, or a folder output (crs:publishopendata's package) with files in it."""
    if path.is_dir():
        return any(p.is_file() and p.stat().st_size for p in path.iterdir())
    return path.is_file() and path.stat().st_size > 0


def test_readme_shell_blocks_run_as_written(tmp_path, sample_store, database_server):
    blocks = shell_blocks(README.read_text(encoding="utf-8"))
    repo = repository_lookalike(tmp_path / "repo")
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(sample_store, repo / "demo_output" / "crs.gpkg")  # make demo's store of the sample sources
    shared_store_service(database_server, home, "readme_crs")
    terminal = Terminal(tmp_path, repo, user_env(home))
    failures, timings = [], []
    for block in blocks:
        if block.commands() and all(block.excepted()):
            continue
        started = time.monotonic()
        run = terminal.run(block.text)
        timings.append((block.line, round(time.monotonic() - started, 1)))
        output = run.stdout + run.stderr
        missing = [p for p in named_outputs(block) if not written(repo / p)]
        problem = (
            f"exit status {run.returncode}" if run.returncode != 0
            else "a Python traceback" if "Traceback" in output
            else f"outputs not written: {missing}" if missing
            else None
        )  # fmt: skip
        if problem:
            failures.append(f"README.md:{block.line} ({block.commands()[0]}): {problem}\n{output[-3000:]}")
    print("seconds per block (README line, s):", timings)
    assert timings, "no block was run"
    assert not failures, "\n\n".join(failures)


def test_the_readme_asks_apt_for_packages_make_deps_installs():
    """The README's `sudo apt install` lines are excepted above: what they name is what `make deps` installs."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8").replace("\\\n", " ")
    installed = set(re.search(r"^APT_PACKAGES := (.*)$", makefile, re.M).group(1).split())
    asked = [
        package
        for block in shell_blocks(README.read_text(encoding="utf-8"))
        for command in block.commands()
        if command.startswith("sudo apt install ")
        for package in command.split()[3:]
    ]
    assert asked and set(asked) <= installed, sorted(set(asked) - installed)
