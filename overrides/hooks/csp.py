"""MkDocs hook: a Content-Security-Policy on every page.

Scripts may come only from the site itself, plus the few inline scripts Material's templates
write, each allowed by its SHA-256 hash (computed here, so a changed template cannot slip an
unlisted script in). 'wasm-unsafe-eval' lets the page compile WebAssembly; Python itself runs
in a same-origin Web Worker. No other host is allowed for anything.
"""

from __future__ import annotations

import base64
import hashlib
import re

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.DOTALL)
NOT_EXECUTED = re.compile(r'type="(?:application/json|text/template)"')
POLICY = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {hashes}; worker-src 'self'; "
          "connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self'; "
          "object-src 'none'; base-uri 'self'; form-action 'self'; frame-src 'none'")


def policy(html: str) -> str:
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        attrs, body = match["attrs"], match["body"]
        if "src=" in attrs or NOT_EXECUTED.search(attrs):
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        hashes.append(f"'sha256-{digest}'")
    return POLICY.format(hashes=" ".join(sorted(set(hashes))))


def add_policy(html: str) -> str:
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return html.replace("<head>", "<head>\n    " + meta, 1)


def on_post_page(output: str, page, config) -> str:
    return add_policy(output)


def on_post_template(output: str, template_name: str, config) -> str:
    return add_policy(output) if template_name.endswith(".html") and "<head>" in output else output
