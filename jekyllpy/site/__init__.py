"""The site: read a Jekyll source folder, render its pages, write the destination.

First version (issue 5 grows it): pages with front matter (Markdown or HTML), layouts
with parents, Liquid through python-liquid, static files copied.  Posts, collections,
data, includes, themes, plugins and Sass are not read yet.
"""

from __future__ import annotations

from .site import BuildError, Site, build

__all__ = ["BuildError", "Site", "build"]
