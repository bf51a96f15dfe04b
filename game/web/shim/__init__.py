"""The browser's pygame lives in ``shim/pygame``; the page puts this folder on its path, so
``import pygame`` finds it there (it imports Pyodide's ``js``: never imported on the desktop)."""
