"""Production serving: environment, logging with request ids, health check, security headers,
throttling and the anonymous response cache. Each concern has its own module."""
