"""The compiled translations Django reads, built from the committed catalogues.

`locale/<language>/LC_MESSAGES/django.po` is the source, kept in git (`make messages`
refreshes it from the code and templates). The `.mo` files next to it are built, never
committed: by `make translations` (before `make run`, `make test` and `make serve`) and by
the test suite. They are built in pure Python with polib (a development dependency), so a
fresh clone needs no GNU gettext; an install without polib can run Django's
`manage.py compilemessages` (GNU msgfmt) instead.

usage: python -m actioncenter.translations [--if-stale]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def catalogues() -> list[Path]:
    """Every catalogue of every language, `locale/*/LC_MESSAGES/*.po`."""
    return sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))


def compile_catalogues(*, if_stale: bool = False) -> list[Path]:
    """Write each catalogue's `.mo` (only those older than their `.po` with `if_stale`);
    returns the files written. Safe while another process reads or builds the same file:
    each is written aside and moved into place."""
    import polib

    built = []
    for po_path in catalogues():
        mo_path = po_path.with_suffix(".mo")
        if if_stale and mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        partial = mo_path.with_name(f".{mo_path.name}.{os.getpid()}")
        polib.pofile(str(po_path)).save_as_mofile(str(partial))
        partial.replace(mo_path)
        built.append(mo_path)
    return built


def main(argv: list[str]) -> int:
    if argv not in ([], ["--if-stale"]):
        print(__doc__.rsplit("usage: ", 1)[1].strip())
        return 2
    try:
        built = compile_catalogues(if_stale=argv == ["--if-stale"])
    except ImportError:
        print("polib is missing: pip install -e '.[dev]', or use manage.py compilemessages")
        return 1
    for path in built:
        print(f"compiled {path.relative_to(LOCALE_DIR.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
