"""Production settings, every one from the environment (docs/operators.md lists them all).

Missing DJANGO_SECRET_KEY or DJANGO_ALLOWED_HOSTS stops start-up with one line naming it.
"""

from urllib.parse import urlsplit

from evidencebank.serving import env
from evidencebank.serving.logs import configure_structlog, logging_config

from .base import *  # noqa: F401,F403
from .base import CONTENT_SECURITY_POLICY, INSTALLED_APPS, STORAGES

DEBUG = False
SECRET_KEY = env.required("DJANGO_SECRET_KEY", "a long random string, e.g. from `openssl rand -base64 48`")
ALLOWED_HOSTS = env.items("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    env.required("DJANGO_ALLOWED_HOSTS", "comma-separated host names the site answers to")

# The public address every absolute URL uses (e-mails, the admin's links, sitemaps).
SITE_URL = env.text("DJANGO_SITE_URL", f"https://{ALLOWED_HOSTS[0]}").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
CSRF_TRUSTED_ORIGINS = env.items("DJANGO_CSRF_TRUSTED_ORIGINS") or [
    f"{urlsplit(SITE_URL).scheme}://{urlsplit(SITE_URL).netloc}"
]

# HTTPS: redirect and HSTS on by default. DJANGO_SECURE_SSL_REDIRECT=0 for a local run over
# plain HTTP. Behind a TLS proxy that sets X-Forwarded-Proto, set DJANGO_SECURE_PROXY_SSL_HEADER=1
# (only when the proxy always sets or strips that header).
SECURE_SSL_REDIRECT = env.flag("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
if env.flag("DJANGO_SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.integer("DJANGO_SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.flag("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# Preload asks browsers to use HTTPS before the first visit; switching it off is a choice, so
# the deploy check's reminder about it is then silenced.
SECURE_HSTS_PRELOAD = env.flag("DJANGO_SECURE_HSTS_PRELOAD", True)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
# Cookies travel over HTTPS only, unless the redirect is off for a local plain-HTTP run.
SESSION_COOKIE_SECURE = env.flag("DJANGO_SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

# DATABASE_URL is read in base.py (SQLite when unset).

# Cache: Redis when REDIS_URL is set (shared by every worker: response cache, rate limits,
# Wagtail's site root paths), local memory otherwise.
REDIS_URL = env.text("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache, failing soft: with Redis down the site serves uncached and
            # unthrottled, one warning per process (evidencebank/serving/cache.py).
            "BACKEND": "evidencebank.serving.cache.FailSoftRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.text("DJANGO_CACHE_KEY_PREFIX", "evidencebank"),
            "OPTIONS": {"socket_timeout": 2, "socket_connect_timeout": 2},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Sessions (the admin's sign-in): in the database by default, which every app server shares.
# DJANGO_SESSIONS=cache keeps them in Redis only (fastest; a Redis flush signs editors out),
# cached_db in Redis backed by the database. Both need REDIS_URL: a process's local memory
# would sign an editor out whenever the balancer sent them to another server.
SESSIONS = env.choice("DJANGO_SESSIONS", ["database", "cache", "cached_db"], "database")
if SESSIONS != "database":
    if not REDIS_URL:
        env.required("REDIS_URL", f"DJANGO_SESSIONS={SESSIONS} keeps sessions in Redis")
    SESSION_ENGINE = f"django.contrib.sessions.backends.{SESSIONS}"

# Full-text search: PostgreSQL's (Wagtail's database backend, base.py) unless
# DJANGO_SEARCH_BACKEND names one of Wagtail's own Elasticsearch or OpenSearch backends
# (install the matching client: `elasticsearch==8.*`, `opensearch-py==3.*`, ...). The URLs
# carry any credentials (https://user:password@search.example.org:9200), from the
# environment only. Then run `manage.py update_index` once (docs/operators.md).
SEARCH_BACKENDS = {
    "database": "wagtail.search.backends.database",
    "elasticsearch7": "wagtail.search.backends.elasticsearch7",
    "elasticsearch8": "wagtail.search.backends.elasticsearch8",
    "elasticsearch9": "wagtail.search.backends.elasticsearch9",
    "opensearch2": "wagtail.search.backends.opensearch2",
    "opensearch3": "wagtail.search.backends.opensearch3",
}
SEARCH_BACKEND = env.choice("DJANGO_SEARCH_BACKEND", list(SEARCH_BACKENDS), "database")
if SEARCH_BACKEND != "database":
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": SEARCH_BACKENDS[SEARCH_BACKEND],
            "URLS": env.items("DJANGO_SEARCH_URLS")
            or [env.required("DJANGO_SEARCH_URLS", "comma-separated addresses of the search cluster")],
            "INDEX_PREFIX": env.text("DJANGO_SEARCH_INDEX_PREFIX", "evidencebank_"),
            "TIMEOUT": env.integer("DJANGO_SEARCH_TIMEOUT", 5),
        }
    }

# Imports and Wagtail's index updates run in the database task worker (manage.py db_worker).
INSTALLED_APPS = INSTALLED_APPS + ["django_tasks_db"]
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# E-mail: SMTP from the environment; the console when no host is given.
EMAIL_HOST = env.text("DJANGO_EMAIL_HOST")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = env.integer("DJANGO_EMAIL_PORT", 587)
EMAIL_HOST_USER = env.text("DJANGO_EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env.text("DJANGO_EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env.flag("DJANGO_EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env.text("DJANGO_DEFAULT_FROM_EMAIL", f"noreply@{urlsplit(SITE_URL).hostname}")
SERVER_EMAIL = env.text("DJANGO_SERVER_EMAIL", DEFAULT_FROM_EMAIL)
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
ADMINS = env.people("DJANGO_ADMINS")

# Logging: JSON lines on stderr with the request id; errors also mailed when ADMINS is set.
LOGGING = logging_config(level=env.text("DJANGO_LOG_LEVEL", "INFO"), mail_admins=bool(ADMINS))
configure_structlog()

# Media: an S3-compatible bucket through django-storages when DJANGO_MEDIA_BUCKET is set.
MEDIA_BUCKET = env.text("DJANGO_MEDIA_BUCKET")
if MEDIA_BUCKET:
    STORAGES = {
        **STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": MEDIA_BUCKET,
                "endpoint_url": env.text("DJANGO_MEDIA_ENDPOINT_URL") or None,
                "region_name": env.text("DJANGO_MEDIA_REGION") or None,
                "custom_domain": env.text("DJANGO_MEDIA_CUSTOM_DOMAIN") or None,
                "default_acl": None,
                "querystring_auth": env.flag("DJANGO_MEDIA_SIGNED_URLS", False),
                "file_overwrite": False,
            },
        },
    }
    # Credentials: boto3's own AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (or an instance role).
    media_origin = (
        env.text("DJANGO_MEDIA_CUSTOM_DOMAIN")
        or urlsplit(env.text("DJANGO_MEDIA_ENDPOINT_URL")).netloc
        or f"{MEDIA_BUCKET}.s3.amazonaws.com"
    )
    directives = dict(CONTENT_SECURITY_POLICY["DIRECTIVES"])
    directives["img-src"] = directives["img-src"] + [f"https://{media_origin}"]
    CONTENT_SECURITY_POLICY = {"DIRECTIVES": directives}

# A CDN in front: Wagtail's frontend-cache invalidation purges a page's addresses when it is
# published or unpublished (wagtail.contrib.frontend_cache, run by the task worker).
# DJANGO_CDN_PURGE is `cloudflare`, `cloudfront`, or the http(s) address of a cache that takes
# PURGE requests (Varnish, nginx, Fastly's, ...). Keys and ids come from the environment only.
CDN_PURGE = env.text("DJANGO_CDN_PURGE")
if CDN_PURGE:
    if CDN_PURGE.startswith(("http://", "https://")):
        cdn = {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": CDN_PURGE}
    elif CDN_PURGE == "cloudflare":
        cdn = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": env.required("DJANGO_CDN_CLOUDFLARE_ZONE_ID", "the Cloudflare zone to purge"),
            "BEARER_TOKEN": env.required("DJANGO_CDN_CLOUDFLARE_TOKEN", "a Cloudflare API token with purge rights"),
        }
    elif CDN_PURGE == "cloudfront":
        # Credentials: boto3's own AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (or an instance role).
        cdn = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": env.required("DJANGO_CDN_CLOUDFRONT_DISTRIBUTION_ID", "the distribution to purge"),
        }
    else:
        env.invalid("DJANGO_CDN_PURGE", f"must be cloudflare, cloudfront or an http(s) address, not {CDN_PURGE!r}")
    WAGTAILFRONTENDCACHE = {"default": cdn}
    INSTALLED_APPS = INSTALLED_APPS + ["wagtail.contrib.frontend_cache"]

# Static files: whitenoise's compressed, hashed files from `collectstatic` (base.py).
