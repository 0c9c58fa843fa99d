"""Related posts: the choice on a small corpus, the inverted-index shortcut, the rendered block."""

from __future__ import annotations

import math
import random
import re

import pytest

from mkdocs_podcast_digest.config import DEFAULT_TAXONOMIES
from mkdocs_podcast_digest.posts import Post, parse_post
from mkdocs_podcast_digest.related import DEFAULT_WEIGHTS, Related
from mkdocs_podcast_digest.taxonomy import build_taxonomy, order_series


def corpus(spec: dict[str, dict]) -> tuple[dict[str, Post], dict]:
    """name -> front matter (day, terms) -> posts and taxonomies, as a build makes them."""
    posts = {}
    for name, fm in spec.items():
        lines = [f"title: {name}", f"date: 2026-01-{fm.pop('day'):02d}"]
        lines += [f"{key}: {values!r}" for key, values in fm.items()]
        posts[name] = parse_post(f"posts/{name}.md", "---\n" + "\n".join(lines) + "\n---\ntext\n")
    ordered = sorted(posts.values(), key=lambda p: p.sort_key)
    taxonomies = {}
    for key, folder in DEFAULT_TAXONOMIES.items():
        tax, _ = build_taxonomy(key, folder, ordered)
        if key == "series":
            order_series(tax)
        taxonomies[key] = tax
    return posts, taxonomies


def names(posts: list[Post]) -> list[str]:
    return [p.title for p in posts]


SMALL = {
    "target": {
        "day": 10,
        "series": ["S"],
        "related_people": ["X"],
        "related_companies": ["C"],
        "tags": ["a"],
        "categories": ["K"],
    },
    "same-series": {"day": 1, "series": ["S"]},
    "same-person": {"day": 2, "related_people": ["X"]},
    "company-and-tag": {"day": 3, "related_companies": ["C"], "tags": ["a"]},
    "tag-old": {"day": 4, "tags": ["a"]},
    "tag-new": {"day": 5, "tags": ["a"]},
    "category": {"day": 6, "categories": ["K"]},
    "unrelated": {"day": 11, "tags": ["z"], "related_people": ["Y"]},
}


def test_related_choice_on_a_small_corpus():
    posts, taxonomies = corpus({k: dict(v) for k, v in SMALL.items()})
    related = Related(taxonomies)
    # Series (4) > person (3) > company + tag (2 + 1, the tag used by 4 posts counting less) >
    # the tag alone, newer first on a tie; a shared category (0.5) falls past the top 5; a post
    # sharing nothing is never "related".
    assert names(related.of(posts["target"])) == [
        "same-series",
        "same-person",
        "company-and-tag",
        "tag-new",
        "tag-old",
    ]
    assert names(Related(taxonomies, limit=10).of(posts["target"]))[-1] == "category"
    assert related.of(posts["unrelated"]) == []
    assert names(related.of(posts["same-series"])) == ["target"]
    assert Related(taxonomies, limit=0).of(posts["target"]) == []


def test_weights_are_configurable_and_zero_ignores_a_taxonomy():
    posts, taxonomies = corpus({k: dict(v) for k, v in SMALL.items()})
    related = Related(taxonomies, {"series": 0, "categories": 10}, limit=3)
    assert names(related.of(posts["target"])) == ["category", "same-person", "company-and-tag"]


def brute_force(
    posts: list[Post], taxonomies: dict, post: Post, limit: int = 5, common: int = 10**9
) -> list[Post]:
    """The all-pairs definition the index must agree with, among the posts sharing at least one
    term used by no more than ``common`` posts."""
    weight, rare = {}, set()
    for key, tax in taxonomies.items():
        for term in tax.terms.values():
            if len(term.posts) <= common:
                rare.add((key, term.slug))
            for p in term.posts:
                weight.setdefault(p.src_uri, {})[(key, term.slug)] = DEFAULT_WEIGHTS[key] / math.log2(
                    1 + len(term.posts)
                )
    mine = weight.get(post.src_uri, {})
    scores = {}
    for other in posts:
        if other is post:
            continue
        shared = mine.keys() & weight.get(other.src_uri, {}).keys()
        if shared & rare:
            scores[other.src_uri] = (sum(mine[t] for t in shared), other)
    gap = lambda p: abs(p.date.timestamp() - post.date.timestamp())  # noqa: E731
    ranked = sorted(scores.values(), key=lambda s: (-round(s[0], 9), gap(s[1]), s[1].sort_key))
    return [p for _, p in ranked[:limit]]


@pytest.mark.parametrize("common", [1000, 25])
def test_index_agrees_with_all_pairs_scoring(common):
    rng = random.Random(9)
    spec = {}
    for i in range(150):
        spec[f"p{i:03d}"] = {
            "day": 1 + i % 28,
            "tags": rng.sample([f"t{j}" for j in range(25)], 3) + (["everywhere"] if i % 2 else []),
            "related_people": rng.sample([f"person{j}" for j in range(40)], 1),
            "related_companies": rng.sample([f"c{j}" for j in range(10)], 2),
        }
    posts, taxonomies = corpus(spec)
    assert any(len(t.posts) > 25 for t in taxonomies["tags"].terms.values())  # some terms are common
    related = Related(taxonomies, common=common)
    checked = 0
    for post in list(posts.values()):
        # Terms on more than `common` posts are not walked; they still count in the score of
        # every post found through a rarer term, so the choice among those is exact.
        want = brute_force(list(posts.values()), taxonomies, post, common=common)
        if len(want) == 5:
            assert names(related.of(post)) == names(want), post.title
            checked += 1
    assert checked > 100


def test_a_post_sharing_only_a_common_term_gets_its_neighbours_in_date():
    spec = {f"p{i}": {"day": i, "tags": ["big"]} for i in range(1, 10)}
    posts, taxonomies = corpus(spec)
    related = Related(taxonomies, limit=2, common=3)
    assert names(related.of(posts["p5"])) == ["p6", "p4"]  # same score: nearest in date, then newer


RELATED_DOCS = {
    "posts/a.md": "---\ntitle: A\ndate: 2026-01-03\ntags: [gpu]\nseries: [S]\n---\nA.\n",
    "posts/b.md": "---\ntitle: B <b>\ndate: 2026-01-02\nseries: [S]\n---\nB.\n",
    "posts/c.md": "---\ntitle: C\ndate: 2026-01-01\ntags: [gpu]\n---\nC.\n",
    "posts/d.md": "---\ntitle: D\ndate: 2026-01-04\ntags: [other]\n---\nD.\n",
}


def related_block(html: str) -> str:
    m = re.search(r'<nav class="pd-related".*?</nav>', html, re.S)
    return m.group(0) if m else ""


@pytest.mark.parametrize(
    ("language", "heading"),
    [("en", "Related posts"), ("zh-TW", "相關文章"), ("zh-CN", "相关文章"), ("ja", "関連記事")],
)
def test_related_block_at_the_end_of_posts_in_the_site_language(make_site, language, heading):
    site = make_site(RELATED_DOCS, config={"theme": {"name": "mkdocs", "locale": language.replace("-", "_")}}, strict=True)
    block = related_block(site.html("posts/a/"))
    assert f">{heading}</h2>" in block
    assert re.findall(r'href="([^"]+)">([^<]*)<', block) == [("../b/", "B &lt;b&gt;"), ("../c/", "C")]
    html = site.html("posts/a/")
    assert html.index('class="pd-post-terms"') < html.index('class="pd-related"')
    assert related_block(site.html("posts/d/")) == ""  # shares nothing


def test_related_posts_can_be_turned_off(make_site):
    site = make_site(RELATED_DOCS, config={"plugins": [{"podcast-digest": {"related_posts": 0}}]})
    assert "pd-related" not in site.html("posts/a/")


def test_bad_weights_fail_the_config(make_site):
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort):
        make_site(
            RELATED_DOCS, config={"plugins": [{"podcast-digest": {"related_weights": {"tags": "lots"}}}]}
        )


def test_a_misspelt_weight_key_warns_with_the_taxonomy_it_may_mean(make_site, strict_fails):
    config = {"plugins": [{"podcast-digest": {"related_weights": {"peple": 2, "tags": 3}}}]}
    site = make_site(RELATED_DOCS, config=config)
    assert any("'peple'" in w and "did you mean 'related_people'" in w for w in site.warnings), site.warnings
    strict_fails(RELATED_DOCS, config=config)
    # Every taxonomy's key, a renamed or added one too, and the series are known.
    config = {"plugins": [{"podcast-digest": {"taxonomies": {"hosts": "hosts"}, "related_weights": {"hosts": 2, "series": 5}}}]}
    assert make_site(RELATED_DOCS, config=config).warnings == []
