"""`attache` as an installed package: the wheel built from this tree carries every file the
package reads (vocabularies, templates, static assets, example articles), and `attache demo`
run from that wheel, in a fresh venv and another folder, serves pages."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import time
import zipfile
from pathlib import Path

import httpx
import pytest

from attache.serve.server import free_port

ROOT = Path(__file__).resolve().parents[2]
PACKAGE_FILES = ("pyproject.toml", "README.md")
START_SECONDS = 180


def _package_data() -> list[str]:
    """Every file of the package that is not Python source, as a wheel names it."""
    return sorted(path.relative_to(ROOT).as_posix() for path in (ROOT / "attache").rglob("*")
                  if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel of a copy of this tree (the build leaves nothing in the tree itself)."""
    source = tmp_path_factory.mktemp("source")
    for name in PACKAGE_FILES:
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "attache", source / "attache", ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "--no-build-isolation",
                            "--no-index", "-w", str(out)], capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stdout + built.stderr
    [found] = out.glob("attache-*.whl")
    return found


def test_the_wheel_carries_every_file_of_the_package(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = _package_data()
    assert len(expected) > 50 and "attache/data/countries.tsv" in expected
    assert [name for name in expected if name not in names] == []
    assert {"attache/serve/templates/event.html", "attache/serve/static/vendor/d3-geo.min.js",
            "attache/examples/regional_wire_digest.jsonl"} <= names


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh venv holding the wheel; the dependencies are this venv's (no download)."""
    venv = tmp_path_factory.mktemp("venv") / "fresh"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    # a path line of a .pth file only joins sys.path, after the venv's own packages: the .pth
    # files there (this checkout's editable install of attache) are not read
    (site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index",
                           str(wheel)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return venv


def test_the_installed_package_is_the_wheels_not_this_tree(installed, tmp_path):
    found = subprocess.run([str(installed / "bin" / "python"), "-c", "import attache.serve.app as a; print(a.__file__)"],
                           capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert found.returncode == 0, found.stderr
    assert Path(found.stdout.strip()).is_relative_to(installed) and not Path(found.stdout.strip()).is_relative_to(ROOT)


@pytest.mark.slow
def test_attache_demo_from_the_wheel_serves_pages(installed, tmp_path):
    port = free_port()
    log_path = tmp_path / "demo.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen([str(installed / "bin" / "attache"), "demo", "--no-browser", "--port", str(port)],
                                   stdout=log, stderr=subprocess.STDOUT, cwd=tmp_path)
    base = f"http://127.0.0.1:{port}"
    try:
        home = _wait_for(f"{base}/index.json", process, log_path)
        assert home.json()["documents"] >= 15 and home.json()["events"] > 0
        event_id = home.json()["latest_events"][0]["event_id"]
        page = httpx.get(f"{base}/event/{event_id}", timeout=30)
        assert page.status_code == 200 and "/static/app.js" in page.text
        assert httpx.get(f"{base}/static/vendor/cytoscape.min.js", timeout=30).status_code == 200
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_for(url: str, process: subprocess.Popen, log_path: Path) -> httpx.Response:
    deadline = time.monotonic() + START_SECONDS
    while True:
        try:
            answer = httpx.get(url, timeout=5)
            if answer.status_code == 200:
                return answer
        except httpx.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"attache demo did not serve (exit {process.poll()}); its log:\n{log_path.read_text()}")
        time.sleep(0.5)
