"""MkDocs plugin for podcast and video digest sites."""

__version__ = "0.1.0"
