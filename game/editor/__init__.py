"""The learner's editor, without pygame: the text and its cursor (``buffer``), Python
colouring and the syntax check (``syntax``), and the shop's verbs as the side panel lists
them (``verbs``). The panel that draws and types lives in ``game/app/editor_panel.py``."""
