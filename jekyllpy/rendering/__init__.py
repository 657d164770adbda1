"""The Liquid layer Jekyll 4.3 runs: an environment, Jekyll's filters and tags.

Public API:

* :func:`make_environment` (``site_config, *, includes_dirs=None, markdownify=None``) ->
  :class:`JekyllEnvironment`, a ``liquid.Environment``; render with
  ``env.from_string(text).render(site=..., page=..., ...)``.
* :mod:`.ruby`: Ruby's printing and conversion of values (``to_s``, ``inspect``,
  ``strftime``, ``Time.parse``), which the site layer can share.

Drops: the site layer passes ``site``/``page`` as ``collections.abc.Mapping`` objects
(a ``to_liquid()`` method, if present, is honoured by filters that walk items).
"""

from .environment import JekyllEnvironment, make_environment

__all__ = ["JekyllEnvironment", "make_environment"]
