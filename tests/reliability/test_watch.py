"""attache watch: new files and feed items are ingested once, as they appear."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections import Counter

from click.testing import CliRunner

from attache.cli import main
from attache.cli.watch_cmd import new_files, poll
from attache.ingest.fetch import Fetcher
from attache.store import open_store

ARTICLE = """ date 2025-0{month}-1{day} Submit Release
Consultations in {city}

{city_upper}, 1{day} March 2025. Political consultations between the Ministries of Foreign
Affairs of {a} and {b} were held in {city}. The sides discussed trade and transport.
"""


def write_article(folder, name, a="Turkmenistan", b="Japan", city="Tokyo", month=3, day=1):
    path = folder / name
    path.write_text(ARTICLE.format(a=a, b=b, city=city, city_upper=city.upper(), month=month, day=day))
    return path


def document_count(db) -> int:
    with open_store(db, read_only=True) as store:
        return store.scalar("SELECT count(*) FROM documents")


def test_new_files_waits_for_settled_and_changed_files(tmp_path):
    old = write_article(tmp_path, "a.txt")
    os.utime(old, (time.time() - 60, time.time() - 60))
    fresh = write_article(tmp_path, "b.txt", city="Ashgabat")
    (tmp_path / ".hidden.txt").write_text("x")
    seen: dict = {}
    assert new_files(str(tmp_path), seen, settle=5.0, now=time.time()) == [str(old)]
    assert new_files(str(tmp_path), seen, settle=5.0, now=time.time() + 10) == [str(fresh)]
    assert new_files(str(tmp_path), seen, settle=5.0, now=time.time() + 10) == []
    fresh.write_text(fresh.read_text() + "\nThe next round will be held in Ashgabat.\n")
    assert new_files(str(tmp_path), seen, settle=0.0, now=time.time()) == [str(fresh)]


def test_poll_ingests_only_what_is_new(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    write_article(inbox, "a.txt")
    seen_files, seen_urls, errors = {}, set(), []
    settings = dict(directory=str(inbox), feed=None, fetcher=None, seen_files=seen_files,
                    seen_urls=seen_urls, jobs=1, settle=0.0, report=errors.append)
    with open_store(tmp_path / "w.db") as store:
        assert poll(store, **settings) == Counter(stored=1)
        assert poll(store, **settings) == Counter()
        write_article(inbox, "b.txt", a="Kazakhstan", b="Korea", city="Seoul", day=4)
        (inbox / "c.txt").write_bytes(b"")
        assert poll(store, **settings) == Counter(stored=1, failed=1)
    assert len(errors) == 1 and errors[0].startswith(str(inbox / "c.txt"))
    assert document_count(tmp_path / "w.db") == 2


def test_watch_once_cli_exit_status(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    write_article(inbox, "a.txt")
    runner = CliRunner()
    ok = runner.invoke(main, ["watch", str(inbox), "--db", str(tmp_path / "w.db"), "--once"])
    assert ok.exit_code == 0, ok.output
    (inbox / "bad.bin").write_bytes(bytes(range(256)) * 20)
    bad = runner.invoke(main, ["watch", str(inbox), "--db", str(tmp_path / "w.db"), "--once"])
    assert bad.exit_code == 1
    assert "bad.bin" in bad.output
    assert document_count(tmp_path / "w.db") == 1
    usage = runner.invoke(main, ["watch", "--db", str(tmp_path / "w.db")])
    assert usage.exit_code == 2


def test_poll_follows_a_feed_without_refetching(server, tmp_path):
    page = "<!doctype html><html><body><article><p>BAKU, 3 April 2025. {}</p></article></body></html>"
    server.page("/news/1", page.format("The Foreign Ministers of Azerbaijan and Hungary held talks in Baku on energy."))
    server.page("/news/2", page.format("Deputy Ministers of Georgia and Poland held consultations in Tbilisi on transport."))
    items = "".join(f"<item><title>n{i}</title><link>{server.url}/news/{i}</link></item>" for i in (1, 2))
    server.page("/rss", f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>',
                content_type="application/rss+xml")
    seen_urls, errors = set(), []
    settings = dict(directory=None, feed=server.url + "/rss", seen_files={}, seen_urls=seen_urls,
                    jobs=1, settle=0.0, report=errors.append)
    with Fetcher(min_interval=0.0, retries=0) as fetcher, open_store(tmp_path / "f.db") as store:
        first = poll(store, fetcher=fetcher, **settings)
        second = poll(store, fetcher=fetcher, **settings)
    assert first == Counter(stored=2), errors
    assert second == Counter()
    assert len(server.hits("/news/1")) == 1 and len(server.hits("/rss")) == 2


def test_watch_runs_until_interrupted_and_picks_up_new_files(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    db = tmp_path / "live.db"
    env = os.environ | {"PYTHONPATH": os.getcwd()}
    command = [sys.executable, "-c", "import sys; from attache.cli import main; sys.exit(main())",
               "watch", str(inbox), "--db", str(db), "--interval", "0.3"]
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    try:
        write_article(inbox, "a.txt")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (db.exists() and document_count(db) == 1):
            time.sleep(0.3)
        write_article(inbox, "b.txt", a="Uzbekistan", b="Malaysia", city="Tashkent", day=5)
        while time.monotonic() < deadline and document_count(db) < 2:
            time.sleep(0.3)
        assert document_count(db) == 2
    finally:
        process.send_signal(2)
        _out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "watch stopped: 2 stored" in err
