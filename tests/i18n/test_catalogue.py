"""The Spanish catalogue: complete, well-formed, and in step with the code and templates."""

import ast
import os
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils.translation.template import templatize

from actioncenter.translations import LOCALE_DIR, compile_catalogues

CATALOGUE = LOCALE_DIR / "es" / "LC_MESSAGES" / "django.po"
ROOT = Path(settings.BASE_DIR)
# What `make messages` leaves out (the Makefile's --ignore list).
NOT_SCANNED = {".venv", "var", "bench", "tests", "staticfiles", "media", "build", "node_modules"}
# %(name)s and %d in Python strings, {{ name }} merge fields, and HTML tags.
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\{[^}]*\}\}|</?[a-z][^>]*>")
GETTEXT_CALLS = {
    "_": (None, 0),
    "gettext": (None, 0),
    "gettext_lazy": (None, 0),
    "gettext_noop": (None, 0),
    "ngettext": (None, 0),
    "ngettext_lazy": (None, 0),
    "pgettext": (0, 1),
    "pgettext_lazy": (0, 1),
    "npgettext": (0, 1),
    "npgettext_lazy": (0, 1),
}


@pytest.fixture(scope="module")
def catalogue() -> polib.POFile:
    return polib.pofile(str(CATALOGUE))


def translations(entry: polib.POEntry) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def test_the_catalogue_declares_spanish_and_its_two_plural_forms(catalogue):
    assert catalogue.metadata["Language"] == "es"
    assert catalogue.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert catalogue.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert not catalogue.metadata_is_fuzzy


def test_every_entry_is_translated_and_none_is_fuzzy_or_obsolete(catalogue):
    assert len(catalogue) > 500
    assert catalogue.untranslated_entries() == []
    assert [entry.msgid for entry in catalogue if "fuzzy" in entry.flags] == []
    assert catalogue.obsolete_entries() == []
    for entry in catalogue:
        forms = translations(entry)
        assert len(forms) == (2 if entry.msgid_plural else 1), entry.msgid
        assert all(form.strip() for form in forms), entry.msgid


def test_placeholders_and_tags_are_kept_in_every_translation(catalogue):
    for entry in catalogue:
        sources = [entry.msgid, entry.msgid_plural] if entry.msgid_plural else [entry.msgid]
        for source, translation in zip(sources, translations(entry), strict=True):
            expected = sorted(PLACEHOLDER.findall(source))
            assert sorted(PLACEHOLDER.findall(translation)) == expected, entry.msgid
            if source.startswith(" ") or source.endswith(" "):  # joined between words
                assert translation[:1].isspace() == source[:1].isspace(), entry.msgid
                assert translation[-1:].isspace() == source[-1:].isspace(), entry.msgid


def test_translations_are_not_left_in_english(catalogue):
    """An entry whose Spanish equals the English is a forgotten one, apart from words that
    read the same in both languages."""
    same = {
        entry.msgid
        for entry in catalogue
        if not entry.msgid_plural and entry.msgstr == entry.msgid and " " in entry.msgid
    }
    assert same == set()


def _project_files(*suffixes: str):
    for folder, subfolders, files in os.walk(ROOT):
        subfolders[:] = sorted(name for name in subfolders if name not in NOT_SCANNED)
        for name in sorted(files):
            if name.endswith(suffixes):
                yield Path(folder) / name


def _python_messages(path: Path):
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name | ast.Attribute):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else node.func.attr
        if name not in GETTEXT_CALLS:
            continue
        context_at, message_at = GETTEXT_CALLS[name]
        args = node.args
        if len(args) <= message_at or not isinstance(args[message_at], ast.Constant):
            continue
        context = args[context_at].value if context_at is not None else None
        yield context, args[message_at].value


# What Django's templatize (makemessages' own reading of a template) turns tags into.
LITERAL = r"u?'(?:[^'\\]|\\.)*'|u?\"(?:[^\"\\]|\\.)*\""
TEMPLATE_CALL = re.compile(rf"\b(n?p?gettext|_)\(((?:\s*(?:{LITERAL})\s*,?)+)")
TEMPLATE_LITERAL = re.compile(LITERAL)


def _template_messages(path: Path):
    source = templatize(path.read_text(), origin=str(path))
    for function, arguments in TEMPLATE_CALL.findall(source):
        literals = [ast.literal_eval(text) for text in TEMPLATE_LITERAL.findall(arguments)]
        context = literals.pop(0) if function.startswith(("pgettext", "npgettext")) else None
        yield context, literals[0]


def test_every_marked_string_of_the_code_and_templates_is_in_the_catalogue(catalogue):
    """`make messages` was run after the last change to an interface string."""
    known = {(entry.msgctxt, entry.msgid) for entry in catalogue}
    marked = {
        (str(path.relative_to(ROOT)), context, message)
        for path in _project_files(".py")
        for context, message in _python_messages(path)
    } | {
        (str(path.relative_to(ROOT)), context, message)
        for path in _project_files(".html", ".txt")
        for context, message in _template_messages(path)
    }
    assert len(marked) > 500
    missing = sorted(item for item in marked if item[1:] not in known)
    assert missing == [], "run `make messages` and translate the new entries"


def test_the_compiled_catalogue_is_what_django_reads():
    from django.utils import translation

    compile_catalogues(if_stale=True)
    assert CATALOGUE.with_suffix(".mo").stat().st_mtime >= CATALOGUE.stat().st_mtime
    with translation.override("es"):
        assert translation.gettext("Quick exit") == "Salida rápida"
        assert translation.npgettext("petition progress", "signature", "signatures", 2) == "firmas"
