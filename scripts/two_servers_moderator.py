"""The moderator of scripts/two_servers.py: signs in to the Wagtail admin through the balancer
and publishes a change with the page's edit form, filled in as a browser submits it (every
input the form renders, StreamField and InlinePanel state included)."""

import html
import json
import re

import requests
from bs4 import BeautifulSoup
from two_servers_setup import MODERATOR, Failed


def stream_fields(prefix, items):
    """A StreamField's inputs from the client-side state the admin's JavaScript renders them
    from (`data-w-block-arguments-value`): count, then type, value, id, order, deleted."""
    fields = {f"{prefix}-count": str(len(items))}
    for n, item in enumerate(items):
        here = f"{prefix}-{n}"
        fields.update({f"{here}-deleted": "", f"{here}-order": str(n), f"{here}-id": item.get("id") or ""})
        if "type" in item:
            fields[f"{here}-type"] = item["type"]
        fields.update(block_fields(f"{here}-value", item["value"]))
    return fields


def block_fields(prefix, value):
    if isinstance(value, list) and all(isinstance(v, dict) and "value" in v for v in value):
        return stream_fields(prefix, value)  # a list or stream block
    if isinstance(value, dict) and "id" in value and ("edit_url" in value or "preview" in value):
        return {prefix: str(value["id"])}  # a chooser (image, document)
    if isinstance(value, dict):
        fields = {}
        for key, child in value.items():  # a struct block
            fields.update(block_fields(f"{prefix}-{key}", child))
        return fields
    return {prefix: "" if value is None else str(value)}


def form_fields(form):
    """What a browser submits from `form` (checked boxes, selected options, text), as pairs."""
    pairs = []
    for element in form.find_all(["input", "select", "textarea"]):
        name = element.get("name")
        if not name or "__prefix__" in name or element.has_attr("disabled"):
            continue
        if element.name == "textarea":
            pairs.append((name, element.text.removeprefix("\n")))
        elif element.name == "select":
            chosen = [o.get("value", o.text) for o in element.find_all("option") if o.has_attr("selected")]
            if not chosen and not element.has_attr("multiple"):
                first = element.find("option")
                chosen = [first.get("value", first.text)] if first else []
            pairs.extend((name, value) for value in chosen)
        else:
            kind = element.get("type", "text").lower()
            if kind in ("submit", "button", "image", "file", "reset"):
                continue
            if kind in ("checkbox", "radio") and not element.has_attr("checked"):
                continue
            pairs.append((name, element.get("value", "on" if kind in ("checkbox", "radio") else "")))
    for holder in form.find_all(attrs={"data-w-block-arguments-value": True}):
        name = holder.get("data-w-block-name-value") or holder.get("id")
        items = json.loads(html.unescape(holder["data-w-block-arguments-value"]))[0]
        pairs.extend(stream_fields(name, items).items())
    return pairs


class Moderator:
    def __init__(self, base, password):
        self.base = base
        self.password = password
        self.session = requests.Session()
        self.served = []  # (what, server) of each of its requests

    def request(self, what, method, path, **kwargs):
        response = self.session.request(method, self.base + path, timeout=30, allow_redirects=False, **kwargs)
        self.served.append((what, response.headers.get("X-Served-By", "?"), response.status_code))
        return response

    def sign_in(self):
        page = self.request("sign-in form", "GET", "/admin/login/")
        token = BeautifulSoup(page.text, "html.parser").find("input", {"name": "csrfmiddlewaretoken"})["value"]
        done = self.request(
            "sign in",
            "POST",
            "/admin/login/",
            data={"csrfmiddlewaretoken": token, "username": MODERATOR, "password": self.password, "next": "/admin/"},
        )
        if done.status_code != 302:
            raise Failed(f"the moderator could not sign in (status {done.status_code})")

    def publish(self, page_id, summary, region):
        """Open the case study's edit form, change the summary and the region, publish."""
        path = f"/admin/pages/{page_id}/edit/"
        page = self.request("edit form", "GET", path)
        if page.status_code != 200:
            raise Failed(f"the edit form answered {page.status_code}")
        soup = BeautifulSoup(page.text, "html.parser")
        form = soup.find("form", id="page-edit-form")
        region_option = soup.find("select", {"name": "region"}).find(
            "option", string=re.compile(region.replace("-", " "), re.IGNORECASE)
        )
        pairs = [(k, v) for k, v in form_fields(form) if k not in ("summary", "region")]
        pairs += [("summary", summary), ("region", region_option["value"]), ("action-publish", "action-publish")]
        done = self.request("publish", "POST", path, data=pairs)
        if done.status_code != 302:
            errors = BeautifulSoup(done.text, "html.parser").select(".error-message, .help-critical, .w-field__errors")
            raise Failed(f"the publish answered {done.status_code}: {[e.get_text(' ', strip=True) for e in errors]}")
        return done.headers.get("X-Served-By", "?")
