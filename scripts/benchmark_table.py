"""Quick benchmarks on this machine's QGIS, and a README table of every QGIS release measured.

    python scripts/benchmark_table.py run     # every benchmarks/bench_*.py --quick; writes
                                              # benchmarks/results/quick-qgis-<version>.jsonl
    python scripts/benchmark_table.py table   # a Markdown table, one column group per release

`make bench-quick` runs the first on Debian 12 (QGIS 3.22), `scripts/qgis_ltr.sh bench-quick` on
Debian 13 (QGIS 3.40 LTR); the README's table comes from both files. Each row compares our code
with QGIS's own algorithm (or the reference library) in the same process on the same data.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"


def qgis_version() -> str:
    from qgis.core import Qgis

    return Qgis.QGIS_VERSION.split("-")[0]


def run() -> Path:
    """Every benchmark at its quick size; the RESULT lines of all, with the QGIS release, in one file."""
    version = qgis_version()
    rows = []
    for script in sorted((ROOT / "benchmarks").glob("bench_*.py")):
        print(f"== {script.name} --quick (QGIS {version})", flush=True)
        done = subprocess.run(
            [sys.executable, str(script), "--quick"], capture_output=True, text=True, cwd=ROOT
        )
        for line in done.stdout.splitlines():
            if line.startswith("RESULT "):
                rows.append({"script": script.name, "qgis": version, **json.loads(line[len("RESULT ") :])})
                print(line, flush=True)
        if done.returncode != 0:  # a benchmark that fails is said, not left out of the table silently
            rows.append({"script": script.name, "qgis": version, "failed": done.stderr.strip()[-500:]})
            print(done.stderr[-2000:], file=sys.stderr, flush=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"quick-qgis-{version}.jsonl"
    out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} results written to {out.relative_to(ROOT)}")
    return out


def _seconds(value) -> str:
    return "—" if value is None else f"{value:.3f} s" if value < 1 else f"{value:.2f} s"


def table() -> str:
    """Rows: benchmark and baseline; per release: ours, baseline, speed-up; then whether all agree."""
    files = sorted(
        RESULTS.glob("quick-qgis-*.jsonl"), key=lambda p: [int(x) for x in p.stem.split("-")[-1].split(".")]
    )
    releases = [p.stem.split("-")[-1] for p in files]
    by_key: dict[tuple[str, str], dict[str, dict]] = {}
    for release, path in zip(releases, files):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if "ours_s" in row and "baseline_s" in row:
                by_key.setdefault((row["name"], row["baseline"]), {})[release] = row
    head = ["benchmark (`--quick` size)", "baseline"]
    for release in releases:
        head += [f"ours, QGIS {release}", f"baseline, QGIS {release}", f"speed-up, QGIS {release}"]
    head.append("agree")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for (name, baseline), per_release in by_key.items():
        cells = [f"`{name}`", baseline]
        for release in releases:
            row = per_release.get(release)
            cells += (
                [_seconds(row["ours_s"]), _seconds(row["baseline_s"]), f"{row['speedup']:g}×"]
                if row
                else ["—", "—", "—"]
            )
        agree = [r.get("agree") for r in per_release.values()]
        cells.append("yes" if all(agree) else "**no**")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    if sys.argv[1:] == ["run"]:
        run()
    elif sys.argv[1:] == ["table"]:
        print(table())
    else:
        sys.exit(__doc__)
