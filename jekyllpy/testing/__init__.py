"""Testing jekyllpy output against Jekyll's: a pytest plugin and byte-diff helpers.

The plugin (:mod:`jekyllpy.testing.plugin`, loaded by pytest through the ``pytest11`` entry
point once jekyllpy is installed) gives the fixtures ``jekyll_site``, ``markdownify``,
``render_page`` and ``jekyllpy_config``, and turns the fixture folders named by the ini
option ``jekyllpy_fixtures`` into test items; its docstring says how.

The helpers compare outputs the way the plugin reports them: :func:`describe_difference`
(unified diff, first differing character, first differing HTML element),
:func:`compare_trees` and :func:`read_tree` for built sites, :func:`normalise` for the
build-time fields left out of a comparison.
"""

from __future__ import annotations

from .compare import (PLACEHOLDER, compare_trees, describe_difference, first_difference,
                      first_differing_element, normalise, read_tree, text_diff)

__all__ = ["PLACEHOLDER", "compare_trees", "describe_difference", "first_difference",
           "first_differing_element", "normalise", "read_tree", "text_diff"]
