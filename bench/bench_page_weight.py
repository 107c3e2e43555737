"""Page weight: bytes a browser transfers for the campaign page, and its requests.

Creates its own PostgreSQL database (dropped at the end), loads the demo campaign,
collects the static files and serves the site as `make serve` does (gunicorn, whitenoise
with its compressed files, debug off), then loads the campaign page in Debian's Chromium
(Playwright) with an empty cache, as a first visit, and counts every request and the
bytes transferred (headers and compressed bodies). The demo campaign has no images, so
the figure is the page without campaign images.

Goals: under 60 KB in all; no request to any other origin. The reference, in the same
run, is a bare HTML page of the same site (one request).

    .venv/bin/python bench/bench_page_weight.py [--json PATH]

Prints "skipped" and exits 0 without PostgreSQL on 127.0.0.1:5432 or without Chromium.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from _interrupt import run_main, shielded, spawn, stop, stop_on_terminate
from _postgres import PG, admin_sql, database_name, drop_database, postgres_problem
from _report import Report, add_json_argument

ROOT = Path(__file__).resolve().parent.parent
DB_NAME = database_name("page_weight")
CHROMIUM = Path("/usr/bin/chromium")
GOAL_BYTES = 60 * 1024


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _manage(env: dict, *args: str) -> str:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True,
        capture_output=True, text=True,
    ).stdout  # fmt: skip


def _wait(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5).read()  # noqa: S310 - loopback only
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds:g} s")


def weigh(browser, url: str) -> tuple[int, list[str]]:
    """(bytes transferred, URLs requested) for a first visit of `url`."""
    context = browser.new_context()
    page = context.new_page()
    finished: list = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(url, wait_until="networkidle")
    total = 0
    for request in finished:
        sizes = request.sizes()
        total += sizes["responseHeadersSize"] + sizes["responseBodySize"]
    urls = [request.url for request in finished]
    context.close()
    return total, urls


def main() -> int:
    stop_on_terminate()
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_json_argument(parser)
    options = parser.parse_args()
    report = Report("bench_page_weight", options.json)
    if problem := postgres_problem():
        report.skip(problem)
        return 0
    if not CHROMIUM.exists():
        report.skip("Chromium is not installed (apt-get install chromium)")
        return 0
    static_root = tempfile.mkdtemp(prefix="ac-bench-static-")
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"{PG}/{DB_NAME}",
        "DJANGO_SETTINGS_MODULE": "bench._campaigns_settings",
        "DJANGO_DEBUG": "false",
        "STATIC_ROOT": static_root,
        "SITE_URL": f"http://127.0.0.1:{port}",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
        "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'bench'}",
    }
    env.pop("CACHE_URL", None)
    server = None
    try:
        admin_sql(f'CREATE DATABASE "{DB_NAME}"')
        _manage(env, "migrate", "--noinput", "--verbosity", "0")
        _manage(env, "load_demo")
        _manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        slug = _manage(
            env, "shell", "--no-imports", "-c",
            "from campaigns.models import Campaign; print(Campaign.objects.first().slug)",
        ).strip().splitlines()[-1]  # fmt: skip
        server = spawn(
            [sys.executable, "-m", "gunicorn", "actioncenter.wsgi", "--config",
             "actioncenter/gunicorn.conf.py"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        _wait(f"{base}/healthz")
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=["--headless=new", "--no-sandbox"]
            )
            page_bytes, urls = weigh(browser, f"{base}/c/{slug}/")
            bare_bytes, _bare = weigh(browser, f"{base}/privacy/")
            browser.close()
        origins = {urlsplit(url).netloc for url in urls}
        elsewhere = sorted(origin for origin in origins if origin != f"127.0.0.1:{port}")
        print(f"campaign page: {page_bytes / 1024:.1f} KB in {len(urls)} requests")
        for url in urls:
            print(f"  {url.removeprefix(base)}")
        print(f"bare page (/privacy/): {bare_bytes / 1024:.1f} KB")
        print(f"requests to other origins: {len(elsewhere)} {elsewhere}")
        report.figure(
            "campaign page, bytes transferred", page_bytes / 1024, "KB",
            higher_is_better=False, reference="privacy page", reference_value=bare_bytes / 1024,
            goal="< 60 KB", note="first visit, empty cache, compressed as served",
        )  # fmt: skip
        report.figure("campaign page, requests", len(urls), "requests", higher_is_better=False)
        report.figure(
            "requests to other origins", len(elsewhere), "count", higher_is_better=False,
            goal="== 0 count",
        )  # fmt: skip
    finally:
        with shielded():
            if server is not None:
                stop(server)
            drop_database(DB_NAME)
    return 0


if __name__ == "__main__":
    sys.exit(run_main(main))
