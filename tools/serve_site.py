"""Serve a built site on loopback with the MIME types Pyodide needs (.wasm, .mjs).

    python tools/serve_site.py SITE_DIR PORT
"""

from __future__ import annotations

import functools
import socket
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer


class Handler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm",
                      ".mjs": "text/javascript", ".js": "text/javascript"}

    def log_message(self, *args) -> None:
        pass


def free_port() -> int:
    """A port free on 127.0.0.1 now (the site is built for it before it is served)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server(directory: str, port: int, host: str = "127.0.0.1") -> ThreadingHTTPServer:
    return ThreadingHTTPServer((host, port), functools.partial(Handler, directory=directory))


if __name__ == "__main__":
    directory, port = sys.argv[1], int(sys.argv[2])
    with server(directory, port) as httpd:
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass
