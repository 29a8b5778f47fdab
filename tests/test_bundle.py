"""The desktop bundle (issue 16, item 2): PyInstaller builds it from the repository's own
files, and the bundled program runs the command line (--version, import, suggest,
export), opens the window offscreen and closes it, and imports the files it is given
(`reportmark FILE`, the desktop entry's %F).

The build takes about a minute; `-m "not bundle"` leaves these tests out while working
on something else. REPORTMARK_BUNDLE=dist/reportmark tests a bundle already built.
.github/workflows/bundles.yml runs the same smoke commands on Windows and macOS.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from desktop import __version__
from tests.conftest import REPO, SEED

pytestmark = pytest.mark.bundle
LINUX = sys.platform.startswith("linux")
# the console program: on Windows and macOS the windowed app is ReportMark, the command
# line reportmark-cli (packaging/reportmark.spec)
CLI = "reportmark" if LINUX else "reportmark-cli"

# The newest glibc the bundle may need: the README's "Linux bundle" states it.
MIN_GLIBC = (2, 35)


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("REPORTMARK_BUNDLE")
    if given:
        return Path(given)
    work = tmp_path_factory.mktemp("pyinstaller")
    env = {**os.environ, "PYINSTALLER_CONFIG_DIR": str(work / "config")}  # no cache kept
    started = time.monotonic()
    built = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"),
         str(REPO / "packaging" / "reportmark.spec")],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=900)
    assert built.returncode == 0, built.stderr[-4000:]
    sys.stderr.write(f"\nbundle built in {time.monotonic() - started:.0f} s\n")
    return work / "dist" / "reportmark"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A user with no settings, no project and no display."""
    home = tmp_path / "home"
    return {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"), "QT_QPA_PLATFORM": "offscreen",
            "REPORTMARK_LANG": "en"}


def rm(bundle: Path, env: dict[str, str], *args: str, ok: bool = True,
       timeout: float = 120) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(bundle / CLI), *args], env=env, capture_output=True,
                          text=True, timeout=timeout)
    if ok:
        assert done.returncode == 0, f"{args}: {done.stderr[-2000:]}"
    return done


def test_version(bundle: Path, env: dict[str, str]) -> None:
    assert rm(bundle, env, "--version").stdout == f"reportmark {__version__}\n"


def test_import_suggest_export(bundle: Path, env: dict[str, str], tmp_path: Path) -> None:
    db = str(tmp_path / "p.rmk")
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>江西工业</title></head><body><article><h1>江西工业"
                    "稳中有进</h1><p>前三季度，江西规模以上工业增加值增长8.1%，高于全国"
                    "平均水平。</p></article></body></html>", encoding="utf-8")
    imported = json.loads(rm(bundle, env, "--db", db, "import", str(SEED), str(page),
                             "--json").stdout)
    assert len(imported["imported"]) == 3 and imported["refused"] == []
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01PK" * 100)
    refused = rm(bundle, env, "--db", db, "import", str(bad), ok=False)
    assert refused.returncode == 1 and "refused" in refused.stderr

    lines = rm(bundle, env, "suggest", str(SEED), "--json").stdout.splitlines()
    assert len(lines) > 50 and {json.loads(x)["kind"] for x in lines} >= {"metric", "program"}
    rid = imported["imported"][0]["id"]
    rm(bundle, env, "--db", db, "--analyst", "alice", "suggest", "--report", rid, "--apply")
    out = tmp_path / "tags.xlsx"
    said = rm(bundle, env, "--db", db, "export", str(out), "--by", "alice").stdout
    n = int(re.search(r"(\d+) tags exported", said).group(1))  # type: ignore[union-attr]
    assert n > 20
    book = openpyxl.load_workbook(out, read_only=True)
    rows = sum(ws.max_row - 1 for ws in book.worksheets if ws.title in ("Metric", "Program", "Target"))
    book.close()
    assert rows == n


def test_the_window_opens_offscreen_and_closes(bundle: Path, env: dict[str, str],
                                               tmp_path: Path) -> None:
    db = tmp_path / "first-run.rmk"
    # REPORTMARK_BENCH_EXIT: quit once the window is built on the opened project
    started = rm(bundle, {**env, "REPORTMARK_BENCH_EXIT": "1"}, "--db", str(db), "--analyst",
                 "alice")
    assert "Traceback" not in started.stderr
    listed = json.loads(rm(bundle, env, "--db", str(db), "reports", "--json").stdout)
    assert len(listed) == 2  # the first run imported the seed reports


@pytest.fixture
def window(bundle: Path, env: dict[str, str], tmp_path: Path) -> Iterator[list[str]]:
    """Start the bundle's window on a file (as the desktop entry's %F does); stop it after."""
    report = tmp_path / "江西.txt"
    report.write_text("江西省2025年工业经济运行情况\n\n前三季度，江西规模以上工业增加值"
                      "增长8.1%。\n", encoding="utf-8")
    db = str(tmp_path / "p.rmk")
    proc = subprocess.Popen([str(bundle / CLI), "--db", db, str(report)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        yield [db, str(report)]
    finally:
        if sys.platform == "win32":
            proc.terminate()
        else:
            os.killpg(proc.pid, signal.SIGTERM)  # the window and its import worker
        _, err = proc.communicate(timeout=30)
        assert "Traceback" not in err and "invalid choice" not in err, err


def test_reportmark_file_opens_the_window_and_imports_it(bundle: Path, env: dict[str, str],
                                                         window: list[str]) -> None:
    db = window[0]
    deadline = time.monotonic() + 60
    titles: list[str] = []
    while time.monotonic() < deadline and "江西省2025年工业经济运行情况" not in titles:
        time.sleep(0.5)
        listed = rm(bundle, env, "--db", db, "reports", "--json", ok=False)
        if listed.returncode == 0:
            titles = [r["title"] for r in json.loads(listed.stdout)]
    assert "江西省2025年工业经济运行情况" in titles


@pytest.mark.skipif(not LINUX, reason="glibc is Linux's")
def test_no_binary_needs_a_newer_glibc_than_the_readme_states(bundle: Path) -> None:
    needed: set[tuple[int, ...]] = set()
    for path in bundle.rglob("*"):
        if path.is_file() and (".so" in path.name or os.access(path, os.X_OK)):
            dump = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True)
            needed |= {tuple(map(int, v.split("."))) for v in re.findall(r"GLIBC_(\d+\.\d+)", dump.stdout)}
    assert max(needed) <= MIN_GLIBC
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"glibc {MIN_GLIBC[0]}.{MIN_GLIBC[1]}" in readme


def test_the_ocr_models_are_in_the_bundle(bundle: Path) -> None:
    models = {p.name for p in bundle.rglob("rapidocr/models/*.onnx")}
    assert any("det" in m for m in models) and any("rec" in m for m in models)
