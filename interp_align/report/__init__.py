"""The side-by-side HTML report (one self-contained file)."""

from .html import render_report

__all__ = ["render_report"]
