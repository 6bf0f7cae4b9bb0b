"""Settings shared by every environment. Environment files override what differs."""

import datetime
import os
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    "evidencebank.serving",
    "home",
    "casestudies",
    "casestudies.reuse",
    "editorial",
    "api",
    "healthcheck",
    "insights",
    "submissions",
    "wagtail_modeladmin",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "corsheaders",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "csp",
    "axes",
]

# Order matters: the headers, request id and conditional GET wrap the response cache, so a
# cached page still gets a fresh request id, every security header and a 304 when unchanged;
# the rate limits run before the cache, so a cached download still counts.
MIDDLEWARE = [
    # Outermost: names the app server on every response, cached ones too (DJANGO_INSTANCE_NAME).
    "evidencebank.serving.instance.ServedByMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "evidencebank.serving.logs.RequestIdMiddleware",
    "casestudies.middleware.FindableTokenPerRequestMiddleware",
    # Before the query-string limit, so that the API's 414 can be read by a page on another site.
    "corsheaders.middleware.CorsMiddleware",
    "evidencebank.serving.limits.QueryStringLimitMiddleware",
    "evidencebank.serving.headers.SiteCSPMiddleware",
    "evidencebank.serving.headers.PermissionsPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "evidencebank.serving.throttle.RateLimitMiddleware",
    # Outside the response cache, so that a search answered from the cache is counted too.
    "insights.middleware.SearchInsightsMiddleware",
    "evidencebank.serving.responsecache.AnonymousResponseCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Admin writes in one transaction, files with their rows, a full disk as a message.
    "editorial.middleware.AdminWritesMiddleware",
    # Last, as django-axes requires: locks out admin logins after repeated failures.
    "axes.middleware.AxesMiddleware",
]

# Which app server this is, for `X-Served-By` (evidencebank/serving/instance.py); empty: no header.
INSTANCE_NAME = os.environ.get("DJANGO_INSTANCE_NAME", "").strip()

ROOT_URLCONF = "evidencebank.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "evidencebank.wsgi.application"

# SQLite is the embedded default; DATABASE_URL selects PostgreSQL (production and CI).
# Connections are kept for 60 s between requests, and checked before a request reuses one
# (CONN_HEALTH_CHECKS): after a database restart the first request reconnects instead of
# failing on the dead connection. A request that meets a lost connection drops it at its end.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
if os.environ.get("TEST_DATABASE_NAME"):
    DATABASES["default"]["TEST"] = {"NAME": os.environ["TEST_DATABASE_NAME"]}

IS_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # SQLite for a web server: a transaction takes the write lock when it begins (IMMEDIATE), so
    # two requests writing at once queue (up to 5 s) instead of one failing "database is locked"
    # when it upgrades its read lock; WAL lets readers carry on while one request writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE", init_command="PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000;"
    )
if IS_POSTGRES:
    # Wagtail's database search backend uses PostgreSQL full-text search through this app.
    INSTALLED_APPS.append("django.contrib.postgres")
    # An unreachable server (not just a refused connection) fails a request in 5 s, not minutes.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Admin login: 5 failures lock out that username, and separately that address, for 15 minutes;
# every lockout is logged (logger "axes") with the username and address.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_SENSITIVE_PARAMETERS = []  # the log names the username and address (never the password)
AXES_LOCKOUT_TEMPLATE = "axes_lockout.html"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"

STORAGES = {
    # Django's file system storage that never leaves a partial file (editorial/media.py).
    "default": {"BACKEND": "editorial.media.CleanFileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# The case-study editor has many inline panels.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Partnership Evidence Bank"
# The one site address every absolute URL is built from (canonical links, citations, permanent
# links). Empty in development: the request's own host is used (casestudies/addresses.py).
SITE_URL = os.environ.get("DJANGO_SITE_URL", "").rstrip("/")
# The admin's own links (preview, notification e-mails) follow the site address; `make run` sets
# DJANGO_SITE_URL to the host and port it serves on.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL") or SITE_URL or "http://127.0.0.1:8000"
# Who the notification e-mails come from (production requires its own: settings/production.py).
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "Partnership Evidence Bank <noreply@localhost>")
SERVER_EMAIL = os.environ.get("DJANGO_SERVER_EMAIL", DEFAULT_FROM_EMAIL)
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "english",
    }
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "webp", "gif": "webp", "jpeg": "webp", "png": "webp"}
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Form posts other than file uploads (the case-study editor is the largest).
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Security headers on every response. Frame protection everywhere (DENY); the admin's preview
# frames are same-origin, which Wagtail's preview views allow for themselves.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "interest-cohort",
        "browsing-topics",
    )
}
# Public pages: nothing inline, nothing from another site. search.js fetches suggestions from
# the same origin. The favicon is a data: URL.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "manifest-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}
# The Wagtail admin (and its previews) under ADMIN_URL_PREFIXES, for signed-in staff only:
# still same-origin only and no eval, but Wagtail 7.4 writes inline initialisation scripts
# (InlinePanel, date and time widgets) with no nonce, and sets style attributes, so the admin
# needs 'unsafe-inline' for scripts and styles. tests/browser/test_admin_csp.py proves the
# editor works under exactly this policy.
ADMIN_URL_PREFIXES = ["/admin/"]
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "media-src": ["'self'", "blob:"],
        "worker-src": ["'self'", "blob:"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Per-address limits on the costly public endpoints (evidencebank/serving/throttle.py):
# (name, path pattern, methods, requests, per seconds). Counted in the default cache.
RATE_LIMITS = [
    ("suggest", r"/suggest/$", ["GET", "HEAD"], 120, 60),
    ("download", r"(/download/(json|csv)/|/export\.(json|csv))$", ["GET", "HEAD"], 20, 60),
    # Citation files and reading-list downloads (/cs/<id>/cite.*, /cs/<id>/list.*).
    ("citation", r"^/cs/[0-9]+/(v/[0-9]+/)?(cite|list)\.[a-z]+$", ["GET", "HEAD"], 60, 60),
    # The open API and the oEmbed endpoint.
    ("api", r"^/api/", ["GET", "HEAD", "OPTIONS"], 120, 60),
    ("oembed", r"^/oembed/$", ["GET", "HEAD"], 120, 60),
    ("page-password", r"^/_util/authenticate_with_password/", ["POST"], 10, 300),
    # The public case-study submission form (/submit/): a few sends an hour from one address.
    ("submit", r"^/submit/$", ["POST"], 5, 3600),
]
# Where errors are RFC 9457 problem details rather than HTML pages (api/problem_details.py).
PROBLEM_DETAILS_PREFIXES = ["/api/"]

# The longest query string served (evidencebank/serving/limits.py); longer ones answer 414.
MAX_QUERY_STRING_LENGTH = 4_000

# Readers' searches (the `insights` app): raw events, then daily counts, each kept this many days
# and then deleted by `manage.py prune_search_events` (run daily).
INSIGHTS_RAW_EVENT_DAYS = int(os.environ.get("DJANGO_INSIGHTS_RAW_EVENT_DAYS", "90"))
INSIGHTS_DAILY_COUNT_DAYS = int(os.environ.get("DJANGO_INSIGHTS_DAILY_COUNT_DAYS", "730"))
# Submitters' contact details (the `submissions` app) are deleted this many days after their case
# study is published or rejected, by `manage.py prune_submitter_contacts` (run daily).
SUBMITTER_CONTACT_DAYS = int(os.environ.get("DJANGO_SUBMITTER_CONTACT_DAYS", "90"))

# The anonymous response cache (evidencebank/serving/responsecache.py).
RESPONSE_CACHE_SECONDS = 600
RESPONSE_CACHE_SKIP_PREFIXES = ["/_util/", "/documents/", "/healthz", "/static/", "/media/"]
# No avatars fetched from another site (privacy, and the admin's CSP allows none).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The admin dashboard does not phone home for new releases (upgrades follow requirements.txt).
WAGTAIL_ENABLE_UPDATE_CHECK = False

# The open API (/api/v1/, the `api` app): read-only JSON, no sessions or authentication, errors
# as problem details, an OpenAPI document by drf-spectacular.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "EXCEPTION_HANDLER": "api.problems.problem_exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Partnership Evidence Bank API",
    "DESCRIPTION": "Read-only access to the bank's published case studies, with the finder's filters and counts.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "PREPROCESSING_HOOKS": ["api.schema.only_the_open_api"],
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "api.schema.problem_responses"],
}
# CORS: any site may GET the API (and only the API).
CORS_ALLOW_ALL_ORIGINS = True
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Link"]

# The source documents the demo content and imports are checked against (casestudies.sourcecheck):
# `shared/seeds` beside the repository unless set.
EVIDENCE_SOURCES_DIR = Path(os.environ.get("EVIDENCE_SOURCES_DIR") or BASE_DIR.parent / "shared" / "seeds")

# Hybrid search (casestudies/semantic/): a sentence-embedding model from requirements-model.txt,
# loaded on the first question that needs it. Off with SEMANTIC_SEARCH_ENABLED=0.
SEMANTIC_SEARCH_ENABLED = os.environ.get("SEMANTIC_SEARCH_ENABLED", "1").lower() not in ("0", "false", "no", "off")
SEMANTIC_SEARCH_THREADS = int(os.environ.get("SEMANTIC_SEARCH_THREADS", "2"))
# Embed a case study when it is published (through the task worker in production).
SEMANTIC_EMBED_ON_PUBLISH = True
