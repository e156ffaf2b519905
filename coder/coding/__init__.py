"""Coding: frames over UD trees, actor resolution, pattern matching."""
