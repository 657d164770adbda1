"""Rendering, in Jekyll's order: every collection's documents (posts first), then pages.

For each: Liquid on the content (when it holds ``{{`` or ``{%`` and ``render_with_liquid``
is not false), then the converters for its extension, then each layout up the chain.  One
payload is shared by the whole render, as in Jekyll, so ``layout`` and ``content`` left by
one document are what the next one's content sees before its own layouts run.
"""

from __future__ import annotations

import os
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any


from ..config import deep_merge
from ..errors import JekyllpyError
from . import dependencies as _deps
from .converters import MarkdownConverter, set_up_as_build_would
from .drops import ExcerptDrop, JekyllDrop, SiteDrop
from .environment import JekyllEnvironment, make_environment
from .include_cache import IncludeOutputs
from .prefetch import MarkdownPrefetch
from .site_tags import LinkTag, PostUrlTag

if TYPE_CHECKING:
    from ..site.site import Site


class LiquidRenderError(JekyllpyError):
    """A Liquid error while rendering a file, naming the file, its line and the markup.

    Jekyll counts lines from the start of the content (after the front matter); we name
    the line of the file itself, and the included file when the error is in one.
    """

    def __init__(self, relative: str, exc: Exception, path: Path | None = None,
                 content: str | None = None) -> None:
        message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
        where = relative
        token = getattr(exc, "token", None)
        context = exc.context() if hasattr(exc, "context") else None
        template = getattr(exc, "template_name", None)
        if context is not None:
            line = context[0]
            source = getattr(token, "source", None)
            if template and str(template) != str(path):
                where = f"{template}:{line} (included from {relative})"
            else:
                if path is not None and content is not None and source == content:
                    line += _front_matter_lines(path, content)
                where = f"{relative}:{line}"
            markup = context[3].strip()
            if markup:
                where += f": {markup}"
        super().__init__(f"Liquid Exception: {message} in {where}")
        self.path = relative


def _front_matter_lines(path: Path, content: str) -> int:
    """How many lines of ``path`` come before ``content`` (its front matter)."""
    try:
        text = path.read_bytes().decode("utf-8", "replace").replace("\r\n", "\n")
    except OSError:
        return 0
    return text[:len(text) - len(content)].count("\n") if text.endswith(content) else 0


def environment_for(site: "Site") -> JekyllEnvironment:
    env = getattr(site, "_liquid_env", None)
    if env is None:
        dirs = [site.source / str(site.config.get("includes_dir") or "_includes")]
        if site.theme is not None and site.theme.includes_path is not None:
            dirs.append(site.theme.includes_path)
        markdown = next((c for c in site.converters if isinstance(c, MarkdownConverter)), None)
        env = make_environment(site.config, includes_dirs=dirs,
                               markdownify=_weak_convert(markdown) if markdown else None)
        env.site = site  # held weakly, as is the converter: see JekyllEnvironment.site
        for tag in (LinkTag, PostUrlTag, *getattr(site, "liquid_tags", ())):
            env.add_tag(tag)
        site._liquid_env = env  # type: ignore[attr-defined]
        site._templates = {}  # type: ignore[attr-defined]
        weakref.finalize(site, env.shed)
    return env


def _weak_convert(markdown: MarkdownConverter) -> Any:
    """``markdown.convert`` without keeping the converter (and its cache of every
    conversion of the build) alive once its site is gone."""
    ref = weakref.ref(markdown)

    def markdownify(text: str) -> str:
        return ref().convert(text)  # type: ignore[union-attr]
    return markdownify


def site_payload(site: "Site") -> dict[str, Any]:
    return {"content": None, "page": None, "layout": None, "paginator": None,
            "highlighter_prefix": None, "highlighter_suffix": None,
            "jekyll": JekyllDrop(None), "site": SiteDrop(site)}


def _new_pass(site: "Site") -> JekyllEnvironment:
    """The environment for a rendering pass, with the pass's include lookups emptied."""
    env = environment_for(site)
    env.include_lookups = {}  # type: ignore[attr-defined]
    env.include_outputs = IncludeOutputs(site)  # type: ignore[attr-defined]
    return env


def _end_pass(site: "Site") -> None:
    """A rendering pass is over: the include outputs it kept are dropped."""
    env = getattr(site, "_liquid_env", None)
    if env is not None:
        env.include_outputs.close()  # type: ignore[attr-defined]


def render_site(site: "Site") -> None:
    _new_pass(site)
    payload = site_payload(site)
    tracker = getattr(site, "regenerator", None)
    if tracker is not None:
        tracker.begin()
    prefetch = _start_prefetch(site, only=tracker.predicted if tracker is not None else None)
    site._prefetch = prefetch  # type: ignore[attr-defined]
    markdown = next((c for c in site.converters if isinstance(c, MarkdownConverter)), None)
    if markdown is not None:
        markdown.prefetch = prefetch
    progress = getattr(site, "progress", None)
    total = sum(len(c.docs) for c in site.collections.values()) + len(site.pages)
    done = 0
    try:
        for collection in site.collections.values():
            for doc in collection.docs:
                _render_item(site, doc, payload, tracker)
                done += 1
                if progress is not None:
                    progress(done, total)
        for page in site.pages:  # may grow while rendering (Sass source maps)
            _render_item(site, page, payload, tracker)
            done += 1
            if progress is not None:
                progress(done, max(total, done))
    finally:
        if tracker is not None:
            tracker.end_render()
        site._prefetch = None  # type: ignore[attr-defined]
        if markdown is not None:
            markdown.prefetch = None
        prefetch.close()
        _end_pass(site)


def _render_item(site: "Site", item: Any, payload: dict[str, Any], tracker: Any) -> None:
    """Render one page or document (or, when a dependency tracker says nothing it depends
    on changed, restore what it rendered to last time); hooks see what was rendered."""
    if tracker is None:
        item.output = run(site, item, payload)
    elif not tracker.render(item, payload, lambda: run(site, item, payload)):
        return
    for hook in getattr(site, "post_render_hooks", ()):
        hook(item)


def render_on_demand(site: "Site", target: Any) -> str:
    """Render ``target`` alone; documents it reads are rendered when first read (see
    :mod:`jekyllpy.site.render_page`)."""
    _new_pass(site)
    order = [d for c in site.collections.values() for d in c.docs] + list(site.pages)
    site._render_order = {id(item): i for i, item in enumerate(order)}  # type: ignore[attr-defined]
    site._render_position = site._render_order.get(id(target), len(order))  # type: ignore[attr-defined]
    set_up_as_build_would(site, order[:site._render_position])  # type: ignore[attr-defined]
    site._prefetch = getattr(site, "_prefetch", None)  # type: ignore[attr-defined]
    if site._prefetch is not None:  # type: ignore[attr-defined]
        # excerpts converted while the site was read (prefetch_while_reading)
        site._on_demand = ON_DEMAND_PREFETCH_AFTER  # type: ignore[attr-defined]
    elif _reads_excerpts(site, target):
        # A list of posts with their excerpts (a blog's home page): start converting the
        # excerpts in a second process at once, oldest first.
        site._on_demand = ON_DEMAND_PREFETCH_AFTER  # type: ignore[attr-defined]
        site._prefetch = _start_prefetch(site, pages=False,  # type: ignore[attr-defined]
                                         documents=False, from_the_end=False, chain=False)
    try:
        target.output = run(site, target, site_payload(site))
    finally:
        if site._prefetch is not None:  # type: ignore[attr-defined]
            site._prefetch.close()  # type: ignore[attr-defined]
            site._prefetch = None  # type: ignore[attr-defined]
        _end_pass(site)
    return target.output


def prefetch_while_reading(site: "Site", file: Path) -> None:
    """For render_page of ``file``, before the site is read: when the page looks like a
    list of posts with their excerpts (:func:`_file_reads_excerpts`) and the site has
    enough posts, each post's excerpt is sent to a second process as soon as the post is
    read (:class:`.prefetch.ExcerptStream`), so the other core converts excerpts while
    this one reads; posts are read newest first, the order the page lists them in.  The
    stream is ``site._prefetch``; the caller closes it (render_on_demand does) and sends
    the last batch (:func:`reading_done`)."""
    from ..site.document import Excerpt
    from .prefetch import MIN_FILES, ExcerptStream, _worker_count
    markdown = next((c for c in site.converters if isinstance(c, MarkdownConverter)), None)
    if markdown is None or _worker_count() < 1:
        return
    posts = site.source / str(site.config.get("collections_dir") or "") / "_posts"
    try:
        names = sorted(os.listdir(posts))
        if len(names) < MIN_FILES or not _file_reads_excerpts(site, file):
            return
        # Before converting, the worker loads the front matter of the posts from the
        # oldest on, which this process, reading newest first, comes to last, until the
        # two meet (what it finds loaded it takes, for exactly the same front matter text;
        # posts in subfolders, or not found, it loads itself)
        folder = os.fspath(posts)  # names joined as text: a Path each costs more
        stream = ExcerptStream(markdown.options(),
                               [os.path.join(folder, name) for name in names])
    except (OSError, ValueError):  # no posts folder, no fork, no process to be had
        return
    site._prefetch = stream  # type: ignore[attr-defined]
    site.front_matter_known = stream.take_front_matter

    def read(doc: Any) -> None:
        excerpt = doc.data.get("excerpt")
        if isinstance(excerpt, Excerpt) and _prefetchable(excerpt, markdown):
            stream.add(excerpt.content)

    site.post_read_hook = read
    # The page renders newest first (site.posts): reading newest first sends those
    # excerpts first, and the worker, which starts converting as soon as the first ones
    # arrive, keeps ahead of this process's rendering from start to end.
    site.read_posts_newest_first = True


def reading_done(site: "Site") -> None:
    """The site is read: the excerpts not sent yet go (see :func:`prefetch_while_reading`)."""
    site.post_read_hook = None
    site.read_posts_newest_first = False
    site.front_matter_known = None
    stream = getattr(site, "_prefetch", None)
    if stream is not None:
        stream.flush()


def _file_reads_excerpts(site: "Site", file: Path) -> bool:
    """:func:`_reads_excerpts` for a file before the site is read: its front matter and
    its layouts' are parsed here, quietly (a file that fails is read again, and
    reported, with the site); the layout from a page's defaults when it names none."""
    try:
        rel = file.relative_to(site.source).as_posix()
        content, data = _quiet_front_matter(file, rel)
    except Exception:
        return False
    texts = [content]
    name = data["layout"] if "layout" in data else site.defaults.all(rel, "pages").get(
        "layout")
    folders = [site.source / str(site.config.get("layouts_dir") or "_layouts")]
    if site.theme is not None and site.theme.layouts_path is not None:
        folders.append(site.theme.layouts_path)
    seen: set[str] = set()
    while isinstance(name, str) and name not in seen:
        seen.add(name)
        path = next((p for f in folders for p in sorted(f.glob(f"{name}.*"))
                     if p.is_file()), None)
        if path is None:
            break
        try:
            content, data = _quiet_front_matter(path, name)
        except Exception:
            break
        texts.append(content)
        name = data.get("layout")
    return any("excerpt" in t for t in texts)


def _quiet_front_matter(path: Path, rel: str) -> tuple[str, dict[str, Any]]:
    from ..site.front_matter import parse
    parsed = parse(path.read_bytes().decode("utf-8", "replace"), rel)
    return parsed.content or "", parsed.data if isinstance(parsed.data, dict) else {}


def _reads_excerpts(site: "Site", target: Any) -> bool:
    """Whether the target's text or its layouts mention ``excerpt`` (cheap and
    conservative: a miss only means the excerpts are converted as they are read)."""
    texts = [target.content or ""]
    name = target.data.get("layout")
    seen: set[str] = set()
    while isinstance(name, str) and name in site.layouts and name not in seen:
        seen.add(name)
        layout = site.layouts[name]
        texts.append(layout.content)
        name = layout.data.get("layout")
    return any("excerpt" in t for t in texts)


def ensure_rendered(doc: Any) -> None:
    """In on-demand rendering, render a document a template reads if a build would have
    rendered it already (it comes before the file being rendered)."""
    site = doc.site
    order = getattr(site, "_render_order", None)
    if order is None or doc.output is not None or getattr(doc, "_rendering", False):
        return
    position = order.get(id(doc))
    if position is None or position >= site._render_position:
        return
    doc._rendering = True
    note_on_demand_render(site)
    try:
        doc.output = run(site, doc, site_payload(site))
    finally:
        doc._rendering = False


def _start_prefetch(site: "Site", *, pages: bool = True, documents: bool = True,
                    from_the_end: bool = True, chain: bool = True,
                    only: Any = None) -> MarkdownPrefetch:
    """Hand the Markdown whose conversion input is already final (no Liquid to render) to
    a second process, in render order: documents, their excerpts, then pages (files
    already rendered are left out, and with ``only``, the items it refuses: those a
    dependency tracker expects to skip, with their excerpts)."""
    from ..site.document import Excerpt
    markdown = next((c for c in site.converters if isinstance(c, MarkdownConverter)), None)
    texts: list[tuple[Any, str, bool]] = []
    if markdown is not None:
        docs = [d for c in site.collections.values() for d in c.docs]
        if only is not None:
            docs = [d for d in docs if only(d)]
        excerpts = [d.data.get("excerpt") for d in docs]
        items = (docs if documents else []) + [e for e in excerpts if isinstance(e, Excerpt)]
        if pages:
            items += [p for p in site.pages if only is None or only(p)]
        for item in items:
            if _prefetchable(item, markdown):
                # an excerpt's HTML is often passed to markdownify again (SEO descriptions)
                texts.append((id(item), item.content, chain and isinstance(item, Excerpt)))
        if documents:
            # Titles and descriptions: what SEO tags and feeds pass to markdownify.
            for doc in docs:
                for key in ("title", "description"):
                    value = doc.data.get(key)
                    if isinstance(value, str) and value:
                        texts.append((None, value, False))
    return MarkdownPrefetch(markdown.options() if markdown is not None else {}, texts,
                            from_the_end=from_the_end)


def _prefetchable(item: Any, markdown: MarkdownConverter) -> bool:
    """Whether ``item``'s Markdown conversion input is final already: its own text (not
    rendered yet), no Liquid to render first."""
    return (item.output is None and markdown in item.converters and bool(item.content)
            and not item.render_with_liquid())


#: on-demand renders (render_page) after which the rest is handed to a second process
ON_DEMAND_PREFETCH_AFTER = 20


def note_on_demand_render(site: "Site") -> None:
    """Count files rendered on demand; a page that reads many (a list of every post's
    excerpt) gets the remaining conversions started in a second process, oldest first,
    while it works through them newest first."""
    if getattr(site, "_render_order", None) is None:
        return
    count = getattr(site, "_on_demand", 0) + 1
    site._on_demand = count  # type: ignore[attr-defined]
    if count == ON_DEMAND_PREFETCH_AFTER and getattr(site, "_prefetch", None) is None:
        site._prefetch = _start_prefetch(site, pages=False,  # type: ignore[attr-defined]
                                         documents=False, from_the_end=False, chain=False)


def render_standalone(site: "Site", item: Any) -> str:
    """Render with a fresh payload (how Jekyll renders an excerpt when it is asked for).
    Without Liquid to render and no layout to place it in (most excerpts), nothing reads
    the payload: the text is only converted."""
    if (_deps.active is None and getattr(site, "liquid_stats", None) is None
            and not item.place_in_layout() and not item.render_with_liquid()):
        output = item.content = convert(item, item.content or "")
        return output
    return run(site, item, site_payload(site))


#: site.document.Excerpt, imported when first needed (the site package imports this
#: module); an import statement run for every document costs more than it seems
_Excerpt: Any = None


def run(site: "Site", doc: Any, payload: dict[str, Any]) -> str:
    """``Renderer#run`` for a page, document or excerpt."""
    global _Excerpt
    if _Excerpt is None:
        from ..site.document import Excerpt as _Excerpt
    env = environment_for(site)
    if isinstance(doc, _Excerpt):
        payload["page"] = ExcerptDrop(doc)
    elif hasattr(doc, "snapshot_for_render"):
        payload["page"] = doc.snapshot_for_render()
    else:
        drop = doc.to_liquid()
        payload["page"] = drop.snapshot() if hasattr(drop, "snapshot") else drop
    pager = getattr(doc, "pager", None)
    payload["paginator"] = pager.to_liquid() if pager is not None else None
    payload["site"].current_document = doc
    payload["highlighter_prefix"] = ""
    payload["highlighter_suffix"] = ""
    layout_name = doc.data.get("layout")
    layout = site.layouts.get(layout_name) if isinstance(layout_name, str) else None
    tracker = _deps.active
    if tracker is not None:
        tracker.read_layout(layout_name, layout)
    if layout is not None:
        payload["layout"] = deep_merge(layout.data, payload["layout"] or {})

    output = doc.content or ""
    if doc.render_with_liquid():
        output = render_liquid(site, env, output, payload, doc.path, doc.relative_path,
                               keep=False)
    output = convert(doc, output)
    doc.content = output
    if doc.place_in_layout():
        output = place_in_layouts(site, env, doc, output, payload)
    return output


def convert(doc: Any, content: str) -> str:
    prefetch = getattr(doc.site if hasattr(doc, "site") else doc.doc.site, "_prefetch", None)
    for converter in doc.converters:
        if prefetch is not None and isinstance(converter, MarkdownConverter):
            done = prefetch.take(id(doc), content)
            if done is not None:
                converter.set_up()  # as its own first conversion would (site.kramdown)
                content = done
                continue
        try:
            content = converter.convert(content, doc)
        except Exception as exc:
            raise ConversionError(
                f"Conversion error: {type(converter).__name__} encountered an error while "
                f"converting '{doc.relative_path}': {exc}") from exc
    return content


class ConversionError(JekyllpyError):
    pass


def place_in_layouts(site: "Site", env: JekyllEnvironment, doc: Any, content: str,
                     payload: dict[str, Any]) -> str:
    name = doc.data.get("layout")
    layout = site.layouts.get(str(name) if name is not None else "")
    if name is not None and layout is None and site.config.get("quiet") is not True:
        site.warn(f"Build Warning: Layout '{name}' requested in {doc.relative_path} "
                  "does not exist.")
    used = {id(layout)}
    payload["layout"] = None
    output = content
    tracker = _deps.active
    if tracker is not None:
        tracker.entering_layouts()
        tracker.read_layout(name if name is None else str(name), layout)
    while layout is not None:
        payload["content"] = output
        payload["layout"] = deep_merge(layout.data, payload["layout"] or {})
        output = render_liquid(site, env, layout.content, payload, layout.path,
                               layout.relative_path.lstrip("/"))
        parent = layout.data.get("layout")
        layout = site.layouts.get(parent) if isinstance(parent, str) else None
        if tracker is not None:
            tracker.read_layout(parent, layout)
        if layout is None or id(layout) in used:
            break
        used.add(id(layout))
    return output


def render_liquid(site: "Site", env: JekyllEnvironment, content: str,
                  payload: dict[str, Any], path: Path, relative: str,
                  keep: bool = True) -> str:
    """Render ``content`` (the text of ``path``) with ``payload``.  Parsed templates are
    kept by path and text for layouts, which render again and again; a page's or
    document's own text (``keep=False``) renders once per build and is not kept."""
    key = (str(path), content)
    cache = site._templates  # type: ignore[attr-defined]
    template = cache.get(key)
    try:
        if template is None:
            template = env.from_string(content, name=relative, path=str(path))
            if keep:
                cache[key] = template
        stats = getattr(site, "liquid_stats", None)
        if stats is None:
            return template.render(**payload)
        out: list[str] = []
        with stats.measure(path, out):
            out.append(template.render(**payload))
        return out[0]
    except JekyllpyError:
        raise
    except Exception as exc:  # Liquid errors, and errors raised by filters and tags
        raise LiquidRenderError(relative, exc, path, content) from exc
