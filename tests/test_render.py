"""The fragment renderer's Jinja environment prints exactly what a stock autoescaping Jinja
environment prints, whatever the values and whatever a theme's override of a template does."""

from __future__ import annotations

import jinja2
import markupsafe
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from mkdocs_podcast_digest.render import TEMPLATES_DIR, Renderer, View, _escape, _escape_in_python

#: A template using what an override might: every kind of printed value, filters, macros and
#: `caller`, `{% set %}` and `{% filter %}` blocks, `~`, includes, loops, `| safe`, autoescape off.
OVERRIDE = """\
{%- macro chip(name, url) -%}<a href="{{ url }}">{{ name }}{{ caller() if caller }}</a>{%- endmacro -%}
<p title="{{ item.title }}">{{ item.title }}|{{ item.count }}|{{ item.none }}|{{ item.missing }}|{{ item.markup }}</p>
{{ item.title | upper }}|{{ item.title | e }}|{{ item.title ~ "<&>" }}|{{ item.markup ~ item.title }}
{{ item.title | safe }}|{{ item.markup | striptags }}|{{ "%s<%s" | format(item.title, item.count) }}
{{ chip(item.title, item.url) }}{% call chip(item.title, item.url) %}<i>{{ item.title }}</i>{% endcall %}
{% set block %}<b>{{ item.title }}</b>{% endset %}{{ block }}|{{ block | length }}|{{ block ~ item.title }}
{% filter upper %}<em>{{ item.title }}</em>{% endfilter %}
{% for t in item.terms %}{{ loop.index }}:{{ t }}{{ "," if not loop.last }}{% endfor %}|{{ item.terms | join(", ") }}
{% include "podcast_digest/inner.html" %}
{% autoescape false %}{{ item.title }}{% endautoescape %}|{{ labels.related }}|{{ item["title"] }}
"""
INNER = "<span>{{ item.title }}{{ item.markup }}</span>"

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)


def _templates() -> dict[str, str]:
    return {"podcast_digest/related.html": OVERRIDE, "podcast_digest/inner.html": INNER}


def _stock(context: dict) -> str:
    env = jinja2.Environment(loader=jinja2.DictLoader(_templates()), autoescape=True)
    return env.get_template("podcast_digest/related.html").render(**context)


@settings(deadline=None)  # no timing in tests: a loaded machine is slow, not wrong
@given(TEXT)
@example("<script>alert('x') & \"y\"</script>")
@example("&amp; &#39; &#34; &lt;")
def test_escape_is_markupsafes(text):
    assert _escape(text) == str(markupsafe.escape(text))
    assert type(_escape(text)) is str
    assert _escape_in_python(text) == str(markupsafe.escape(text))  # without MarkupSafe 3's C loop
    for other in (markupsafe.Markup(text), 3, None, 2.5):
        assert _escape(other) == markupsafe.escape(other)


@settings(deadline=None)
@given(TEXT, TEXT, st.lists(TEXT, max_size=3))
@example("<x-canary>", "<i>fine</i>", ["a & b", "'\""])
def test_override_renders_as_in_stock_jinja(title, markup, terms):
    item = View(title=title, url=f"../{title}/", count=3, none=None, markup=markupsafe.Markup(markup), terms=terms)
    renderer = Renderer(jinja2.DictLoader(_templates()), {"related": "Related <posts>"})
    ours = renderer.render("related", item=item)
    assert ours == _stock({"item": item, "labels": View(related="Related <posts>")})


# --- a theme's copy of a template that is broken ------------------------------------------------

POSTS = {
    f"posts/p{n}.md": f"---\ntitle: Part {n}\ndate: 2026-01-0{n}\ntags: [GPU]\nseries: [S]\nseries_order: {n}\n---\nText {n}.\n"
    for n in (1, 2, 3)
}
OVERRIDES = {"theme": {"name": "mkdocs", "custom_dir": "overrides"}}


def warnings(site) -> list[str]:
    return [w.removeprefix("mkdocs_podcast_digest: ") for w in site.warnings]


def test_a_theme_template_that_does_not_compile_is_named_and_ours_used(make_site, strict_fails):
    broken = {"overrides/podcast_digest/post_terms.html": "<nav>\n{% for g in groups %}{{ g.label }</nav>\n"}
    site = make_site(POSTS, config=OVERRIDES, extra=broken)
    assert warnings(site) == [
        "overrides/podcast_digest/post_terms.html:2: unexpected '}'; the plugin's own "
        "podcast_digest/post_terms.html was used instead. Fix the template in your theme's "
        "custom_dir, or remove it."
    ]  # once, not once per post
    assert '<nav class="pd-post-terms"' in site.html("posts/p2/")  # nothing lost
    strict_fails(POSTS, config=OVERRIDES, extra=broken)


def test_a_theme_template_that_cannot_be_read_is_named_and_ours_used(make_site):
    site = make_site(POSTS, config=OVERRIDES, extra={"overrides/podcast_digest/related.html": b"<nav>\xff\xfe</nav>"})
    assert warnings(site) == [
        "overrides/podcast_digest/related.html: the theme's copy is not valid UTF-8 (byte 5); re-save it as UTF-8; "
        "the plugin's own podcast_digest/related.html was used instead. Fix the template in your theme's "
        "custom_dir, or remove it."
    ]
    assert 'class="pd-related"' in site.html("posts/p1/")


def test_a_theme_template_failing_on_some_pages_gives_those_pages_ours(make_site):
    failing = {
        "overrides/podcast_digest/series_box.html": (
            "{% for s in series %}<p class=\"mine\">{{ s.part_label }}</p>\n"
            "{% if s.position > 1 %}{{ s.name.nope() }}{% endif %}{% endfor %}"
        ),
        "overrides/podcast_digest/related.html": '{% include "podcast_digest/missing.html" %}',
    }
    site = make_site(POSTS, config=OVERRIDES, extra=failing)
    assert '<p class="mine">Part 1 of 3</p>' in site.html("posts/p1/")
    for page in ("posts/p2/", "posts/p3/"):
        assert 'class="mine"' not in site.html(page) and '<nav class="pd-series"' in site.html(page)
    assert sorted(warnings(site)) == [
        "overrides/podcast_digest/related.html:1: it includes 'podcast_digest/missing.html', which none "
        "of the theme's folders has; the plugin's own "
        "podcast_digest/related.html was used instead. Fix the template in your theme's custom_dir, "
        "or remove it.",
        "overrides/podcast_digest/series_box.html:2: 'str object' has no attribute 'nope'; the "
        "plugin's own podcast_digest/series_box.html was used instead. Fix the template in your "
        "theme's custom_dir, or remove it.",
    ]
    assert 'class="pd-related"' in site.html("posts/p1/")


def test_the_plugins_own_template_failing_is_an_error_not_a_warning():
    warned: list[str] = []
    renderer = Renderer(jinja2.FileSystemLoader(TEMPLATES_DIR), {"series": "Series"}, on_warning=warned.append)
    with pytest.raises(TypeError):
        renderer.render("series_box", series=5)  # a bug of ours shows; it is not blamed on a theme
    assert warned == []
