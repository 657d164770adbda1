"""``jekyllpy new``: the files of a fresh site, in the two shapes ``jekyll new`` offers.

* :func:`starter_site` (the default): a site on the minima theme with jekyll-feed, as
  ``jekyll new`` sets one up: ``_config.yml``, a home page, an about page, a first post,
  a 404 page and a ``.gitignore``.
* :func:`blank_site` (``--blank``): no theme; one layout, one page, a Sass partial and
  the stylesheet that imports it, and the empty ``_data``, ``_drafts``, ``_includes`` and
  ``_posts`` folders.

The texts are our own.  Both sites build to the same bytes with ``jekyllpy build`` and
with Jekyll 4.3 (``tests/test_cli_new.py`` builds them with both when Ruby is present),
apart from build-time fields (the feed's ``<updated>``).

Nothing here writes to disk except :func:`create_site`.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

__all__ = ["blank_site", "create_site", "starter_site", "BLANK_FOLDERS"]

#: The empty folders a blank site starts with.
BLANK_FOLDERS = ("_data", "_drafts", "_includes", "_posts")

_STARTER_CONFIG = """\
# The site's settings.  Builds read this file once: after editing it, build again
# (a running `jekyllpy serve` or `jekyll serve` does not pick it up).
#
# Any key set here is available to templates as {{ site.KEY }}.

title: My new site
email: you@example.com
description: >- # folded: the lines below join into one
  A few words about what this site is for. The minima theme shows them in the
  page head and the footer, and jekyll-feed uses them for feed.xml.
baseurl: "" # the path the site lives under, e.g. /notes (empty for the root)
url: "" # scheme and host, e.g. https://example.org

# How the site is built
theme: minima
plugins:
  - jekyll-feed
  - jekyll-seo-tag # minima's <head> uses it (Jekyll would also load it for the theme)
"""

_STARTER_INDEX = """\
---
# minima's "home" layout lists the posts below whatever this page says.
layout: home
---

Welcome! Edit `index.md` to change this text, or write a new post in `_posts/`.
"""

_STARTER_ABOUT = """\
---
layout: page
title: About
permalink: /about/
---

This site was set up by `jekyllpy new`. Pages like this one are Markdown files with
front matter at the top; the `permalink` above decides the address this page gets.

Things to try next:

- change the title and description in `_config.yml`;
- add a page: a new `.md` file with a `title`, and minima links it in the header;
- read the documentation of [Jekyll](https://jekyllrb.com/docs/) and of the
  [minima theme](https://github.com/jekyll/minima).
"""

_STARTER_POST = """\
---
layout: post
title: "Hello, world"
date: {date}
categories: news
---

This is the first post. Posts live in `_posts/` and are named `YEAR-MONTH-DAY-title.md`;
the date in the name (or in the front matter, as here) sorts them and builds their address.

A post can link to any page of the site with the `link` tag: here is the
[about page]({{% link about.md %}}). Code blocks are highlighted:

```python
def greet(name: str) -> str:
    return f"Hello, {{name}}!"

print(greet("{{{{ site.title }}}}"))
```

Build the site with `jekyllpy build` (or `jekyll build`); the result is in `_site/`.
"""

_STARTER_404 = """\
---
permalink: /404.html
layout: default
---

<style type="text/css" media="screen">
  .not-found {
    margin: 40px auto;
    max-width: 560px;
    text-align: center;
  }
  .not-found h1 {
    font-size: 3.5em;
    margin-bottom: 0.5em;
  }
</style>

<div class="not-found">
  <h1>404</h1>
  <p><strong>Nothing here.</strong></p>
  <p>The page you asked for does not exist, or has moved.
     <a href="{{ "/" | relative_url }}">Back to the home page</a>.</p>
</div>
"""

_GITIGNORE = """\
_site/
.sass-cache/
.jekyll-cache/
.jekyll-metadata
vendor/
"""

_BLANK_CONFIG = """\
# The site's settings, available to templates as {{ site.KEY }}.
title: My new site
baseurl: "" # the path the site lives under, e.g. /notes (empty for the root)
url: "" # scheme and host, e.g. https://example.org
"""

_BLANK_LAYOUT = """\
<!DOCTYPE html>
<html lang="{{ site.lang | default: "en" }}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{% if page.title %}{{ page.title | escape }} | {% endif %}{{ site.title | escape }}</title>
    <link rel="stylesheet" href="{{ "/assets/css/main.css" | relative_url }}">
  </head>
  <body>
    <main class="page">
      {{ content }}
    </main>
  </body>
</html>
"""

_BLANK_INDEX = """\
---
layout: default
title: Home
---

# It works

This is `index.md`, rendered in `_layouts/default.html`. The styles come from
`assets/css/main.scss`, which imports the partial `_sass/main.scss`.
"""

_BLANK_SASS = """\
// Colours and type, used by the rules below.
$page-background: #fdfdfd;
$text-color: #222222;
$link-color: #1a5fb4;
$font-stack: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
$page-width: 42rem;

body {
  margin: 0;
  background: $page-background;
  color: $text-color;
  font-family: $font-stack;
  line-height: 1.5;
}

.page {
  max-width: $page-width;
  margin: 0 auto;
  padding: 2rem 1rem;

  a {
    color: $link-color;

    &:hover {
      text-decoration: none;
    }
  }
}
"""

_BLANK_STYLESHEET = """\
---
# The empty front matter above makes Jekyll convert this file to main.css.
---

@import "main";
"""


def starter_site(now: _dt.datetime | None = None) -> dict[str, str]:
    """The files of a minima starter site by relative path.

    The first post is dated the whole minute before ``now`` (default: this moment, in
    local time).  Never the current second: Jekyll replaces a front matter date equal to
    the build's ``site.time`` (to the second) with the file name's date, so a post dated
    "now" would get midnight when the site is built straight away.
    """
    moment = now or _dt.datetime.now().astimezone()
    when = (moment - _dt.timedelta(minutes=1)).replace(second=0, microsecond=0)
    stamp = when.strftime("%Y-%m-%d %H:%M:%S %z")
    return {
        "_config.yml": _STARTER_CONFIG,
        "index.md": _STARTER_INDEX,
        "about.md": _STARTER_ABOUT,
        f"_posts/{when:%Y-%m-%d}-hello-world.md": _STARTER_POST.format(date=stamp),
        "404.html": _STARTER_404,
        ".gitignore": _GITIGNORE,
    }


def blank_site() -> dict[str, str]:
    """The files of a blank site by relative path (the empty folders are
    :data:`BLANK_FOLDERS`)."""
    return {
        "_config.yml": _BLANK_CONFIG,
        "_layouts/default.html": _BLANK_LAYOUT,
        "index.md": _BLANK_INDEX,
        "_sass/main.scss": _BLANK_SASS,
        "assets/css/main.scss": _BLANK_STYLESHEET,
        ".gitignore": _GITIGNORE,
    }


def create_site(path: Path, *, blank: bool = False,
                now: _dt.datetime | None = None) -> list[Path]:
    """Write a new site into ``path`` (created if needed; existing files of the same
    names are overwritten) and return the files written."""
    files = blank_site() if blank else starter_site(now)
    path.mkdir(parents=True, exist_ok=True)
    written = []
    for rel, text in files.items():
        target = path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
        written.append(target)
    if blank:
        for folder in BLANK_FOLDERS:
            (path / folder).mkdir(exist_ok=True)
    return written
