"""Production settings refuse unsafe configurations and pass Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOOD_SECRET = "k" * 20 + "-production-secret-for-the-test-only-" + "9" * 20


def run_manage(*args: str, **env_overrides: str) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        # DJANGO_ALLOW_ASYNC_UNSAFE is set by the browser-test fixture of this process.
        if key
        not in {
            "DJANGO_SECRET_KEY",
            "DJANGO_ALLOWED_HOSTS",
            "DJANGO_DEBUG",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
            "EMAIL_URL",
            "SITE_URL",
        }
    }
    env.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/actioncenter")
    env.setdefault("EMAIL_URL", "smtp+tls://mailer:secret@smtp.example.org:587")
    env.setdefault("SITE_URL", "https://act.example.org")
    env.update(DJANGO_SETTINGS_MODULE="actioncenter.settings.production", **env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", DJANGO_ALLOWED_HOSTS="act.example.org")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = run_manage("check", DJANGO_SECRET_KEY="short", DJANGO_ALLOWED_HOSTS="a.example")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage("check", DJANGO_SECRET_KEY=GOOD_SECRET)
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS" in result.stderr


def test_production_refuses_the_console_mail_backend():
    result = run_manage(
        "check", DJANGO_SECRET_KEY=GOOD_SECRET, DJANGO_ALLOWED_HOSTS="act.example.org",
        EMAIL_URL="consolemail://",
    )  # fmt: skip
    assert result.returncode != 0
    assert "EMAIL_URL" in result.stderr


def test_production_refuses_to_start_without_the_site_url():
    result = run_manage(
        "check", DJANGO_SECRET_KEY=GOOD_SECRET, DJANGO_ALLOWED_HOSTS="act.example.org",
        SITE_URL="",
    )  # fmt: skip
    assert result.returncode != 0
    assert "SITE_URL" in result.stderr


def test_production_passes_the_deploy_checklist_without_warnings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY=GOOD_SECRET,
        DJANGO_ALLOWED_HOSTS="act.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_forces_https_and_secure_cookies():
    code = (
        "from django.conf import settings as s;"
        "print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SECURE_HSTS_SECONDS >= 31536000, s.DEBUG)"
    )
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        code,
        DJANGO_SECRET_KEY=GOOD_SECRET,
        DJANGO_ALLOWED_HOSTS="act.example.org",
    )
    assert result.stdout.strip().splitlines()[-1].split() == ["True"] * 4 + ["False"], result.stderr
