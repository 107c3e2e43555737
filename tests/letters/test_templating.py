"""Merge-field templates: only the closed set of fields, rendered safely."""

import pytest
from django.core.exceptions import ValidationError

from campaigns.templating import render_text, validate_template

VALUES = {
    "supporter.first_name": "Alex",
    "legislator.formal_name": "Senator Jane Doe",
    "legislator.district": "at-large",
}


def messages(error: ValidationError) -> list[str]:
    return [str(message) for message in error.messages]


def test_known_fields_are_filled_in():
    text = "Dear {{ legislator.formal_name }},\nfrom {{supporter.first_name}}"
    assert render_text(text, VALUES) == "Dear Senator Jane Doe,\nfrom Alex"


@pytest.mark.parametrize(
    "placeholder",
    ["{{ supporter.email }}", "{{ settings.SECRET_KEY }}", "{{ legislator.__class__ }}"],
)
def test_unknown_field_is_rejected_naming_it(placeholder):
    with pytest.raises(ValidationError) as caught:
        validate_template(f"Hello {placeholder}!")
    assert placeholder in messages(caught.value)[0]
    assert "supporter.first_name" in messages(caught.value)[0]  # lists what is available


@pytest.mark.parametrize(
    ("template", "quoted"),
    [
        ("Hello {{ supporter.first_name ", "{{ supporter.first_name"),
        ("Hello {{ supporter.first_name | upper }}", "{{ supporter.first_name | upper }}"),
        ("{% if x %}yes{% endif %}", "{% if x %}"),
        ("Hi {{ }}", "{{ }}"),
        ("Hi {# note #}", "{# note #}"),
    ],
)
def test_malformed_placeholder_is_rejected_quoting_it(template, quoted):
    with pytest.raises(ValidationError) as caught:
        validate_template(template)
    assert any(quoted in message for message in messages(caught.value))


def test_every_bad_placeholder_is_reported_at_once():
    with pytest.raises(ValidationError) as caught:
        validate_template("{{ a.b }} and {{ c.d }}")
    assert len(caught.value.messages) == 2


def test_supporter_input_that_looks_like_a_placeholder_is_not_expanded():
    values = {"supporter.first_name": "{{ legislator.formal_name }}", **VALUES}
    values["supporter.first_name"] = "{{ legislator.formal_name }}"
    assert render_text("From {{ supporter.first_name }}", values) == (
        "From {{ legislator.formal_name }}"
    )


def test_missing_value_renders_empty_rather_than_failing():
    assert render_text("Dear {{ legislator.title }}.", {}) == "Dear ."


def test_plain_braces_in_prose_are_allowed():
    assert render_text("Sets like {a, b} are fine", {}) == "Sets like {a, b} are fine"
