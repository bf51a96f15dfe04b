"""The game in a web page: ``python -m game.web build OUT/`` writes a static site.

The room after the app: ``build`` puts Pyodide (Python compiled to WebAssembly, from
npm), the game, its assets and the page (``page/``) into one folder any static host
serves; ``shim/pygame`` is the browser's pygame, drawn on canvases; ``browser`` starts the
game inside the page. docs/web.md tells the whole story and its numbers.
"""
