"""Series navigation: the box on each part, the series pages, labels per language."""

from __future__ import annotations

import re

import pytest
from conftest import with_infos


def part(title, date, series, order=None, draft=False):
    lines = [f'title: "{title}"', f"date: {date}", f"series: {series}"]
    if order is not None:
        lines.append(f"series_order: {order}")
    if draft:
        lines.append("draft: true")
    return "---\n" + "\n".join(lines) + "\n---\nText of " + title + "\n"


FOUR = {
    "posts/p1.md": part("Part One", "2026-02-02T10:00:00+08:00", '"Podcast #490"', 1),
    "posts/p2.md": part("Part Two", "2026-02-02T10:00:00+08:00", '"Podcast #490"', 2),
    "posts/p3.md": part("Part Three", "2026-02-02T10:00:00+08:00", '"Podcast #490"', 3),
    "posts/p4.md": part("Part Four", "2026-02-02T10:00:00+08:00", '"Podcast #490"', 4),
    "posts/other.md": part("Lonely", "2026-02-03", '"Solo"', 1),
}


def series_box(html: str) -> str:
    m = re.search(r'<nav class="pd-series".*?</nav>', html, re.S)
    assert m, "no series box"
    return m.group(0)


@pytest.mark.parametrize("theme", ["mkdocs", "readthedocs", "material"])
def test_series_box_in_every_theme(make_site, theme):
    site = make_site(FOUR, config={"theme": {"name": theme}}, strict=True)
    box = series_box(site.html("posts/p2/"))
    assert "Part 2 of 4" in box
    assert '<a class="pd-series__name" href="../../series/podcast-490/">Podcast #490</a>' in box
    # every part listed in order, the current one marked and not a link
    assert [t for t in re.findall(r"Part (One|Two|Three|Four)", box)][:4] == ["One", "Two", "Three", "Four"]
    assert '<li class="pd-series__part pd-series__part--current" aria-current="page"><strong>Part Two</strong>' in box
    assert 'href="../p1/">Part One</a>' in box and 'href="../p2/"' not in box.split("pd-series__pager")[0]
    assert 'rel="prev" href="../p1/">← Previous: Part One</a>' in box
    assert 'rel="next" href="../p3/">Next: Part Three →</a>' in box


def test_first_and_last_parts_have_one_neighbour(make_site):
    site = make_site(FOUR)
    first, last = series_box(site.html("posts/p1/")), series_box(site.html("posts/p4/"))
    assert 'rel="prev"' not in first and 'rel="next"' in first
    assert 'rel="next"' not in last and 'rel="prev"' in last


def test_single_part_series_has_no_box_but_has_a_page(make_site):
    site = make_site(FOUR)
    assert "pd-series" not in site.html("posts/other/")
    assert site.exists("series/solo/")


def test_series_page_lists_parts_in_order_and_index_counts(make_site):
    site = make_site(FOUR)
    page = site.html("series/podcast-490/")
    assert page.index("Part One") < page.index("Part Two") < page.index("Part Three") < page.index("Part Four")
    assert "pd-listing--ordered" in page
    index = site.html("series/")
    assert re.search(r'href="podcast-490/"[^>]*>Podcast #490 <span class="pd-chip__count" aria-hidden="true">4</span><span class="pd-hidden"> 4 posts</span>', index)


def mixed_parts():
    docs = {
        "posts/a.md": part("Unnumbered late", "2026-03-01", "S"),
        "posts/b.md": part("Unnumbered early", "2026-01-01", "S"),
        "posts/c.md": part("Second", "2026-05-01", "S", 2),
        "posts/d.md": part("First", "2026-06-01", "S", 1),
    }
    return docs


def test_mixed_order(make_site):
    site = make_site(mixed_parts())
    box = series_box(site.html("posts/a/"))
    order = re.findall(r"(First|Second|Unnumbered early|Unnumbered late)", box)
    assert order[:4] == ["First", "Second", "Unnumbered early", "Unnumbered late"]
    assert "Part 4 of 4" in box


def test_post_in_two_series_gets_two_boxes(make_site):
    docs = {
        "posts/x.md": part("Shared", "2026-01-02", '["A", "B"]', 2),
        "posts/a1.md": part("A one", "2026-01-01", "A", 1),
        "posts/b1.md": part("B one", "2026-01-01", "B", 1),
        "posts/b3.md": part("B three", "2026-01-03", "B", 3),
    }
    site = make_site(docs)
    html = site.html("posts/x/")
    boxes = re.findall(r'<nav class="pd-series".*?</nav>', html, re.S)
    assert len(boxes) == 2
    assert "Part 2 of 2" in boxes[0] and "Part 2 of 3" in boxes[1]


@pytest.mark.parametrize(
    "language, expected, prev",
    [
        ("en", "Part 2 of 4", "Previous"),
        ("zh-TW", "第 2 篇，共 4 篇", "上一篇"),
        ("zh_Hant", "第 2 篇，共 4 篇", "上一篇"),
        ("zh-CN", "第 2 篇，共 4 篇", "上一篇"),
        ("ja", "全4回中の第2回", "前へ"),
    ],
)
def test_labels_follow_the_site_language(make_site, language, expected, prev):
    site = make_site(FOUR, config={"plugins": [{"podcast-digest": {"language": language}}]})
    box = series_box(site.html("posts/p2/"))
    assert expected in box and prev in box


def test_labels_follow_theme_language_and_can_be_overridden(make_site):
    site = make_site(FOUR, config={"theme": {"name": "material", "language": "zh-TW"}})
    assert "第 2 篇，共 4 篇" in series_box(site.html("posts/p2/"))
    site = make_site(FOUR, config={"plugins": [{"podcast-digest": {"labels": {"part_of": "Episode {n}/{total}"}}}]})
    assert "Episode 2/4" in series_box(site.html("posts/p2/"))


def test_labels_in_another_language_than_the_page_say_which(make_site):
    """A French site gets the English labels (the plugin has no French ones): each is marked
    lang="en", so a screen reader reads it as English (WCAG 3.1.2); a label the writer wrote is
    in the page's language and is not."""
    site = make_site(
        FOUR,
        config={
            "theme": {"name": "mkdocs", "locale": "fr"},
            "plugins": [{"podcast-digest": {"labels": {"previous": "Précédent"}}}],
        },
    )
    page = site.html("posts/p2/")
    assert '<html lang="fr"' in page
    box = series_box(page)
    assert '<span class="pd-series__kicker"><span lang="en">Series</span></span>' in box
    assert '<span lang="en">Part 2 of 4</span>' in box
    assert '<span lang="en">Next</span>: Part Three' in box
    assert "← Précédent: Part One" in box  # the writer's own label
    assert '<span lang="en">Related posts</span>' in page
    assert '<span lang="en">1 min read</span>' in page
    assert '<span lang="en">Published</span> <time' in page
    assert '<span lang="en">Series</span>:</span>' in page  # the post's term groups
    assert 'aria-label="Series: Podcast #490"' in box  # attributes stay text
    index = site.html("series/")
    assert '<span class="pd-hidden"> <span lang="en">4 posts</span></span>' in index
    assert '<span lang="en">Sort by count</span>' in index


def test_a_themes_own_template_keeps_the_labels_as_text(make_site):
    # A copy written before labels_html may print a label in an attribute: it stays text there.
    site = make_site(
        FOUR,
        config={"theme": {"name": "mkdocs", "locale": "fr", "custom_dir": "overrides"}},
        extra={
            "overrides/podcast_digest/series_box.html": (
                '{% for s in series %}<nav class="pd-series" title="{{ s.part_label }}, {{ labels.series }}">'
                "{{ labels.next }}</nav>{% endfor %}"
            ),
        },
    )
    assert '<nav class="pd-series" title="Part 2 of 4, Series">Next</nav>' in site.html("posts/p2/")


@pytest.mark.parametrize(
    "theme",
    [{"name": "mkdocs", "locale": "en"}, {"name": "material", "language": "zh-TW"}, {"name": "mkdocs", "locale": "zh_TW"}],
)
def test_labels_in_the_pages_language_are_not_marked(make_site, theme):
    site = make_site(FOUR, config={"theme": theme})
    for page in ("posts/p2/", "series/", "posts/"):
        assert '<span lang="' not in site.html(page), (theme, page)


def test_labels_are_marked_against_the_language_the_page_is_in(make_site):
    """MkDocs' own themes print ``theme.locale`` as the page's language; with a ``language`` there
    (Material's option) the labels are in that language, so marked as such on the page."""
    site = make_site(FOUR, config={"theme": {"name": "mkdocs", "language": "zh-TW"}})
    html = site.html("posts/p2/")
    assert '<html lang="en"' in html
    assert '<span lang="zh-Hant">第 2 篇，共 4 篇</span>' in series_box(html)
    site = make_site(FOUR, config={"theme": {"name": "mkdocs", "locale": "zh_TW"}})
    html = site.html("posts/p2/")
    assert "第 2 篇" in series_box(html) and '<span lang="' not in html


@pytest.mark.parametrize(
    "language, page, overrides, expected",
    [
        (None, "fr", {}, "en"),  # no French labels: English ones, marked
        ("fr", "fr", {"next": "Suivant"}, "en"),  # ... but for the writer's own
        ("ja", "en", {}, "ja"),
        ("zh-CN", "zh-TW", {}, "zh-Hans"),
        ("zh_Hant", "zh-TW", {}, ""),  # one language, two spellings
        (None, "zh-HK", {}, ""),
        ("en", "en-GB", {}, ""),
        (None, "", {}, ""),  # a theme that declares none: English, as MkDocs' themes say
    ],
)
def test_which_labels_are_in_another_language(language, page, overrides, expected):
    from mkdocs_podcast_digest.i18n import label_languages

    marked = label_languages(language, page, overrides)
    assert marked.get("related", "") == expected
    assert {lang for key, lang in marked.items() if key not in overrides} <= {expected} - {""}
    assert not set(overrides) & set(marked)  # the writer's own words are in the page's language


def test_drafts_are_not_counted_in_build(make_site):
    docs = dict(FOUR)
    docs["posts/p4.md"] = part("Part Four", "2026-02-02", '"Podcast #490"', 4, draft=True)
    site = make_site(docs)
    assert "Part 2 of 3" in series_box(site.html("posts/p2/"))
    served = make_site(docs, command="serve")
    assert "Part 2 of 4" in series_box(served.html("posts/p2/"))


def test_a_part_in_no_list_is_not_counted_and_has_no_box(make_site):
    """``build: {list: never}``: a page, in no list (as in Hugo), so in no series either; the
    build does not stop on it (it did: the series box looked for the post among the parts)."""
    docs = dict(FOUR)
    docs["posts/p4.md"] = FOUR["posts/p4.md"].replace("series_order: 4\n", "series_order: 4\nbuild:\n  list: never\n")
    site = make_site(docs, strict=True)
    assert "Part 2 of 3" in series_box(site.html("posts/p2/"))
    assert 'class="pd-series"' not in site.html("posts/p4/") and "Text of Part Four" in site.html("posts/p4/")


def test_duplicate_order_warns_naming_both_files_and_keeps_a_stable_order(make_site):
    docs = dict(FOUR)
    docs["posts/p3.md"] = part("Part Three", "2026-02-02", '"Podcast #490"', 2)
    site = make_site(docs)
    (warning,) = [w for w in site.warnings if "series_order" in w]
    assert "posts/p2.md" in warning and "posts/p3.md" in warning and "Give each part its own number" in warning
    box = series_box(site.html("posts/p1/"))
    # same order and date: by title ("Part Three" < "Part Two"), the same on every build
    assert box.index("Part One") < box.index("Part Three") < box.index("Part Two") < box.index("Part Four")


def test_non_integer_order_warns_and_goes_after_numbered(make_site):
    docs = dict(FOUR)
    docs["posts/p1.md"] = part("Part One", "2026-02-02", '"Podcast #490"', '"first"')
    site = make_site(docs)
    assert any("posts/p1.md:5" in w and "not a whole number" in w for w in site.warnings)
    assert "Part 4 of 4" in series_box(site.html("posts/p1/"))


@pytest.mark.parametrize("position", ["top", "bottom", "both", "none"])
def test_box_position(make_site, position):
    site = make_site(FOUR, config={"plugins": [{"podcast-digest": {"series_position": position}}]})
    html = site.html("posts/p2/")
    count = html.count('<nav class="pd-series"')
    assert count == {"top": 1, "bottom": 1, "both": 2, "none": 0}[position]
    if position in ("top", "bottom"):
        text_at = html.index("<p>Text of Part Two</p>")
        box_at = html.index('<nav class="pd-series"')
        assert (box_at < text_at) == (position == "top")


def test_box_template_can_be_overridden_from_custom_dir(make_site):
    site = make_site(
        FOUR,
        config={"theme": {"name": "mkdocs", "custom_dir": "overrides"}},
        extra={"overrides/podcast_digest/series_box.html":
               '{% for s in series %}<p class="mine">{{ s.part_label }} / {{ s.name }}</p>{% endfor %}'
               # Jinja's globals (range, namespace...) are there for an override to use.
               '{% set ns = namespace(n=0) %}{% for i in range(3) %}{% set ns.n = ns.n + i %}{% endfor %}'
               '<p class="sum">{{ ns.n }}</p>'},
    )
    assert '<p class="mine">Part 2 of 4 / Podcast #490</p>' in site.html("posts/p2/")
    assert '<p class="sum">3</p>' in site.html("posts/p2/")


@pytest.mark.parametrize(
    "labels, named",
    [
        ({"part_of": "Part {x} of {total}"}, "part_of"),
        ({"part_of": "Part {n} {"}, "part_of"),
        ({"page_of": "{page} / {total}"}, "page_of"),
        ({"reading_time": "{mins} min"}, "reading_time"),
        ({"embed.click_to_load": "Load from {hostname}"}, "embed.click_to_load"),
        ({"reading_time": None}, "reading_time"),
        ({"series": ["a", "list"]}, "series"),
        ({"scheduled": "Coming {date.year}"}, "scheduled"),
        ({"part_of": "{n[0]} of {total}"}, "part_of"),
        ({"part_of": "{0} of {total}"}, "part_of"),
        ({"scheduled": "On {date:%Y}"}, "scheduled"),
        ({"part_of": "{n!z} of {total}"}, "part_of"),
    ],
)
def test_a_label_that_cannot_be_filled_in_is_a_config_error_naming_it(make_site, caplog, labels, named):
    """Not a traceback from the middle of the build (on a page that may not even use the label)."""
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort):
        make_site(FOUR, config={"plugins": [{"podcast-digest": {"labels": labels}}]})
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert any(f"label '{named}'" in e for e in errors), errors
    assert not any("Traceback" in e for e in errors)


def test_labels_may_use_format_specs_literal_braces_and_keys_of_their_own(make_site):
    labels = {"part_of": "{{Ep}} {n:02d}/{total}", "reading_time": "{minutes} 分", "my_words": "{anything}"}
    site = make_site(FOUR, config={"plugins": [{"podcast-digest": {"labels": labels}}]})
    assert "{Ep} 02/4" in series_box(site.html("posts/p2/"))
    assert site.warnings == []


def test_a_misspelt_label_key_warns_with_the_right_one(make_site):
    site = make_site(FOUR, config={"plugins": [{"podcast-digest": {"labels": {"part-of": "Ep {n}"}}}]})
    assert any("'part-of'" in w and "did you mean 'part_of'" in w for w in site.warnings), site.warnings
    assert "Part 2 of 4" in series_box(site.html("posts/p2/"))


def test_a_language_without_labels_says_so_and_uses_english(make_site):
    site, infos = with_infos(lambda: make_site(FOUR, config={"plugins": [{"podcast-digest": {"language": "fr"}}]}))
    assert "Part 2 of 4" in series_box(site.html("posts/p2/"))
    assert any("No labels in 'fr'" in m and "'labels' option" in m for m in infos), infos
    assert site.warnings == []  # information, not a warning: --strict still builds


@pytest.mark.parametrize(
    "option, value",
    [
        ("page_size", -1),
        ("hugo_pager_size", -10),
        ("feed_length", -5),
        ("related_posts", -1),
        ("reading_speed_cjk", 0),
        ("reading_speed_words", -230),
        ("page_size", True),
    ],
)
def test_counts_below_their_minimum_are_config_errors(make_site, caplog, option, value):
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort):
        make_site(FOUR, config={"plugins": [{"podcast-digest": {option: value}}]})
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert any(option in e for e in errors), errors


def test_a_posts_dir_that_does_not_exist_is_named(make_site):
    config = {"plugins": [{"podcast-digest": {"posts_dir": "episodes"}}]}
    site, infos = with_infos(lambda: make_site(FOUR, config=config, strict=True))
    assert any("no folder 'episodes'" in m and "posts_dir" in m for m in infos), infos
    assert site.exists("posts/p2/")  # still built, as a page of the site
    _, infos = with_infos(lambda: make_site(FOUR))
    assert not any("No posts" in m for m in infos)


def test_a_label_added_later_takes_the_writers_words_for_the_one_it_came_from():
    """``embed.show`` (a post on X) was split from ``embed.play``: a French site that wrote its
    own ``embed.play`` gets those words on X posts too, not the English "Show"."""
    from mkdocs_podcast_digest.i18n import labels_for

    labels = labels_for("fr", {"embed.play": "Lire : {title} ({provider})", "embed.play_untitled": "Lire {title}"})
    assert (labels["embed.show"], labels["embed.show_untitled"]) == ("Lire : {title} ({provider})", "Lire {title}")
    assert labels_for("fr", {"embed.play": "Lire", "embed.show": "Voir"})["embed.show"] == "Voir"
    assert labels_for("fr")["embed.show"] == "Show: {title} on {provider}"
