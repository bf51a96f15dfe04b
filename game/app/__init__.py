"""The app room: command line, window, input and the fixed-timestep loop.

Importing this package does not import pygame, so headless runs stay light.
"""
