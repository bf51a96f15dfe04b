"""The player's settings: language, colours, motion, text size, sound and fullscreen.

One small object the views read (through the modules that hold each look: ``i18n``,
``view.palette``, ``view.motion``, ``view.text``) and the keys change with its own
commands (F2, F3, Z, M, F11), each said in a notice. It knows the sound player and the
window's display when there are any (a headless game, a test or a clip has neither).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from .. import i18n
from ..i18n import N_, _
from ..view import motion
from ..view import palette as colours
from ..view.text import set_scale, text_scale
from .display import Display
from .sound import SoundPlayer

TEXT_SCALES = (1.0, 1.25, 1.5)  # Z cycles through these

# translators: the name of your language, in your language ("Español")
LANGUAGE_NAME = N_("English")
PALETTE_NAMES = {"default": N_("default"), "safe": N_("colour-blind safe (Okabe-Ito)")}


def use_settings(args: argparse.Namespace) -> None:
    """The command line's language, palette and motion, before anything is drawn."""
    i18n.use(getattr(args, "lang", None) or i18n.system_language())
    colours.use(getattr(args, "palette", "default"))
    motion.set_reduced(getattr(args, "reduced_motion", False))


def _quiet(text: str, error: bool = False) -> None:
    """Where notices go when nobody shows them."""


class Settings:
    """What the player chose for how the game looks and sounds; ``say`` shows a notice."""

    def __init__(self, *, text_scale: float = 1.0, say: Callable[..., None] = _quiet) -> None:
        set_scale(text_scale)  # every label from here on (1: as designed)
        self.say = say
        self.sound: SoundPlayer | None = None  # the window opens one; tests and clips do not
        self.display: Display | None = None  # the window around the canvas, when there is one

    @property
    def language(self) -> str:
        return i18n.language()

    @property
    def palette(self) -> str:
        return colours.in_use()

    @property
    def reduced_motion(self) -> bool:
        return motion.reduced()

    @property
    def text_scale(self) -> float:
        return text_scale()

    # -- the key table's commands -----------------------------------------------------
    def action_cycle_language(self) -> None:
        """F2: the next language of the catalogs, on every word from the next frame."""
        i18n.cycle()
        self.say(_("Language: {name}").format(name=_(LANGUAGE_NAME)), reason="language")

    def action_cycle_palette(self) -> None:
        """F3: the default colours, or the colour-blind-safe ones (Okabe-Ito)."""
        colours.cycle()
        palette = _(PALETTE_NAMES[colours.in_use()])
        self.say(_("Colours: {palette}").format(palette=palette), reason="palette")

    def action_cycle_text_scale(self) -> None:
        """Z: 1 -> 1.25 -> 1.5 -> 1 (from an in-between --text-scale, the next step up)."""
        bigger = [s for s in TEXT_SCALES if s > text_scale() + 1e-9]
        set_scale(bigger[0] if bigger else TEXT_SCALES[0])
        self.say(_("Text size: {scale}x").format(scale=f"{text_scale():g}"), reason="text size")

    def action_toggle_mute(self) -> None:
        """M: sound off / on, said in a notice (a machine without sound says so instead)."""
        if self.sound is None:
            return
        self.sound.toggle_mute()
        if not self.sound.available:
            self.say(_("No sound on this computer: playing silently"), reason="sound")
        else:
            self.say(_("Sound: off") if self.sound.muted else _("Sound: on"), reason="sound")

    def action_toggle_fullscreen(self) -> None:
        if self.display is not None:
            self.display.toggle_fullscreen()
