"""How the importer names values and shortens them in its messages to editors."""


def json_type(value):
    return {
        dict: "an object",
        list: "a list",
        str: "text",
        bool: "true/false",
        int: "a number",
        float: "a number",
        type(None): "null",
    }.get(type(value), type(value).__name__)


def truncate(text, length=60):
    text = str(text)
    return text if len(text) <= length else text[: length - 1] + "…"
