"""The few HTTP requests kg makes to a SPARQL server, with urllib so that nothing is added to install.

Every failure (refused connection, HTTP error status, timeout) becomes a RemoteError
that names the URL and what the server said, for the CLI's one-line message.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from typing import NamedTuple

from kg.errors import KgError

TIMEOUT_S = 60


class RemoteError(KgError):
    """A SPARQL server that cannot be reached or that refused a request."""


class Response(NamedTuple):
    status: int
    media_type: str
    body: bytes


def request(method: str, url: str, *, body: bytes | None = None, content_type: str | None = None,
            accept: str | None = None, missing_ok: bool = False) -> Response:
    """One request; ``missing_ok`` turns a 404 into a Response instead of an error (deleting what is gone)."""
    headers = {k: v for k, v in (("Content-Type", content_type), ("Accept", accept)) if v}
    req = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT_S) as resp:
            media_type = resp.headers.get_content_type()
            return Response(resp.status, media_type, resp.read())
    except urllib.error.HTTPError as e:
        if missing_ok and e.code == 404:
            return Response(404, "", b"")
        detail = e.read().decode("utf-8", "replace").strip().splitlines()
        raise RemoteError(f"{method} {url}: HTTP {e.code} {e.reason}"
                          + (f": {detail[0][:300]}" if detail else "")) from None
    except (urllib.error.URLError, OSError) as e:
        reason = getattr(e, "reason", e)
        raise RemoteError(f"cannot reach {url}: {reason}") from None
