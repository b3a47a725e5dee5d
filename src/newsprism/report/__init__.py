"""Outputs rendered from one export document: JSON, HTML, Markdown, terminal."""

from .export import SCHEMA, build_export, export_corpus
from .html import render_html
from .text import print_summary, render_markdown

__all__ = ["SCHEMA", "build_export", "export_corpus", "print_summary", "render_html", "render_markdown"]
