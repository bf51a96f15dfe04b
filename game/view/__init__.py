"""The view room: sprites, HUD and panels. It reads model state and never changes it."""
