"""Structured logging: one JSON event a line on standard error, each carrying the request id.

`RequestIdMiddleware` gives every request an id (or keeps a sane `X-Request-ID` from the proxy),
binds it to structlog's context variables so every log line of that request carries it, sends it
back in the `X-Request-ID` header, and the 500 page shows it to the reader. Django's own loggers
(`django.request` logs every unhandled exception with its traceback) go through the same
formatter, so nothing is mailed to an empty ADMINS list and nothing is lost.
"""

import re
import uuid

import structlog

REQUEST_ID_HEADER = "X-Request-ID"
SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")

SHARED_PROCESSORS = [
    structlog.contextvars.merge_contextvars,
    structlog.stdlib.add_log_level,
    structlog.stdlib.add_logger_name,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
]


def logging_config(level="INFO", mail_admins=False):
    """A LOGGING dict for Django: everything to stderr as JSON lines; optionally also mail
    errors to ADMINS (only when ADMINS is set)."""
    handlers = {
        "stderr": {"class": "logging.StreamHandler", "stream": "ext://sys.stderr", "formatter": "json"},
    }
    error_handlers = ["stderr"]
    if mail_admins:
        handlers["mail_admins"] = {"class": "django.utils.log.AdminEmailHandler", "level": "ERROR"}
        error_handlers.append("mail_admins")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {
                "()": structlog.stdlib.ProcessorFormatter,
                "foreign_pre_chain": SHARED_PROCESSORS,
                "processors": [
                    structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                    structlog.processors.format_exc_info,
                    structlog.processors.JSONRenderer(),
                ],
            },
        },
        "handlers": handlers,
        "root": {"handlers": ["stderr"], "level": level},
        "loggers": {
            "django.request": {"handlers": error_handlers, "level": "WARNING", "propagate": False},
            "django.security": {"handlers": error_handlers, "level": "WARNING", "propagate": False},
            "axes": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        },
    }


def configure_structlog():
    structlog.configure(
        processors=SHARED_PROCESSORS + [structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )


def request_id_of(request):
    return getattr(request, "request_id", "")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        offered = request.headers.get(REQUEST_ID_HEADER, "")
        request.request_id = offered if SAFE_ID.match(offered) else uuid.uuid4().hex
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=request.request_id)
        try:
            response = self.get_response(request)
        finally:
            structlog.contextvars.clear_contextvars()
        response[REQUEST_ID_HEADER] = request.request_id
        return response
