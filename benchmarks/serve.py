"""Web benchmark: requests/s and latency of the main pages under concurrent clients.

    .venv/bin/python benchmarks/serve.py --events 1000000 --db /tmp/bench.db --reuse
    .venv/bin/python benchmarks/serve.py --db /tmp/bench.db --reuse --page relationship --workers 2

Builds (or reuses) a generated store with the generator of ``benchmarks/store.py``, reads the
database file once so that it is in the OS page cache (a server's steady state; ``--cold``
skips this), starts `attache serve` under uvicorn in a subprocess on a free local port,
discovers real ids through the JSON API, then for each page keeps ``--clients`` concurrent
clients busy, each sending its next GET as soon as the last one is answered (no think time),
and prints requests/s, p50 and p95 latency. A mixed run over all pages follows; "1 client
p50" is the latency of the same pages one request at a time (the service time). On Linux, the
CPU time the server spent per request is shown too, for its HTTP process and for its page
processes together (from /proc, over the run shown): unlike latency, it hardly depends on
how fast the shared machine happens to be.

The load comes from ``wrk`` (Debian package ``wrk``: C, a few percent of a core) when it is
installed, else from an httpx client in this process (``--loader httpx``), which costs as
much CPU as the server it measures. Client and server share this machine's cores either way.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib.util
import inspect
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from urllib.parse import urlencode

import httpx

from attache.serve import pages as serve_pages
from attache.serve.app import CACHE_HEADER

ROOT = Path(__file__).resolve().parent.parent
TARGET_P95_MS = 100.0
VIEWS = {"home": (serve_pages.home_page, "home.html"), "event": (serve_pages.event_page, "event.html"),
         "document": (serve_pages.document_page, "document.html"), "person": (serve_pages.person_page, "person.html"),
         "relationship": (serve_pages.relationship_page, "relationship.html"),
         "country": (serve_pages.country_page, "country.html"), "search": (serve_pages.search_page, "search.html"),
         "events-filter": (serve_pages.events_page, "events.html")}
SEARCH_WORDS = ["hydrogen", "energy", "consultations", "lithium", "satellite", "trade corridor"]


def store_benchmark():
    """benchmarks/store.py as a module (its generator and loader)."""
    spec = importlib.util.spec_from_file_location("store_benchmark", ROOT / "benchmarks" / "store.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_store(db: Path, events: int, seed: int, resolved: int) -> None:
    """Generate the store with benchmarks/store.py's loader (full ingest path for the first
    ``resolved`` events, its bulk path for the rest, where it has one)."""
    load = store_benchmark().load
    options = {"resolved": resolved} if "resolved" in inspect.signature(load).parameters else {}
    started = time.perf_counter()
    report = load(db, events, seed, 2000, **options)
    for line in report if isinstance(report, list) else [report]:
        print(line)
    print(f"built {db} in {time.perf_counter() - started:,.0f} s")


def start_server(db: Path, port: int, cache: int, workers: int, threads: int, log) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", "from attache.cli import main; main()", "serve", "--db", str(db), "--port", str(port),
         "--cache", str(cache), "--workers", str(workers), "--threads", str(threads)],
        stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)


def read_through(path: Path, chunk: int = 1 << 24) -> float:
    """Read ``path`` once (into the OS page cache); return the seconds it took."""
    started = time.perf_counter()
    with open(path, "rb") as handle:
        while handle.read(chunk):
            pass
    return time.perf_counter() - started


def wait_ready(base: str, process: subprocess.Popen, log_path: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            if httpx.get(base + "/index.json", timeout=30).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.3)
    raise SystemExit(f"server did not start; its log:\n{log_path.read_text()}")


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of process ``pid`` so far (Linux /proc), or None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def server_cpu(pid: int) -> tuple[float, float] | None:
    """CPU seconds of the server process and of its child processes (the page processes)."""
    own = cpu_seconds(pid)
    if own is None:
        return None
    children = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError):
            children += [int(child) for child in (task / "children").read_text().split()]
    return own, sum(cpu_seconds(child) or 0.0 for child in children)


def measured(run, pid: int, requests_of) -> dict:
    """``run()``'s result with the server's CPU milliseconds per request (``http_cpu``,
    ``pages_cpu``; None where /proc is missing)."""
    before = server_cpu(pid)
    result = run()
    after = server_cpu(pid)
    result["http_cpu"] = result["pages_cpu"] = None
    if before and after and requests_of(result):
        result["http_cpu"], result["pages_cpu"] = (
            1000 * (end - start) / requests_of(result) for start, end in zip(before, after))
    return result


def discover(base: str, rng: random.Random) -> dict[str, list[str]]:
    """Page URLs per page kind, built from ids the API returns."""
    with httpx.Client(base_url=base, timeout=60) as http:
        home = http.get("/index.json").json()
        listing = http.get("/events.json", params={"limit": 200, "order": "sources"}).json()["events"]
        listing += http.get("/events.json", params={"limit": 200}).json()["events"]
    events = [e for e in listing if e["participants"]]
    pairs = [(r["a"], r["b"]) for r in home["top_relationships"]]
    countries = sorted({c for e in listing for c in e["countries"]})
    people = sorted({p["person_id"] for e in events for p in e["participants"]})
    docs = sorted({s["doc_id"] for e in listing for s in e["sources"]})
    return {
        "home": ["/"],
        "event": [f"/event/{e['event_id']}" for e in events],
        "document": [f"/document/{d}" for d in docs],
        "person": [f"/person/{p}" for p in people],
        "relationship": [f"/relationship/{a}/{b}" for a, b in pairs],
        "country": [f"/country/{c}" for c in countries],
        "search": [f"/search?{urlencode({'q': w})}" for w in SEARCH_WORDS],
        "events-filter": [f"/events?country={c}&type={t}" for c in countries[:10]
                          for t in ("talks", "visit", "consultation", "meeting")],
        "event-json": [f"/event/{e['event_id']}.json" for e in events],
    }


def cpu_breakdown(db: Path, base_pages: dict[str, list[str]], runs: int = 5, urls_per_page: int = 10) -> None:
    """CPU time per page in this process, split into the view (query layer + reshaping) and
    the rendering (HTML template, or the JSON twin): independent of other load on the machine.
    Medians over the first ``urls_per_page`` URLs of each kind, ``runs`` times each (one URL
    alone would show a hot, repeated page)."""
    from attache.serve.app import create_app
    from attache.serve.respond import json_response, render_page

    app = create_app(db, cache_entries=0)
    store = app.state.stores.get()
    print(f"{'page':15s} {'view cpu ms':>11s} {'html cpu ms':>11s} {'json cpu ms':>11s}   "
          f"(in process, median over {urls_per_page} URLs x {runs})")
    for name, urls in base_pages.items():
        if not urls or name.endswith("-json"):
            continue
        view, template = VIEWS[name]
        samples: list[list[float]] = [[], [], []]
        for url in urls[:urls_per_page]:
            request = _request(app, url)
            context = view(request, store)
            works = (lambda view=view, request=request: view(request, store),
                     lambda request=request, template=template, context=context: render_page(request, template, context),
                     lambda context=context: json_response(context))
            for kind, work in enumerate(works):
                for _ in range(runs):
                    started = time.process_time()
                    work()
                    samples[kind].append((time.process_time() - started) * 1000)
        view_ms, html_ms, json_ms = (statistics.median(found) for found in samples)
        print(f"{name:15s} {view_ms:11.1f} {html_ms:11.1f} {json_ms:11.1f}")
    app.state.stores.close_all()


def _request(app, url: str):
    """A Starlette request for ``url`` with the path parameters of the route it matches."""
    from starlette.requests import Request
    from starlette.routing import Match

    path, _, query_string = url.partition("?")
    scope = {"type": "http", "method": "GET", "path": path, "query_string": query_string.encode(),
             "headers": [], "app": app}
    for route in app.routes:
        match, child = route.matches(scope)
        if match == Match.FULL and hasattr(route, "endpoint"):
            scope.update(child)
            break
    return Request(scope)


async def run_load(base: str, urls: list[str], requests: int, clients: int, seed: int) -> dict:
    """``requests`` GETs spread over ``clients`` concurrent workers; latency of each in ms."""
    rng = random.Random(seed)
    plan = [rng.choice(urls) for _ in range(requests)]
    latencies: list[float] = []
    failures = hits = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as http:
        async def worker(own: list[str]):
            nonlocal failures, hits
            for url in own:
                started = time.perf_counter()
                response = await http.get(url)
                latencies.append((time.perf_counter() - started) * 1000)
                hits += response.headers.get(CACHE_HEADER) == "hit"
                if response.status_code != 200:
                    failures += 1

        started = time.perf_counter()
        await asyncio.gather(*(worker(plan[i::clients]) for i in range(clients)))
        elapsed = time.perf_counter() - started
    quantiles = statistics.quantiles(latencies, n=20)
    return {"requests": len(latencies), "rps": len(latencies) / elapsed, "p50": statistics.median(latencies),
            "p95": quantiles[18], "max": max(latencies), "failures": failures,
            "hits": hits}


WRK_SCRIPT = """
local urls = {%s}
local threads = {}
setup = function(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end
init = function(args)
  math.randomseed(%d + id)
  hits = 0
end
request = function()
  return wrk.format("GET", urls[math.random(#urls)])
end
response = function(status, headers, body)
  if headers["x-attache-cache"] == "hit" then hits = hits + 1 end
end
done = function(summary, latency, requests)
  local e = summary.errors
  local hits = 0
  for _, thread in ipairs(threads) do hits = hits + thread:get("hits") end
  io.write(string.format("RESULT %%d %%.3f %%.3f %%.3f %%.3f %%d %%d\\n", summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency.max / 1000,
    e.connect + e.read + e.write + e.status + e.timeout, hits))
end
"""


def run_wrk(base: str, urls: list[str], seconds: float, clients: int, seed: int, workdir: Path) -> dict:
    """``clients`` connections kept busy for ``seconds`` by wrk (2 threads), each request a
    random URL of ``urls``; latency quantiles as wrk measures them."""
    script = workdir / "urls.lua"
    script.write_text(WRK_SCRIPT % (", ".join(f'"{u}"' for u in urls), seed))
    done = subprocess.run(["wrk", "-t", "2", "-c", str(clients), "-d", f"{seconds:g}s", "--timeout", "60s",
                           "-s", str(script), base], capture_output=True, text=True, check=True)
    found = re.search(r"^RESULT (\d+) (\S+) (\S+) (\S+) (\S+) (\d+) (\d+)$", done.stdout, re.M)
    if not found:
        raise SystemExit(f"wrk printed no result:\n{done.stdout}{done.stderr}")
    requests, elapsed, p50, p95, longest, failures, hits = found.groups()
    return {"requests": int(requests), "rps": int(requests) / float(elapsed), "p50": float(p50), "p95": float(p95),
            "max": float(longest), "failures": int(failures), "hits": int(hits)}


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000, help="events to generate when building the store")
    parser.add_argument("--db", type=Path, help="store to serve (generated if missing, or always without --reuse)")
    parser.add_argument("--reuse", action="store_true", help="serve --db as it is if it exists")
    parser.add_argument("--resolved", type=int, default=20_000,
                        help="events generated through the full ingest path (benchmarks/store.py --resolved)")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--cache", type=int, default=0,
                        help="pages the server caches (attache serve --cache); 0, the default, measures every "
                             "request uncached")
    parser.add_argument("--workers", type=int, default=2, help="page processes (attache serve --workers)")
    parser.add_argument("--threads", type=int, default=1, help="view threads per process (attache serve --threads)")
    parser.add_argument("--page", action="append", choices=sorted(VIEWS) + ["event-json", "mixed"],
                        help="measure only this page kind (repeatable); default: all, then a mixed run")
    parser.add_argument("--loader", choices=("auto", "wrk", "httpx"), default="auto",
                        help="load generator: wrk if installed (auto), or httpx in this process")
    parser.add_argument("--seconds", type=float, default=15.0, help="length of each wrk run")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs per page; the one with the median p95 is shown, with the range (this machine's "
                             "speed can vary by a third from one run to the next)")
    parser.add_argument("--requests", type=int, default=400, help="requests per page kind (httpx loader)")
    parser.add_argument("--cold", action="store_true", help="do not read the database into the OS page cache first")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    loader = args.loader
    if loader == "auto":
        loader = "wrk" if shutil.which("wrk") else "httpx"
    if loader == "wrk" and not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install wrk), use --loader httpx")

    with tempfile.TemporaryDirectory(prefix="attache-serve-bench-") as tmp:
        db = args.db or Path(tmp) / "bench.db"
        if not (args.reuse and db.exists()):
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
            build_store(db, args.events, args.seed, args.resolved)
        if not args.cold:
            print(f"read {db} into the page cache in {read_through(db):.1f} s")
        from attache.serve.server import free_port

        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log_path = Path(tmp) / "server.log"
        with open(log_path, "wb") as log:
            server = start_server(db, port, args.cache, args.workers, args.threads, log)
        try:
            wait_ready(base, server, log_path)
            with httpx.Client(base_url=base, timeout=60) as http:
                totals = http.get("/index.json").json()
            load = (f"wrk, {args.seconds:g} s per page" if loader == "wrk"
                    else f"httpx, {args.requests} requests per page")
            print(f"store: {totals['documents']:,} documents, {totals['events']:,} events, "
                  f"{totals['people']:,} people; {args.workers} page process(es)"
                  f"{'' if args.workers > 1 else f' x {args.threads} view thread(s)'}, "
                  f"page cache {args.cache}, {args.clients} concurrent clients, load from {load}")
            pages = discover(base, random.Random(args.seed))
            chosen = args.page or [*pages, "mixed"]
            if not args.page:
                cpu_breakdown(db, pages)
            if args.repeat > 1:
                print(f"each page measured {args.repeat} times; the run with the median p95 is shown, "
                      f"with the range of p95 over the runs")
            print(f"{'page':15s} {'1 client p50':>12s} {'req/s':>7s} {'p50 ms':>8s} {'p95 ms':>8s} {'max ms':>8s}"
                  f"  failures  cache hits  cpu ms/req: http  pages" + ("  p95 range" if args.repeat > 1 else ""))
            worst = 0.0
            for name in chosen:
                if name == "mixed":
                    urls = [url for found in pages.values() for url in found[:50]]
                else:
                    urls = pages[name]
                if not urls:
                    print(f"{name:15s} (no ids found)")
                    continue
                asyncio.run(run_load(base, urls, min(40, args.requests), args.clients, args.seed))  # warm up
                alone = asyncio.run(run_load(base, urls, 40, 1, args.seed + 3))
                runs = []
                for attempt in range(args.repeat):
                    seed = args.seed + 1 + attempt
                    if loader == "wrk":
                        run = partial(run_wrk, base, urls, args.seconds, args.clients, seed, Path(tmp))
                    else:
                        run = partial(asyncio.run, run_load(base, urls, args.requests, args.clients, seed))
                    runs.append(measured(run, server.pid, lambda result: result["requests"]))
                runs.sort(key=lambda run: run["p95"])
                result = runs[len(runs) // 2]
                worst = max(worst, result["p95"])
                spread = f"  {runs[0]['p95']:.0f}-{runs[-1]['p95']:.0f}" if len(runs) > 1 else ""
                print(f"{name:15s} {alone['p50']:12.1f} {result['rps']:7.1f} {result['p50']:8.1f} {result['p95']:8.1f} "
                      f"{result['max']:8.1f}  {result['failures']:8d}  {100 * result['hits'] / max(1, result['requests']):9.0f}%"
                      f"  {_ms(result['http_cpu']):>16s} {_ms(result['pages_cpu']):>6s}{spread}")
            verdict = "met" if worst < TARGET_P95_MS else "NOT met"  # on the median runs
            served = "every request computed" if not args.cache else f"page cache {args.cache}: hits served from it"
            print(f"target p95 < {TARGET_P95_MS:.0f} ms on every page measured ({served}): {verdict}"
                  f" (worst p95 {worst:.1f} ms)")
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
