"""Keep the translation catalogs in step with the code (a developer's tool; needs Babel).

``python -m game.catalogs`` extracts every marked message (``_``, ``N_``, ``ngettext``)
from ``game/`` into ``game/locale/async_burgers.pot``, updates each language's ``.po``
(new messages appear untranslated, gone ones are dropped) and compiles the ``.mo`` files
the game reads at run time with the standard ``gettext`` module. ``--check`` changes
nothing and fails when a catalog misses or keeps a message, or a ``.mo`` is out of date.
``python -m game.catalogs --new fr`` starts a language (see docs/translating.md).
"""

from __future__ import annotations

import copy
import io
import sys
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from .i18n import DOMAIN, LOCALE_DIR, SOURCE

GAME = Path(__file__).resolve().parent
POT = LOCALE_DIR / f"{DOMAIN}.pot"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
FIXED_DATE = datetime(2026, 11, 25, tzinfo=timezone.utc)  # dates in files that never churn
HEADER = "Async Burgers: the game's words. Edit the .po files; `python -m game.catalogs`."


def extract() -> Catalog:
    """Every message the game marks, with where it is used (for translators)."""
    catalog = Catalog(
        project="async-burgers",
        domain=DOMAIN,
        header_comment=f"# {HEADER}",
        creation_date=FIXED_DATE,
        revision_date=FIXED_DATE,
    )
    found = extract_from_dir(
        str(GAME),
        method_map=[("**/locale/**", "ignore"), ("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("translators:",),
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        where = [(f"game/{Path(filename).as_posix()}", lineno)]
        catalog.add(message, None, where, auto_comments=comments, context=context)
    return catalog


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def catalog_langs() -> list[str]:
    return sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def load(lang: str) -> Catalog:
    with po_path(lang).open("rb") as fp:
        return read_po(fp, locale=lang, domain=DOMAIN)


def _po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, sort_output=False, include_lineno=False)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def updated(lang: str, template: Catalog) -> Catalog:
    """``lang``'s catalog with exactly the template's messages (translations kept)."""
    catalog = load(lang)
    # update() adopts the template's new messages as they are: a copy each time, so that
    # English (filled with its ids below) never hands its strings to the next language
    catalog.update(copy.deepcopy(template), no_fuzzy_matching=True)
    catalog.obsolete.clear()  # a message the game no longer says is dropped
    catalog.creation_date = catalog.revision_date = FIXED_DATE
    catalog.fuzzy = False  # a reviewed catalog: its header (plural forms) goes into the .mo
    if lang == SOURCE:  # English is the message ids themselves
        for message in catalog:
            if message.id:
                message.string = message.id
    return catalog


def main(argv: list[str]) -> int:
    template = extract()
    if argv[1:2] == ["--new"] and len(argv) == 3:
        lang = argv[2]
        path = po_path(lang)
        if path.exists():
            print(f"{path} exists already", file=sys.stderr)
            return 2
        path.parent.mkdir(parents=True)
        fresh = Catalog(
            locale=lang, domain=DOMAIN, project="async-burgers", header_comment=f"# {HEADER}"
        )
        fresh.update(template)
        path.write_bytes(_po_bytes(fresh))
        print(f"started {path}: translate it, then run python -m game.catalogs")
        return 0
    check = argv[1:] == ["--check"]
    stale: list[str] = []
    pot = _po_bytes(template)
    if not POT.exists() or POT.read_bytes() != pot:
        stale.append(str(POT))
        if not check:
            POT.write_bytes(pot)
    for lang in catalog_langs():
        catalog = updated(lang, template)
        for path, data in (
            (po_path(lang), _po_bytes(catalog)),
            (po_path(lang).with_suffix(".mo"), mo_bytes(catalog)),
        ):
            old = path.read_bytes() if path.exists() else b""
            if old != data:
                stale.append(str(path))
                if not check:
                    path.write_bytes(data)
    for path in stale:
        print(("out of date: " if check else "wrote ") + path)
    return 1 if check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
