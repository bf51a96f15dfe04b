"""The words the player reads, in their language: the standard ``gettext`` module over the
catalogs in ``game/locale/<lang>/LC_MESSAGES/async_burgers.mo``.

Every visible sentence is a whole message with named placeholders (``_("served {n}")``
then ``.format``), so a translator can reorder words; plurals go through ``ngettext``.
Tables of words (story beats, key help) are marked with ``N_`` where they are written and
translated with ``_`` where they are drawn, so switching language live (F2) changes every
word on the next frame. A language is a catalog folder and nothing else: ``languages()``
finds them. Stdlib only, so the model may mark its words too.
"""

from __future__ import annotations

import contextlib
import gettext
import locale
import os
from functools import lru_cache
from pathlib import Path

DOMAIN = "async_burgers"
LOCALE_DIR = Path(__file__).with_name("locale")
SOURCE = "en"  # the language the message ids are written in

_current: gettext.NullTranslations = gettext.NullTranslations()
_language = SOURCE
_generation = 0  # bumped on every switch: views that cache drawn words rebuild them


def languages() -> list[str]:
    """Every language with a compiled catalog, English first, then by code."""
    found = {p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo")}
    return [SOURCE, *sorted(found - {SOURCE})]


@lru_cache(maxsize=16)
def translations(lang: str) -> gettext.NullTranslations:
    """The catalog of ``lang`` (English without one falls back to the message ids)."""
    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if not path.exists():
        if lang == SOURCE:
            return gettext.NullTranslations()
        raise LookupError(f"no catalog for language {lang!r} (have {', '.join(languages())})")
    with path.open("rb") as fp:
        return gettext.GNUTranslations(fp)


def use(lang: str) -> None:
    """Speak ``lang`` from now on (a code from ``languages()``; LookupError otherwise)."""
    global _current, _language, _generation
    _current, _language = translations(lang), lang
    _generation += 1


def language() -> str:
    return _language


def generation() -> int:
    """Changes whenever the language does: a cached drawing older than this is stale."""
    return _generation


def cycle() -> str:
    """The next language of ``languages()`` (F2), now in use."""
    langs = languages()
    lang = langs[(langs.index(_language) + 1) % len(langs)] if _language in langs else SOURCE
    use(lang)
    return lang


def match(wanted: str, langs: list[str] | None = None) -> str | None:
    """The catalog for a locale name: 'pt_BR.UTF-8' -> 'pt_BR', 'es_MX' -> 'es', 'pt' ->
    'pt_BR'; None when there is none."""
    langs = languages() if langs is None else langs
    code = wanted.split(".")[0].split("@")[0].replace("-", "_")
    if not code:
        return None
    for lang in langs:
        if lang.lower() == code.lower():
            return lang
    base = code.split("_")[0].lower()
    return next((lang for lang in langs if lang.split("_")[0].lower() == base), None)


def system_language(environ: dict[str, str] | None = None) -> str:
    """The player's language from the system locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG,
    as gettext reads them), falling back to English."""
    env = os.environ if environ is None else environ
    candidates: list[str] = []
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        if env.get(var):
            candidates += env[var].split(":")
            break
    if environ is None and not candidates:
        with contextlib.suppress(ValueError):
            candidates.append(locale.getlocale()[0] or "")
    for name in candidates:
        if name in ("C", "POSIX"):
            return SOURCE
        lang = match(name)
        if lang is not None:
            return lang
    return SOURCE


def _(message: str) -> str:
    """``message`` in the current language."""
    return _current.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The right plural form of a message for ``n`` in the current language."""
    return _current.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks a message for the catalogs where it is written; ``_`` translates it when drawn."""
    return message
