"""The page's JavaScript, reached through Pyodide's ``js`` module: the canvas painter
(``pgcanvas``, game/web/page/pgcanvas.js) and the page (``pgpage``, game/web/page/boot.js).
Tests in CPython put a stand-in ``js`` module in ``sys.modules`` before importing this."""

from __future__ import annotations

import js  # type: ignore[import-not-found]  # Pyodide's bridge to the page

canvas = js.pgcanvas
page = js.pgpage


def to_js(value: object) -> object:
    """Bytes and lists as JavaScript values (a Uint8Array, an Array)."""
    try:
        from pyodide.ffi import to_js as convert  # type: ignore[import-not-found]
    except ImportError:  # the tests' stand-in page takes Python values as they are
        return value
    return convert(value)


def to_py(value: object) -> object:
    convert = getattr(value, "to_py", None)
    return convert() if convert is not None else value


def once(function: object) -> object:
    """A Python callable the page may call once (then it is freed)."""
    try:
        from pyodide.ffi import create_once_callable  # type: ignore[import-not-found]
    except ImportError:
        return function
    return create_once_callable(function)
