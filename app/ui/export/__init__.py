"""Exports that need Qt: PNG and PDF painting, outlined SVG text."""
