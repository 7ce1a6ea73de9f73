"""What every fake marketplace server shares: a threading HTTP server on a free loopback port that prints the
port on its first line (the tests read it) and serves until killed."""
import json
import sys
import time
import urllib.parse
from http.server import ThreadingHTTPServer


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # Clients close kept-alive connections when they are done: not worth a traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def read_request(handler):
    """Puts the request's path, query (raw and as a dict) and body on the handler."""
    parsed = urllib.parse.urlsplit(handler.path)
    handler.path_only, handler.query_raw = parsed.path, parsed.query
    handler.query = dict(urllib.parse.parse_qsl(parsed.query, keep_blank_values=True))
    length = int(handler.headers.get("Content-Length") or 0)
    handler.body = handler.rfile.read(length) if length else b""


def answer_injected(handler, state):
    """Answers with the next status the test injected (/_control/inject), as a gateway's HTML page, and records
    the request; False when none is queued."""
    if not state["inject"]:
        return False
    status = state["inject"].pop(0)
    state["requests"].append({"method": handler.command, "path": handler.path_only, "status": status,
                              "at": time.time()})
    body = b"<html><body>Too Many Requests</body></html>"
    handler.send_response(status)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)
    return True


def serve(handler, cfg, defaults):
    """Reads the test's JSON config (argv[1]) into cfg, fills the markets it leaves out, and serves."""
    cfg.update(json.load(open(sys.argv[1], encoding="utf-8")))
    for market, empty in defaults.items():
        cfg.setdefault(market, empty)
    server = Server(("127.0.0.1", 0), handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()
