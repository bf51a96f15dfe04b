"""A learner's own asyncio script, run on CPython's real asyncio with a virtual clock.

No pygame here: this room runs a script in a child process (``trace``), records what its
tasks do (``recorder``) on a virtual-time loop (``vloop``) inside a sandbox that charges
``time.sleep`` to virtual time and refuses the network (``sandbox``), and reads the record
back at any moment (``replay``) so the view can pause, step back and seek without re-running.
"""

from .runner import ScriptError, headless_json, run_script

__all__ = ["ScriptError", "headless_json", "run_script"]
