"""A real HTTP server on 127.0.0.1 (random port) in a thread, scripted per path, for fetcher tests."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Route:
    """Answers for one path, used in turn (the last one repeats); ``delay`` seconds before
    answering; ``drip`` seconds between two bytes of the body (a server that sends slowly)."""

    def __init__(self, *answers: tuple[int, dict, bytes], delay: float = 0.0, drip: float = 0.0):
        self.answers = list(answers)
        self.delay = delay
        self.drip = drip
        self.hits = 0

    def next_answer(self) -> tuple[int, dict, bytes]:
        answer = self.answers[min(self.hits, len(self.answers) - 1)]
        self.hits += 1
        return answer


class LocalServer:
    def __init__(self):
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[float, str, str]] = []  # (time, path, user agent)
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's name
                server.requests.append((time.monotonic(), self.path, self.headers.get("User-Agent", "")))
                route = server.routes.get(self.path)
                if route is None:
                    self._answer(404, {"Content-Type": "text/plain"}, b"not found")
                    return
                status, headers, body = route.next_answer()
                if route.delay:
                    time.sleep(route.delay)
                self._answer(status, headers, body, route.drip)

            def _answer(self, status, headers, body, drip=0.0):
                try:
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if not drip:
                        self.wfile.write(body)
                    for byte in (body if drip else b""):
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        time.sleep(drip)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> LocalServer:
        self.thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def page(self, path: str, body: bytes | str, content_type: str = "text/html; charset=utf-8", **kw) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route((200, {"Content-Type": content_type}, data), **kw)
        return self.url + path

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        self.routes[path] = Route((status, {"Location": location}, b""))
        return self.url + path

    def hits(self, path: str) -> list[float]:
        return [t for t, p, _ in self.requests if p == path]
