"""The exceptions jekyllpy raises for problems in a site, all under :class:`JekyllpyError`,
so callers (and the CLI) can tell a bad site from a bug.  Messages name the file, and the
line where one is known."""

from __future__ import annotations


class JekyllpyError(Exception):
    """A problem in the site being built or rendered."""
