def only_the_open_api(endpoints):
    """The OpenAPI document describes /api/v1/ only, not Wagtail's admin API."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
