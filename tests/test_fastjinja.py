"""The package's templates compiled to Python print exactly what Jinja prints from them, and
anything the compiler does not know is left to Jinja."""

from __future__ import annotations

import os
import re

import jinja2
import markupsafe
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_podcast_digest import fastjinja
from mkdocs_podcast_digest.render import TEMPLATES_DIR, Renderer, View, _Environment, _escape

NAMES = sorted(n[: -len(".html")] for n in os.listdir(os.path.join(TEMPLATES_DIR, "podcast_digest")))


def _stock(loader: jinja2.BaseLoader) -> jinja2.Environment:
    return jinja2.Environment(loader=loader, autoescape=True)


def _compile(source: str, env: jinja2.Environment | None = None):
    return fastjinja.compile_template(env or _Environment(jinja2.DictLoader({})), source, "t.html", _escape)


def _both(source: str, **context) -> tuple[str, str]:
    """(the compiled template's output, stock Jinja's), for a template using only what compiles."""
    compiled = _compile(source)
    assert compiled is not None, source
    return compiled(context, None), _stock(jinja2.DictLoader({})).from_string(source).render(**context)


def test_every_template_of_the_package_compiles():
    """One that stops compiling (a filter or `loop` added to it) would still work, through Jinja,
    only slower: this says so."""
    env = _Environment(jinja2.FileSystemLoader(TEMPLATES_DIR))
    for name in NAMES:
        source, filename, _ = env.loader.get_source(env, f"podcast_digest/{name}.html")
        assert fastjinja.compile_template(env, source, filename, _escape) is not None, name


@pytest.mark.parametrize(
    "source",
    [
        "{{ x | upper }}",
        "{% for i in xs %}{{ loop.index }}{% endfor %}",
        "{% set y = 1 %}{{ y }}",
        "{% macro m() %}x{% endmacro %}{{ m() }}",
        "{{ x[0] }}",
        "{{ x ~ y }}",
        "{% if x is defined %}1{% endif %}",
        "{% include name %}",
        "{% include 'a.html' ignore missing %}",
        "{% for a, b in xs %}{{ a }}{% endfor %}",
        "{% for i in xs if i %}{{ i }}{% endfor %}",
        "{% autoescape false %}{{ x }}{% endautoescape %}",
        "{{ f(*xs) }}",
        "{{ [1, 2] }}",
        "{{ x + 1 }}",
        "{% extends 'base.html' %}",
        "{% raw %}{{ x }}{% endraw %}{{ x | e }}",
    ],
)
def test_what_the_compiler_does_not_know_is_left_to_jinja(source):
    assert _compile(source) is None


def test_nor_does_it_compile_for_an_environment_that_prints_otherwise():
    assert _compile("{{ x }}", jinja2.Environment(autoescape=False)) is None
    assert _compile("{{ x }}", jinja2.Environment(autoescape=True, finalize=lambda v: v)) is None


def test_what_it_compiles_prints_as_jinja_does():
    source = (
        "{#- note -#}\n<p>{{ a.b }}|{{ 'x' if c }}|{{ 'y' if not c else z }}|{{ n == 1 and m or k }}</p>\n"
        "{% if a.b %}one{% elif c %}two{% else %}three{% endif %}  \n"
        "{%- for x in xs %}[{{ x.name }}{% for y in x.ys %}({{ y }}{{ x.name }}){% endfor %}]{% else %}none{% endfor %}"
        "{{ x }}|{{ f.format(n=n, total=3) }}|{{ x in '<out>' }}{{ n not in 'x' if false else n > 0 }}|{{ none }}|{{ true }}|{{ 2.5 }}"
    )
    for c in (True, False, "", None):
        for xs in ([], [View(name="<a&b>", ys=["'", markupsafe.Markup("<i>")])], [View(name="", ys=[])]):
            context = dict(
                a=View(b='"q"'), c=c, z=markupsafe.Markup("<b>z</b>"), n=1, m=0, k=None, xs=xs, x="<out>",
                f="{n}/{total} <",
            )
            ours, jinjas = _both(source, **context)
            assert ours == jinjas, (c, xs)


def test_a_loop_variable_hides_a_value_of_the_same_name_only_inside_the_loop():
    ours, jinjas = _both("{{ x }}{% for x in xs %}{{ x }}{% endfor %}{{ x }}", x="out", xs=["in1", "in2"])
    assert ours == jinjas == "outin1in2out"


def test_a_value_read_otherwise_than_by_attribute_makes_the_caller_ask_jinja():
    """A dict, a missing key or a function wanting Jinja's context: the compiled function raises,
    and ``Renderer`` renders that one with Jinja (Undefined, item lookup, the context)."""
    compiled = _compile("{{ a.b }}")
    for context in ({"a": {"b": "item"}}, {"a": View()}, {}):
        with pytest.raises(Exception):  # noqa: B017 (which one does not matter: Jinja decides)
            compiled(context, None)

    @jinja2.pass_context
    def name(context):
        return context["who"]

    with pytest.raises(fastjinja.Fallback):
        _compile("{{ f() }}")({"f": name}, None)


def test_the_renderer_falls_back_to_jinja_where_the_compiled_template_cannot_read_a_value(tmp_path):
    (tmp_path / "podcast_digest").mkdir()
    renderer = Renderer(jinja2.FileSystemLoader(TEMPLATES_DIR), {"related": "Related", "draft": "Draft"})
    items = [{"title": "<dict>", "url": "../x/", "date": ""}, View(title="v", url="../v/", date="")]
    expected = _stock(jinja2.FileSystemLoader(TEMPLATES_DIR)).get_template("podcast_digest/related.html")
    labels = View(related="Related", draft="Draft")
    assert renderer.render("related", items=items) == expected.render(items=items, labels=labels, labels_html=labels)
    assert "&lt;dict&gt;" in renderer.render("related", items=items)


def test_a_theme_copy_is_rendered_by_jinja_and_included_by_a_compiled_template(tmp_path):
    """The theme's `pager.html` in a listing of ours: the compiled listing includes the theme's."""
    (tmp_path / "podcast_digest").mkdir()
    (tmp_path / "podcast_digest" / "pager.html").write_text(
        "<nav class='mine'>{{ pager.page_no }}/{{ pager.page_count }}{{ loop_free | default('-') }}</nav>"
    )
    loader = jinja2.FileSystemLoader([str(tmp_path), TEMPLATES_DIR])
    renderer = Renderer(loader, {"posts": "Posts", "no_posts": "None", "page_of": "{n}/{total}"})
    assert renderer._compiled("pager") is None and renderer._compiled("listing") is not None
    listing = View(kind="tag", ordered=False, page_no=2, page_count=3, profile=False)
    pager = View(page_no=2, page_count=3)
    html = renderer._list(listing, [markupsafe.Markup("<li>a</li>")], pager)
    assert "<nav class='mine'>2/3-</nav>" in html
    labels = View(posts="Posts", no_posts="None", page_of="{n}/{total}")
    stock = _stock(loader).get_template("podcast_digest/listing.html").render(
        listing=listing, items=["<li>a</li>"], items_html=markupsafe.Markup("<li>a</li>"), pager=pager,
        info=None, labels=labels, labels_html=labels,
    )
    assert html == stock


# --- every template, over generated values ----------------------------------------------------

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=8) | st.sampled_from(
    ["<script>alert(1)</script>", "a & b", "\"'", "", "0"]
)
LEAF = TEXT | TEXT.map(markupsafe.Markup) | st.none() | st.booleans() | st.integers(-2, 3)


class Shape:
    """What one package template reads: its context's names, the attributes it prints or tests,
    those it loops over and those it reads an attribute of."""

    def __init__(self, name: str):
        with open(os.path.join(TEMPLATES_DIR, "podcast_digest", f"{name}.html"), encoding="utf-8") as f:
            tree = jinja2.Environment().parse(f.read())
        names = list(tree.find_all(jinja2.nodes.Name))
        self.context = sorted({n.name for n in names if n.ctx == "load"} - {n.name for n in names if n.ctx == "store"})
        self.attrs = sorted({n.attr for n in tree.find_all(jinja2.nodes.Getattr)} - {"format"})
        loops = tree.find_all(jinja2.nodes.For)
        self.lists = {getattr(loop.iter, "attr", None) or loop.iter.name for loop in loops}
        getattrs = tree.find_all(jinja2.nodes.Getattr)
        self.objects = {n.node.attr for n in getattrs if isinstance(n.node, jinja2.nodes.Getattr)} - self.lists

    def value(self, key: str, depth: int = 2) -> st.SearchStrategy:
        """A value as the plugin passes it (a list where the template loops, a View where it reads
        attributes), with any leaf at the ends."""
        if key in self.lists:
            return st.lists(self.view(depth - 1), max_size=2) if depth else st.just([])
        if key in self.objects or (key in self.context and key not in ("title", "lang", "target", "target_js")):
            return self.view(depth - 1) if depth else st.none()
        return LEAF

    def view(self, depth: int) -> st.SearchStrategy:
        return st.fixed_dictionaries({a: self.value(a, depth) for a in self.attrs}).map(lambda d: View(**d))

    def well_formed(self, key: str, depth: int = 2):
        if key in self.lists:
            return [self.well_formed("", depth - 1)] if depth > 0 else []
        if key and key not in self.objects and key not in self.context:
            return 1 if key.startswith("page") else f"<{key}>"
        return View(**{a: self.well_formed(a, depth - 1) for a in self.attrs}) if depth >= 0 else None


SHAPES = {name: Shape(name) for name in NAMES}
LABELS = {
    "tags": "Tags <&>",
    "series": "Series",
    "related": "Related",
    "draft": "Draft",
    "published": "Published",
    "source": "Source",
    "current": "you are here",
    "previous": "Previous",
    "next": "Next",
    "newer": "Newer",
    "older": "Older",
    "posts": "Posts",
    "no_posts": "No posts",
    "page_of": "Page {n} of {total}",
    "redirect": "Moved to",
    "sort_by_count": "By count",
    "sort_by_name": "By name",
}


def _outcome(render) -> str | type[Exception]:
    try:  # (a method printed, `"text".title`: its address differs between any two renders)
        return re.sub(r" at 0x[0-9a-f]+", "", render())
    except Exception as error:  # what Jinja raises on such values (iterating None), ours must too
        return type(error)


def _check(name: str, context: dict, compiled_only: bool = False) -> None:
    renderer = Renderer(jinja2.FileSystemLoader(TEMPLATES_DIR), LABELS, languages={"posts": "en"})
    stock = _stock(jinja2.FileSystemLoader(TEMPLATES_DIR)).get_template(f"podcast_digest/{name}.html")
    full = {**context, "labels": renderer._labels, "labels_html": renderer._labels_html}
    ours = _outcome(lambda: renderer.render(name, **context))
    assert ours == _outcome(lambda: stock.render(full)), name
    if compiled_only:  # the compiled function printed it, not Jinja after it
        assert renderer._fast[name](full, renderer._include) == ours, name


@pytest.mark.parametrize("name", NAMES)
def test_each_template_prints_what_jinja_prints_from_values_as_the_plugin_makes_them(name):
    shape = SHAPES[name]
    _check(name, {key: shape.well_formed(key) for key in shape.context if not key.startswith("labels")}, True)


@pytest.mark.parametrize("name", NAMES)
@settings(deadline=None, max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_each_template_prints_what_jinja_prints_from_any_values(name, data):
    """Hostile text, Markup, None, numbers, missing and mistyped values in every template: the
    renderer (compiled, or Jinja where the compiled function cannot read a value) gives what
    stock Jinja gives, or fails where it fails."""
    shape = SHAPES[name]
    context = {}
    for key in shape.context:
        if not key.startswith("labels"):
            context[key] = data.draw(shape.value(key) | LEAF | st.lists(LEAF, max_size=2), label=key)
    _check(name, context)


def test_a_site_whose_theme_overrides_nothing_never_needs_jinja_for_a_fragment(make_site, monkeypatch):
    """Every fragment of a site using every kind (series, terms, related posts, profiles with a
    photo and links, pagers, the terms index, redirect pages): printed by the compiled functions
    alone. (Jinja loads a template only where a compiled one fails.)"""

    def no_jinja(self, name):
        raise AssertionError(f"{name} was rendered by Jinja")

    monkeypatch.setattr(Renderer, "_load", no_jinja)
    post = (
        "---\ntitle: Part {n} <b>\ndate: 2026-01-0{n}\ntags: [GPU, 推論]\nrelated_people: [ada]\n"
        "series: [S]\nseries_order: {n}\naliases: [/old/{n}/]\nsource_name: Pod\nsource_url: https://x.example/\n"
        "---\nText {n}.\n"
    )
    people = "ada:\n  name: Ada\n  photo: https://x.example/a.png\n  links:\n    - {name: Site, url: 'https://a.example/'}\n"
    docs = {f"posts/p{n}.md": post.format(n=n) for n in range(1, 6)}
    site = make_site(docs, config={"plugins": [{"podcast-digest": {"page_size": 2}}]}, extra={"data/people.yml": people})
    assert 'class="pd-pager"' in site.html("tags/gpu/") and 'class="pd-profile__photo"' in site.html("people/ada/")
    assert 'class="pd-series"' in site.html("posts/p2/") and 'class="pd-related"' in site.html("posts/p2/")
    assert 'class="pd-terms' in site.html("tags/") and "location.replace" in site.html("old/1/")
