"""Templates in the family's language, with the headers every page carries.

Jinja2 escapes everything a template is given (autoescape), so directory text can never become
markup. The pages' one small script is allowed by its hash in the Content-Security-Policy;
nothing else may run, load or connect: no fonts, no images from elsewhere, no analytics.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from directory.text.i18n import LANGUAGES
from web.i18n import translator
from web.views import link

TEMPLATES = Path(__file__).resolve().parent / "templates"
# "Leave this page" replaces the page (no back-history entry) and "Share" opens the phone's own
# share sheet; both work as plain links and buttons without it.
SCRIPT = (TEMPLATES / "improve.js").read_text(encoding="utf-8").strip()
SCRIPT_HASH = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
    f"script-src 'sha256-{SCRIPT_HASH}'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": POLICY,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
    "Permissions-Policy": "geolocation=(), camera=(), microphone=()",
}


class PageError(Exception):
    """A request the pages answer with a friendly page and a status."""

    status = 400

    def __init__(self, what: str = "") -> None:
        super().__init__(what)
        self.what = what


class BadRequest(PageError):
    """Something in the address that the pages cannot use."""

    status = 400


class NotFound(PageError):
    """No such service or prison."""

    status = 404


def environment() -> Environment:
    """The template environment: autoescaped, whitespace trimmed, no undefined surprises."""
    from jinja2 import StrictUndefined

    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
    )


def render(
    request: Request, template: str, language: str, status: int = 200, **values: Any
) -> HTMLResponse:
    """A page in the language, with the security headers."""
    env: Environment = request.app.state.templates
    settings = request.app.state.settings
    path = request.url.path
    html = env.get_template(template).render(
        _=translator(language),
        lang=language,
        languages=[
            (code, name, link(path, code, **_kept(request))) for code, name in LANGUAGES.items()
        ],
        link=lambda target, **query: link(target, language, **query),
        leave_url=settings.leave_url,
        script=SCRIPT,
        **values,
    )
    return HTMLResponse(html, status_code=status, headers=HEADERS)


def _kept(request: Request) -> dict[str, str]:
    # The language switch keeps what the page was showing (its search), nothing else.
    return {
        k: v[:100]
        for k, v in request.query_params.items()
        if k in ("topic", "near", "q", "page") and v
    }
