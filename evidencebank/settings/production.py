from .base import *  # noqa: F401,F403

if not SECRET_KEY:
    raise RuntimeError("Set DJANGO_SECRET_KEY in the environment for production.")
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
