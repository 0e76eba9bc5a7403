"""Helpers shared by the bench scripts: paths, timing a child process, the NewsQuant data.

The NewsQuant benchmark is for internal evaluation only. It is read at run time from
../shared/eval-data/newsquant (relative to the repo root), or from $NEWSQUANT_DIR, and
never copied into the repository. Temporary documents built from it go to the system
temp dir and are deleted after use.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PY = os.environ.get("CHECKER_PY", sys.executable)
NEWSQUANT_DIR = Path(os.environ.get("NEWSQUANT_DIR", REPO.parent / "shared" / "eval-data" / "newsquant"))
NEWSQUANT_JSON = NEWSQUANT_DIR / "NewsQuant.json"
RECOGNIZERS_DIR = NEWSQUANT_DIR / "recognizers-text-derived"


def load_dataset(path: Path) -> list[dict]:
    """A NewsQuant-format file: a list of {"text": ..., "quantities": [...]}."""
    if not path.is_file():
        sys.exit(f"error: {path} not found; set NEWSQUANT_DIR to the folder holding NewsQuant.json")
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def joined(sentences: list[str]) -> tuple[str, list[int]]:
    """Sentences joined by blank lines, and the start offset of each (as newsquant_score.py does)."""
    offsets, pos = [], 0
    for s in sentences:
        offsets.append(pos)
        pos += len(s) + 2
    return "\n\n".join(sentences), offsets


def temp_file(text: str, suffix: str = ".txt", folder: str | None = None) -> str:
    fd, name = tempfile.mkstemp(suffix=suffix, prefix="bench-", dir=folder)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    return name


@dataclass
class Run:
    seconds: float  # wall time of the whole child process
    maxrss_mb: float  # the child's peak resident set size
    returncode: int
    stdout: str


def run_child(cmd: list[str], env: dict[str, str] | None = None, cwd: Path = REPO,
              capture: bool = False) -> Run:
    """Run `cmd` to completion; wall time and peak RSS of that one child (os.wait4).

    wait4 returns the rusage of the waited child alone, so no delta of
    RUSAGE_CHILDREN (a running maximum over all children) is needed.
    """
    out = tempfile.TemporaryFile() if capture else subprocess.DEVNULL
    err = tempfile.TemporaryFile()
    try:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        text = ""
        if capture:
            out.seek(0)
            text = out.read().decode("utf-8")
        if proc.returncode:
            err.seek(0)
            raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n"
                               f"{err.read().decode('utf-8', 'replace')[-2000:]}")
        # ru_maxrss is in kilobytes on Linux, bytes on macOS.
        kb = usage.ru_maxrss / 1024 if sys.platform == "darwin" else usage.ru_maxrss
        return Run(seconds, kb / 1024, proc.returncode, text)
    finally:
        err.close()
        if capture:
            out.close()


def best_of(n: int, cmd: list[str], env: dict[str, str] | None = None) -> tuple[Run, list[float]]:
    """The fastest of n runs (its peak RSS too) and all n wall times."""
    runs = [run_child(cmd, env) for _ in range(n)]
    return min(runs, key=lambda r: r.seconds), [r.seconds for r in runs]


def env_with_cache(cache_dir: str) -> dict[str, str]:
    env = dict(os.environ)
    env["FACTCHECK_CACHE_DIR"] = cache_dir
    env.setdefault("PYTHONWARNINGS", "ignore")
    return env


def checker_cmd(article: str, *extra: str) -> list[str]:
    return [PY, "-m", "checker", "check", article, "--format", "json", *extra]


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return (f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}")


def header(title: str) -> None:
    print(f"{title} -- {time.strftime('%Y-%m-%d %H:%M')} -- {machine()}")
