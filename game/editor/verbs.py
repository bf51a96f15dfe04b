"""The shop's verbs an actor can call, as the editor's side panel lists them: read from the
real methods (their signatures and the first line of their docstrings), never written twice.

An actor's parameters say whom it may ask: ``me: Staff`` (the cook), ``couple: Couple``,
``shop: Shop``. Each parameter's awaitable methods are its verbs (``await me.next_order``);
a plain method is listed when the level's own actors call it (``me.put_down``,
``me.cook_burgers_sync``: a plain call holds the loop, and the panel says so). Calls one
step further (``shop.tables.take``) are read off the live objects a level is played with.
An actor with no parameters asks nobody (level 8's endpoint): its verbs are the functions
of its module it calls by their bare names (``await get_burgers(2)``).
"""

from __future__ import annotations

import ast
import inspect
import textwrap
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Verb:
    call: str  # what the learner writes: "me.next_order"
    params: str  # "(kitchen: Queue[Order]) -> Order"
    awaited: bool  # a coroutine function: ``await`` it
    doc: str  # the first line of its docstring
    short: str = ""  # the parameters by name alone: "(kitchen)"

    @property
    def call_text(self) -> str:
        """What a click on the verb writes: ``await me.next_order(kitchen)``."""
        return ("await " if self.awaited else "") + self.call + (self.short or "()")

    @property
    def text(self) -> str:
        """The verb as it is written in code: ``await me.next_order(kitchen: ...) -> ...``."""
        return ("await " if self.awaited else "") + self.call + self.params


def signature_text(function: Callable[..., Any]) -> str:
    """``(a: T, b: int = 2) -> R`` without ``self``, annotations as written in the source."""
    try:
        sig = inspect.signature(function)
    except (TypeError, ValueError):
        return "(...)"
    parts = []
    for i, param in enumerate(sig.parameters.values()):
        if i == 0 and param.name in ("self", "cls"):
            continue
        text = param.name
        if param.kind is param.VAR_POSITIONAL:
            text = "*" + text
        elif param.kind is param.VAR_KEYWORD:
            text = "**" + text
        if param.annotation is not param.empty:
            text += ": " + _annotation(param.annotation)
        if param.default is not param.empty:
            text += f" = {param.default!r}"
        parts.append(text)
    result = f"({', '.join(parts)})"
    if sig.return_annotation is not sig.empty:
        returned = _annotation(sig.return_annotation)
        if returned != "None":
            result += " -> " + returned
    return result


def names_text(function: Callable[..., Any]) -> str:
    """``(a, b=2)``: the parameters without ``self`` or types (when the full one is long)."""
    try:
        params = list(inspect.signature(function).parameters.values())
    except (TypeError, ValueError):
        return "(...)"
    if params and params[0].name in ("self", "cls"):
        params = params[1:]
    parts = [
        p.name if p.default is p.empty else f"{p.name}={p.default!r}"
        for p in params
        if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    ]
    return f"({', '.join(parts)})"


def _annotation(annotation: object) -> str:
    if isinstance(annotation, str):
        return annotation
    return inspect.formatannotation(annotation)


def first_line(function: Callable[..., Any]) -> str:
    """The docstring's first sentence-line (joined if it runs on to the next line)."""
    doc = inspect.getdoc(function) or ""
    paragraph = doc.strip().split("\n\n")[0]
    return " ".join(part.strip() for part in paragraph.splitlines()).strip()


def _calls_in(functions: Iterable[Callable[..., Any]]) -> Iterator[ast.Call]:
    """Every call in the functions' source (a function without source has none)."""
    for function in functions:
        try:
            tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
        except (OSError, TypeError, SyntaxError):
            continue
        yield from (node for node in ast.walk(tree) if isinstance(node, ast.Call))


def calls(functions: Iterable[Callable[..., Any]]) -> set[tuple[str, ...]]:
    """Every attribute call in the functions' source, as a chain of names:
    ``me.put_down(...)`` is ``("me", "put_down")``, ``shop.tables.take(...)`` three names."""
    chains = (_chain(c.func) for c in _calls_in(functions) if isinstance(c.func, ast.Attribute))
    return {chain for chain in chains if chain}


def bare_calls(functions: Iterable[Callable[..., Any]]) -> set[str]:
    """The names the functions call bare: ``get_burgers(2)`` is ``"get_burgers"``."""
    return {c.func.id for c in _calls_in(functions) if isinstance(c.func, ast.Name)}


def _chain(node: ast.expr) -> tuple[str, ...] | None:
    names: list[str] = []
    while isinstance(node, ast.Attribute):
        names.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    names.append(node.id)
    return tuple(reversed(names))


def parameter_types(
    actor: Callable[..., Any], namespace: Mapping[str, object] | None = None
) -> dict[str, type]:
    """The class each parameter of ``actor`` is annotated with (names only imported for
    type checking are looked up in ``namespace``); a parameter left unresolved is left out."""
    space = {**getattr(actor, "__globals__", {}), **(namespace or {})}
    found: dict[str, type] = {}
    for name, param in inspect.signature(actor).parameters.items():
        annotation = param.annotation
        if isinstance(annotation, str):
            try:
                annotation = eval(annotation, space)  # noqa: S307 - our own source's annotations
            except Exception:  # noqa: BLE001 - an annotation we cannot resolve: no verbs for it
                continue
        origin = typing.get_origin(annotation) or annotation
        if isinstance(origin, type):
            found[name] = origin
    return found


def verbs_of(
    actor: Callable[..., Any],
    used: Iterable[Callable[..., Any]] = (),
    objects: Mapping[str, object] | None = None,
    namespace: Mapping[str, object] | None = None,
) -> list[Verb]:
    """The verbs ``actor``'s parameters offer: each one's awaitable methods, the plain ones
    the actors in ``used`` call, and (read from ``objects``, the live values of the
    parameters) the calls those actors make one attribute further. In a stable order:
    parameters as declared, then methods by name."""
    chains = calls([actor, *used])
    types = parameter_types(actor, namespace)
    for name, value in (objects or {}).items():
        types[name] = type(value)
    verbs: list[Verb] = []
    for name in inspect.signature(actor).parameters:
        owner = types.get(name)
        if owner is None or owner.__module__ == "builtins":
            continue
        called = {chain[1] for chain in chains if len(chain) == 2 and chain[0] == name}
        for method_name, method in _methods(owner):
            if inspect.iscoroutinefunction(method) or method_name in called:
                verbs.append(_verb(f"{name}.{method_name}", method))
        value = (objects or {}).get(name)
        if value is None:
            continue
        for chain in sorted(c for c in chains if len(c) == 3 and c[0] == name):
            part = getattr(value, chain[1], None)
            method = getattr(type(part), chain[2], None) if part is not None else None
            if inspect.isfunction(method):
                verbs.append(_verb(".".join(chain), method))
    space = getattr(actor, "__globals__", {}) if not inspect.signature(actor).parameters else {}
    for name in sorted(bare_calls([actor, *used]) if space else ()):
        function = space.get(name)
        if inspect.isfunction(function) and function is not actor:
            verbs.append(_verb(name, function))
    return verbs


def _methods(owner: type) -> list[tuple[str, Callable[..., Any]]]:
    """Public plain functions of the class and its bases (no properties), by name."""
    found: dict[str, Callable[..., Any]] = {}
    for klass in reversed(owner.__mro__):
        if klass is object:
            continue
        for attr, value in vars(klass).items():
            if not attr.startswith("_") and inspect.isfunction(value):
                found[attr] = value
    return sorted(found.items())


def _verb(call: str, method: Callable[..., Any]) -> Verb:
    awaited = inspect.iscoroutinefunction(method)
    return Verb(call, signature_text(method), awaited, first_line(method), names_text(method))
