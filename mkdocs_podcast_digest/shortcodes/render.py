"""HTML for embeds: click-to-load facade, direct iframe, self-hosted audio, and the "unavailable" note.

Every value is escaped here (markupsafe.escape), whatever the caller validated. The root element is a
`<div>` when the embed stands as a block, else a `<span>` (styled as a block) so that an embed written
in the middle of a paragraph still gives valid markup; everything inside is phrasing content.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from .specs import Embed

__all__ = ["DEFAULT_TEXTS", "render_embed", "render_unavailable"]

#: Reader-facing words, overridable (the plugin passes them in the site's language). Placeholders
#: are filled with escaped values; the templates themselves are escaped too.
DEFAULT_TEXTS: dict[str, str] = {
    "Watch": "Watch",
    "Listen": "Listen",
    "View": "View",
    "Download": "Download",
    "Open": "Open",
    "link": "{verb} on {provider}: {title}",
    "link_untitled": "{verb} on {provider}",
    "download": "Download: {title} ({ext})",
    "play": "Play: {title} on {provider}",
    "play_untitled": "Play {title}",
    "show": "Show: {title} on {provider}",  # a facade's name for what is read, not played (X)
    "show_untitled": "Show {title}",
    "click_to_load": "Click to load from {host}",
    "post_by": "Post by @{user}",  # an X post's title when the writer gives none
    "unavailable": "Embed unavailable ({name})",
    "details": "Details",  # the summary of Hugo's `details` shortcode when none is given
}


def _text(texts: dict[str, str] | None, key: str, **values: object) -> Markup:
    # str.format over values escaped first: the same result as Markup.format, at C speed.
    template = (texts or {}).get(key) or DEFAULT_TEXTS[key]
    return Markup(str(escape(template)).format(**{k: escape(v) for k, v in values.items()}))


def _title(embed: Embed, texts: dict[str, str] | None) -> str:
    """The writer's title, or the generic one ("YouTube video") in the reader's language."""
    if embed.titled:
        return embed.title
    if embed.title_user:
        return ((texts or {}).get("post_by") or DEFAULT_TEXTS["post_by"]).format(user=embed.title_user)
    return (texts or {}).get(embed.title, embed.title)


def _attrs(**attrs: str | bool | None) -> Markup:
    """` key="value"` pairs; True gives a bare attribute, False/None/"" drop it; `_` in keys becomes `-`."""
    out = []
    for key, value in attrs.items():
        name = key.rstrip("_").replace("_", "-")
        if value is True:
            out.append(f" {name}")
        elif value:
            out.append(f' {name}="{escape(value)}"')
    return Markup("".join(out))


def _root_class(embed: Embed) -> str:
    classes = ["pd-embed", f"pd-embed--{embed.provider}"]
    if embed.kind != embed.provider:
        classes.append(f"pd-embed--{embed.kind}")
    if embed.variant:
        classes.append(f"pd-embed--{embed.variant}")
    if embed.css_class:
        classes.append(embed.css_class)
    return " ".join(classes)


def _link(embed: Embed, texts: dict[str, str] | None) -> Markup:
    title = _title(embed, texts)
    verb = (texts or {}).get(embed.verb) or DEFAULT_TEXTS.get(embed.verb, embed.verb)
    if embed.provider == "audio":
        ext = embed.href.split("?")[0].rsplit(".", 1)[-1].upper()
        text = _text(texts, "download", title=title, ext=ext)
    elif embed.titled:
        text = _text(texts, "link", verb=verb, provider=embed.label, title=title)
    else:
        text = _text(texts, "link_untitled", verb=verb, provider=embed.label)
    return Markup(f'<a class="pd-embed__link"{_attrs(href=embed.href)}>{text}</a>')


def render_embed(
    embed: Embed, mode: str = "facade", block: bool = True, texts: dict[str, str] | None = None
) -> str:
    """HTML of one embed. `mode` is "facade" (click to load) or "iframe"."""
    tag = "div" if block else "span"
    title = _title(embed, texts)
    root = _attrs(class_=_root_class(embed), data_pd_provider=embed.provider)
    if embed.provider == "audio":
        # Self-hosted: nothing to protect against, and preload="none" fetches nothing before "play".
        frame = Markup(
            f'<audio class="pd-embed__audio" controls preload="none"{_attrs(title=title)}>'
            f"<source{_attrs(src=embed.src, type=embed.audio_type)}></audio>"
        )
    elif mode == "iframe":
        attrs = _attrs(
            src=embed.src,
            title=title,
            loading=embed.loading,
            referrerpolicy="strict-origin-when-cross-origin",
            allow=embed.allow,
            sandbox=embed.sandbox,
            allowfullscreen=embed.fullscreen,
        )
        frame = Markup(
            f'<span class="pd-embed__frame"><iframe class="pd-embed__iframe"{attrs}></iframe></span>'
        )
    else:
        note = _text(texts, "click_to_load", host=embed.host)
        verb = "show" if embed.kind == "post" else "play"  # a post on X is read, not played
        play = (
            _text(texts, verb, title=title, provider=embed.label)
            if embed.titled
            else _text(texts, f"{verb}_untitled", title=title)
        )
        attrs = _attrs(
            # The name says what the button shows, its privacy note included: who the click
            # loads from is what a listener decides by, seen or not.
            aria_label=Markup("{} — {}").format(play, note),
            data_pd_src=embed.facade_src or embed.src,
            data_pd_title=title,
            data_pd_allow=embed.allow,
            data_pd_sandbox=embed.sandbox,
            data_pd_fullscreen=embed.fullscreen,
        )
        # data-search-exclude: Material's search leaves out the button's words ("click to load
        # from www.youtube-nocookie.com"), or a search for "YouTube" finds every post with a video.
        # On the button: Material's parser tells elements apart by tag only, so on the outer span
        # the first inner </span> would end the exclusion.
        frame = Markup(
            '<span class="pd-embed__frame">'
            f'<button type="button" class="pd-embed__facade" data-search-exclude{attrs}>'
            '<span class="pd-embed__play" aria-hidden="true"></span>'
            f'<span class="pd-embed__provider">{escape(embed.label)}</span>'
            f'<span class="pd-embed__title">{escape(title)}</span>'
            f'<span class="pd-embed__note">{note}</span>'
            "</button></span>"
        )
    # Every piece above is escaped Markup or a literal: plain concatenation is safe.
    return f"<{tag}{root}>{frame}{_link(embed, texts)}</{tag}>"


def render_unavailable(name: str, block: bool = True, texts: dict[str, str] | None = None) -> str:
    """The visible note shown instead of an embed whose arguments were rejected."""
    tag = "div" if block else "span"
    text = _text(texts, "unavailable", name=name)
    return (
        f'<{tag} class="pd-embed pd-embed--unavailable" role="note"><span class="pd-embed__error">'
        f"{text}</span></{tag}>"
    )
