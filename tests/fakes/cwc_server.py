"""A local stand-in for a CWC installation (House or Senate), for tests and benchmarks.

It validates every posted document against the CWC RELAX NG schema (when given
one), answers like CWC does, and counts each `DeliveryId` once: `accepted` maps
every delivered id to its office, and a second post of the same id is answered
200 (CWC recognises a repeat by its DeliveryId) but recorded in `duplicates`. A
request whose client goes away before its body is complete is neither answered nor
recorded, only counted (`incomplete`), as any HTTP server drops it.

Modes: "ok" (200), "error" (400 with `<Error>` elements), "server_error" (500),
"moved" (301, as a wrong base URL meets) and "stall" (answers only after
`stall_seconds`, to exercise client timeouts). A wrong API key is answered 401.
`script` queues one-off modes for the next posts, e.g. ["server_error", "ok"].

Use it in-process (`with FakeCwcServer(...) as server:`), or as a subprocess:
`python -m tests.fakes.cwc_server --port 0 --schema cwc_schema_v2.rng` prints its
URL on the first line; GET /_stats returns the counters as JSON (with `validate=1`,
also how many kept documents fail the schema, for `--validate-later`) and
POST /_control?mode=…&delay=… changes the behaviour.
"""

from __future__ import annotations

import argparse
import json
import threading
import time
from collections import Counter, deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from lxml import etree

HOUSE_ONLY_OFFICE_PATTERN = "H[A-Z][A-Z][0-9][0-9]"
ANY_OFFICE_PATTERN = "[HS][A-Z][A-Z][0-9][0-9]"


def relaxed_schema(path: Path) -> etree.RelaxNG:
    """The public CWC 2.0 RELAX NG schema with Senate office codes allowed too.

    The only public schema only accepts House codes (`H..nn`), but the Senate's
    CWC uses the same document with `S` + state + `0` + class. Everything else
    is validated exactly as published.
    """
    text = Path(path).read_text()
    assert HOUSE_ONLY_OFFICE_PATTERN in text
    relaxed = text.replace(HOUSE_ONLY_OFFICE_PATTERN, ANY_OFFICE_PATTERN)
    return etree.RelaxNG(etree.fromstring(relaxed.encode()))


def error_body(*messages: str) -> bytes:
    root = etree.Element("Errors")
    for message in messages:
        etree.SubElement(root, "Error").text = message
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


class FakeCwcServer:
    def __init__(
        self,
        *,
        schema_path: Path | None = None,
        api_key: str = "test-key",
        host: str = "127.0.0.1",
        port: int = 0,
    ):
        self.schema = relaxed_schema(schema_path) if schema_path else None
        self.api_key = api_key
        self.mode = "ok"
        self.delay = 0.0
        self.stall_seconds = 5.0
        self.script: deque[str] = deque()
        self.accepted: dict[str, str] = {}
        self.duplicates: Counter[str] = Counter()
        self.posts = 0
        self.validated = 0
        # Requests whose client went away before the whole body arrived: like any HTTP
        # server, this one never acts on them (nor answers).
        self.incomplete = 0
        self.begun = 0  # requests whose headers have arrived
        self.documents: list[bytes] = []
        self.keep_documents = True
        # Benchmarks: check each document against the schema after the timed run
        # (`stats(validate=True)`) rather than on the same CPUs while it runs.
        self.validate_later = False
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer((host, port), self._handler_class())
        self._httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    # --- lifecycle ---------------------------------------------------------------

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeCwcServer:
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> FakeCwcServer:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def serve_forever(self) -> None:
        self._httpd.serve_forever()

    # --- counters ------------------------------------------------------------------

    def stats(self, *, with_ids: bool = False, validate: bool = False) -> dict:
        with self._lock:
            stats = {
                "posts": self.posts,
                "validated": self.validated,
                "accepted": len(self.accepted),
                "duplicates": sum(self.duplicates.values()),
                "incomplete": self.incomplete,
                "begun": self.begun,
            }
            if with_ids:
                stats["ids"] = sorted(self.accepted)
                stats["duplicate_ids"] = dict(self.duplicates)
            documents = list(self.documents) if validate else []
        if validate:  # each kept document against the schema, outside the lock
            parser = etree.XMLParser(resolve_entities=False)
            stats["schema_checked"] = len(documents) if self.schema is not None else 0
            stats["schema_invalid"] = sum(
                bool(self._problems(etree.fromstring(body, parser=parser))) for body in documents
            )
        return stats

    def wait_for(self, *, timeout: float = 5.0, **counts: int) -> bool:
        """Whether the named counters (e.g. incomplete=1) reach their values in time: the
        server's threads see a client go away a moment after it has."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            stats = self.stats()
            if all(stats[name] >= value for name, value in counts.items()):
                return True
            time.sleep(0.01)
        return False

    def reset(self) -> None:
        with self._lock:
            self._clear_counters()
            self.script.clear()

    def _clear_counters(self) -> None:  # under the lock
        self.accepted.clear()
        self.duplicates.clear()
        self.documents.clear()
        self.posts = self.validated = self.incomplete = self.begun = 0

    # --- behaviour -----------------------------------------------------------------

    def _next_mode(self) -> str:
        with self._lock:
            return self.script.popleft() if self.script else self.mode

    def handle_post(self, path: str, query: dict, body: bytes) -> tuple[int, bytes]:
        if query.get("apikey", [""])[0] != self.api_key:
            return 401, error_body("Invalid API key.")
        if path not in ("/v2/message", "/v2/validate"):
            return 404, error_body("Unknown endpoint.")
        mode = self._next_mode()
        if self.delay:
            time.sleep(self.delay)
        if mode == "stall":
            time.sleep(self.stall_seconds)
        if mode == "server_error":
            return 500, b"Internal Server Error"
        if mode == "error":
            return 400, error_body("The MemberOffice is not accepting messages.")
        if mode == "moved":  # what a wrong base URL meets: the site lives elsewhere
            return 301, b""
        try:
            document = etree.fromstring(body, parser=etree.XMLParser(resolve_entities=False))
        except etree.XMLSyntaxError as exc:
            return 400, error_body(f"Malformed XML: {exc}")
        problems = [] if self.validate_later else self._problems(document)
        if problems:
            return 400, error_body(*problems)
        return self._record(path, document, body)

    def _problems(self, document) -> list[str]:
        if self.schema is not None and not self.schema.validate(document):
            return [str(error.message) for error in self.schema.error_log]
        return []

    def _record(self, path: str, document, body: bytes) -> tuple[int, bytes]:
        delivery_id = document.findtext("Delivery/DeliveryId") or ""
        office = document.findtext("Recipient/MemberOffice") or ""
        with self._lock:
            if path == "/v2/validate":
                self.validated += 1
                return 200, b"<Response><Status>valid</Status></Response>"
            self.posts += 1
            if delivery_id in self.accepted:
                self.duplicates[delivery_id] += 1
            else:
                self.accepted[delivery_id] = office
                if self.keep_documents or self.validate_later:
                    self.documents.append(body)
        return 200, b"<Response><Status>accepted</Status></Response>"

    def handle_control(self, query: dict) -> None:
        with self._lock:
            if "mode" in query:
                self.mode = query["mode"][0]
            if "delay" in query:
                self.delay = float(query["delay"][0])
            if "keep_documents" in query:
                self.keep_documents = query["keep_documents"][0] == "1"
            if query.get("reset"):
                self._clear_counters()

    def _handler_class(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as a pooled client expects
            # Headers and body go out in separate writes: without this, Nagle's
            # algorithm and delayed ACKs add ~40 ms to every answer.
            disable_nagle_algorithm = True

            def do_POST(self):  # noqa: N802 - http.server's naming
                parts = urlsplit(self.path)
                query = parse_qs(parts.query)
                with server._lock:
                    server.begun += 1
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                if len(body) < length:
                    with server._lock:
                        server.incomplete += 1
                    self.close_connection = True
                    return
                if parts.path == "/_control":
                    server.handle_control(query)
                    return self._answer(200, b"{}", "application/json")
                status, payload = server.handle_post(parts.path, query, body)
                self._answer(status, payload, "application/xml")

            def do_GET(self):  # noqa: N802
                parts = urlsplit(self.path)
                if parts.path != "/_stats":
                    return self._answer(404, b"", "text/plain")
                query = parse_qs(parts.query)
                with_ids, validate = query.get("ids") == ["1"], query.get("validate") == ["1"]
                self._answer(
                    200,
                    json.dumps(server.stats(with_ids=with_ids, validate=validate)).encode(),
                    "application/json",
                )

            def _answer(self, status: int, payload: bytes, content_type: str) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout test)

            def log_message(self, format, *args):  # noqa: A002 - quiet
                return

        return Handler


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--schema", type=Path, default=None)
    parser.add_argument("--api-key", default="test-key")
    parser.add_argument("--keep-documents", action="store_true")
    parser.add_argument(
        "--validate-later",
        action="store_true",
        help="check documents against the schema on GET /_stats?validate=1, not on each post",
    )
    args = parser.parse_args()
    server = FakeCwcServer(
        schema_path=args.schema, api_key=args.api_key, host=args.host, port=args.port
    )
    server.keep_documents = args.keep_documents
    server.validate_later = args.validate_later
    print(server.url, flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
