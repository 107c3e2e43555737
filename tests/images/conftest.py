from html.parser import HTMLParser

import pytest


class TagParser(HTMLParser):
    """The attributes of every tag named `tag` in a page."""

    def __init__(self, tag: str):
        super().__init__()
        self.tag = tag
        self.found: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag == self.tag:
            self.found.append(dict(attrs))


def tags(html: str, tag: str) -> list[dict]:
    parser = TagParser(tag)
    parser.feed(html)
    return parser.found


@pytest.fixture
def superuser(client, db):
    from tests.staff.factories import UserFactory, sign_in

    user = UserFactory(is_superuser=True)
    sign_in(client, user)
    return user
