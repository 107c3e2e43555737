"""Reading rendered pages the way a browser and a keyboard user would."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

FOCUSABLE_TAGS = {"a", "button", "input", "select", "textarea", "summary"}
# (tag, attribute) pairs whose URL the browser fetches on its own.
FETCHED_RESOURCES = {
    ("script", "src"),
    ("img", "src"),
    ("img", "srcset"),
    ("iframe", "src"),
    ("frame", "src"),
    ("source", "src"),
    ("source", "srcset"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("input", "src"),
    ("track", "src"),
}
LINK_RELS_FETCHED = {
    "stylesheet",
    "icon",
    "preload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "modulepreload",
    "manifest",
    "apple-touch-icon",
    "shortcut",
}


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.focusable: list[dict] = []
        self.resources: list[str] = []
        self.inline_scripts = 0
        self.inline_handlers: list[str] = []
        self.style_attributes = 0
        self.links: list[str] = []
        self.html_lang: str | None = None
        self._in_script = False
        self._script_has_src = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.html_lang = attributes.get("lang")
        if self._is_focusable(tag, attributes):
            self.focusable.append({"tag": tag, **attributes})
        for name, value in attrs:
            if (tag, name) in FETCHED_RESOURCES and value:
                self.resources.extend(part.strip().split(" ")[0] for part in value.split(","))
            if name.startswith("on"):
                self.inline_handlers.append(f"{tag}[{name}]")
            if name == "style":
                self.style_attributes += 1
        if tag == "link":
            rels = set((attributes.get("rel") or "").lower().split())
            if rels & LINK_RELS_FETCHED and attributes.get("href"):
                self.resources.append(attributes["href"])
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        if tag == "script":
            self._in_script = True
            self._script_has_src = "src" in attributes

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and not self._script_has_src and data.strip():
            self.inline_scripts += 1

    @staticmethod
    def _is_focusable(tag, attributes):
        if "disabled" in attributes or attributes.get("tabindex") == "-1":
            return False
        if attributes.get("type") == "hidden":
            return False
        if tag == "a":
            return "href" in attributes
        return tag in FOCUSABLE_TAGS or (
            attributes.get("tabindex") is not None and attributes["tabindex"] != "-1"
        )


def parse_page(html: str) -> PageParser:
    parser = PageParser()
    parser.feed(html)
    return parser


def is_same_origin(url: str) -> bool:
    """Relative URLs, data: URIs and our own host count as same-origin."""
    if url.startswith("data:"):
        return True
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc or parts.netloc in {"testserver", "localhost"}
