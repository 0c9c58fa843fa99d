"""A seeded corpus of podcast-digest posts, written as three MkDocs sites that build the same posts.

Each post is shaped like a real digest post: YAML front matter with a title, an ISO date with
offset, a description, 5 tags drawn (skewed, like real tag use) from a pool of ~200 CJK and Latin
terms, 1 category, 2 related people, 3 related companies; half the posts belong to 4-part series
(``series`` + ``series_order``); the body holds a YouTube, a Spotify and an Apple Podcasts shortcode
and ~8 KB of mixed CJK/Latin Markdown (headings, paragraphs, quotes, lists, a link to a sibling
part). About 1 post in 10 has an ``aliases`` entry and 1 in 100 is a draft.

The text is generated from a small word pool; it is not taken from any real post.

Variants (one folder each under the output folder):

``plain``
    MkDocs + Material, ``plugins: [search]``, posts under ``docs/posts`` kept out of the nav with
    ``not_in_nav``. Shortcodes stay as literal text.
``plain-nav``
    The same with every post in the auto nav (the slow setup the plugin avoids; optional).
``plugin``
    ``plugins: [search, podcast-digest]`` with every feature on: shortcodes, series boxes,
    taxonomy pages, posts index, generated home page, redirects, ``data/*.yml`` names, two
    people profiles under ``docs/people/``.
``plugin-core``
    The same site with the plugin's issue-9 features off (``feeds``, ``page_metadata``,
    ``related_posts``, ``reading_time``): what the core (pages, series, terms, shortcodes) costs.
``blog``
    Material's ``plugins: [search, blog, tags]``: posts under ``docs/blog/posts`` (same front
    matter; ``categories`` and ``tags`` are what the blog and tags plugins read; no ``authors``),
    an ``<!-- more -->`` excerpt separator after the intro (without it the blog renders every
    whole post on every index page), and a ``tags.md`` page with the tags listing marker.
    Shortcodes stay as literal text.

Usage: ``python bench/make_corpus.py --posts 1000 --out bench/out/n1000 [--seed 7]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import string
from dataclasses import dataclass, field
from pathlib import Path

VARIANTS = ("plain", "plain-nav", "plugin", "plugin-core", "blog")

#: Bump when the output changes, so run.py regenerates cached corpora.
VERSION = 5

# ------------------------------------------------------------------------------------ word pools


def _words(text: str, sep: str | None = None) -> list[str]:
    return [w.strip() for w in text.split(sep) if w.strip()]


CJK_WORDS = _words(
    "模型 推理 訓練 資料 算力 晶片 記憶體 頻寬 延遲 吞吐量 架構 參數 權重 開源 閉源 評測 基準 代理 工具 "
    "工程師 研究員 創業 公司 產品 市場 成本 效率 規模 瓶頸 迭代 部署 伺服器 叢集 網路 編譯器 核心 排程 "
    "量化 蒸餾 對齊 安全 監管 政策 競爭 合作 人才 團隊 文化 策略 路線 生態 平台 使用者 體驗 介面 程式碼 "
    "測試 除錯 系統 論文 實驗 直覺 經驗 觀點 訪談 節目 主持人 嘉賓 故事 問題 答案 未來 歷史 趨勢 泡沫 "
    "價格 營收 投資 估值 供應鏈 製程 封裝 散熱 電力 資料中心 機器人 感測器 世界模型 多模態 語音 影像 文字 "
    "搜尋 推薦 廣告 訂閱 教育 醫療 金融 法律 翻譯 寫作 閱讀 思考 判斷 記憶 學習 遊戲 規則 邊界 風險"
)

LATIN_WORDS = _words(
    "GPU TPU CUDA Triton PyTorch JAX transformer attention token context KV-cache batch latency "
    "throughput MoE RLHF RLVR DPO SFT pretraining post-training eval benchmark agent tool-use "
    "inference serving quantization FP8 INT4 HBM NVLink kernel compiler scheduler pipeline shard "
    "checkpoint dataset synthetic-data scaling-law reasoning chain-of-thought distillation alignment "
    "open-weights API SDK startup founder roadmap moat margin capex datacenter robotics simulation"
)

CJK_TAG_HEADS = _words(
    "強化學習 推理晶片 開源模型 資料中心 機器人 多模態 語音助理 程式助理 模型評測 安全研究 供應鏈 "
    "半導體 雲端運算 創業故事 投資觀點 產業分析 學術研究 人才流動 政策監管 邊緣運算 量化壓縮 長上下文 "
    "世界模型 自動駕駛 醫療影像 教育科技 金融科技 內容創作 搜尋引擎 推薦系統 能源 散熱 記憶體牆 "
    "編譯器 分散式訓練 資料工程 合成資料 對齊問題 代理系統 評測基準 晶圓代工 封裝技術 電力成本 "
    "產品設計 使用者研究 開發者工具 隱私 版權 訪談整理 深度對談 技術趨勢 觀點 回顧 預測 爭議"
)

LATIN_TAGS = _words(
    "GPU, TPU, CUDA, Triton, PyTorch, JAX, Transformer, Attention, MoE, RLHF, RLVR, DPO, SFT, Pretraining, "
    "Post-training, Evals, Benchmarks, Agents, Tool Use, Inference, Serving, Quantization, FP8, HBM, NVLink, "
    "Kernels, Compilers, Scaling Laws, Reasoning, Chain of Thought, Distillation, Alignment, Open Weights, "
    "APIs, Startups, Robotics, Simulation, Datacenters, Energy, Chips, Foundry, TSMC, Semiconductors, Cloud, "
    "Edge AI, LLM, Coding, Vibe Coding, Long Context, RAG, Embeddings, Search, Recommendation, Safety, "
    "Interpretability, Policy, Regulation, Geopolitics, Talent, Hiring, Research Papers, Podcast, Interview",
    ",",
)

#: Mixed terms, spelled as writers spell them.
LATIN_PHRASES = (
    "AI Infra",
    "AI 產業",
    "AI 安全",
    "AI 晶片",
    "AI 代理",
    "LLM 推理",
    "GPU 叢集",
    "RL 訓練",
    "Open Source",
)

CATEGORIES = (
    "AI 產業",
    "AI 技術前沿",
    "硬體與晶片",
    "研究與論文",
    "創業與投資",
    "工程實務",
    "政策與社會",
    "訪談精選",
    "Deep Dives",
    "Industry News",
)

FIRST = _words(
    "alex ben chen david emma fang grace hao ivan jun kate lin mei nora omar pei qing rosa sam tao "
    "uma victor wei xin yu zoe"
)
LAST = _words("wang lee chang lin huang kim park smith garcia nguyen tanaka sato muller rossi")
COMPANY_HEADS = _words(
    "nova quanta helio vector lumen tensor orbit cobalt cedar apex atlas delta ember fable "
    "granite harbor iris juniper kite lattice"
)
COMPANY_TAILS = ("labs", "ai", "systems", "compute", "robotics", "semiconductor")

SHOWS = (
    "WhynotTV Podcast",
    "Lex Fridman Podcast",
    "Latent Space",
    "Dwarkesh Podcast",
    "科技早知道",
    "硅谷101",
)

# ------------------------------------------------------------------------------------ model


@dataclass
class CorpusPost:
    stem: str  # file name without .md
    title: str
    date: dt.datetime
    description: str
    tags: list[str]
    category: str
    people: list[str]
    companies: list[str]
    show: str
    source_url: str
    intro: str
    embeds: list[str]
    sections: list[str]
    series: str = ""
    series_order: int = 0
    siblings: list[tuple[str, str]] = field(default_factory=list)  # (stem, title) of other parts
    aliases: list[str] = field(default_factory=list)
    draft: bool = False


class Writer:
    """Random but reproducible text: mixed CJK/Latin sentences from the pools above."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def sentence(self, lo: int = 8, hi: int = 18) -> str:
        rng = self.rng
        out = ""
        for _ in range(rng.randint(lo, hi)):
            if rng.random() < 0.28:
                word = rng.choice(LATIN_WORDS)
                out += (" " if out and out[-1] not in " ，" else "") + word + " "
            else:
                out += rng.choice(CJK_WORDS) + ("，" if rng.random() < 0.12 else "")
        return out.strip(" ，") + rng.choice("。。。！？")

    def paragraph(self, lo: int = 3, hi: int = 6) -> str:
        text = "".join(self.sentence() for _ in range(self.rng.randint(lo, hi)))
        if self.rng.random() < 0.3:
            # Some inline Markdown around a Latin word: bold or code.
            words = text.split(" ")
            i = self.rng.randrange(len(words))
            if words[i].isascii() and words[i].strip():
                words[i] = f"**{words[i]}**" if self.rng.random() < 0.6 else f"`{words[i]}`"
                text = " ".join(words)
        return text

    def heading(self) -> str:
        rng = self.rng
        return "".join(rng.choice(CJK_WORDS) for _ in range(rng.randint(2, 4))) + (
            " " + rng.choice(LATIN_WORDS) if rng.random() < 0.4 else ""
        )

    def section(self) -> str:
        rng = self.rng
        parts = [f"## {self.heading()}"]
        for _ in range(rng.randint(2, 4)):
            roll = rng.random()
            if roll < 0.15:
                parts.append("> 「" + self.sentence(10, 22).rstrip("。！？") + "。」")
            elif roll < 0.27:
                parts.append("\n".join(f"- {self.sentence(4, 9)}" for _ in range(rng.randint(3, 5))))
            else:
                parts.append(self.paragraph())
        return "\n\n".join(parts)


def _yt_id(rng: random.Random) -> str:
    return "".join(rng.choice(string.ascii_letters + string.digits + "-_") for _ in range(11))


def _spotify_id(rng: random.Random) -> str:
    return "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(22))


def tag_pool(rng: random.Random, size: int = 200) -> list[str]:
    pool: list[str] = []
    seen: set[str] = set()

    def add(term: str) -> None:
        key = term.casefold().replace(" ", "").replace("-", "")
        if key not in seen:
            seen.add(key)
            pool.append(term)

    for term in (*LATIN_PHRASES, *CJK_TAG_HEADS, *LATIN_TAGS):
        add(term)
    while len(pool) < size:  # fill with mixed compounds: "GPU 供應鏈", "推理 Serving"
        a, b = rng.choice(LATIN_WORDS), rng.choice(CJK_WORDS)
        add(f"{a} {b}" if rng.random() < 0.5 else f"{b} {a}")
    return pool[:size]


def skewed_sample(rng: random.Random, pool: list, k: int, weights: list[float]) -> list:
    out: list = []
    while len(out) < k:
        item = rng.choices(pool, weights=weights)[0]
        if item not in out:
            out.append(item)
    return out


def make_posts(n: int, seed: int = 7) -> tuple[list[CorpusPost], dict[str, list[str]]]:
    rng = random.Random(seed)
    w = Writer(rng)
    tags = tag_pool(rng)
    tag_weights = [1 / (i + 1) ** 0.6 for i in range(len(tags))]
    rng.shuffle(tags)
    people = sorted({f"{rng.choice(FIRST)}-{rng.choice(LAST)}" for _ in range(400)})[:80]
    companies = sorted({f"{rng.choice(COMPANY_HEADS)}-{rng.choice(COMPANY_TAILS)}" for _ in range(200)})[:40]
    person_weights = [1 / (i + 1) ** 0.5 for i in range(len(people))]
    company_weights = [1 / (i + 1) ** 0.5 for i in range(len(companies))]

    start = dt.datetime(2022, 1, 3, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    posts: list[CorpusPost] = []
    i = 0
    series_no = 0
    while i < n:
        # Half the posts come in 4-part series (one episode cut into four write-ups).
        in_series = n - i >= 4 and (i // 4) % 2 == 0
        parts = 4 if in_series else 1
        day = start + dt.timedelta(days=i * 1461 // max(n, 1), hours=rng.randint(0, 8))
        series = ""
        if in_series:
            series_no += 1
            series = f"{rng.choice(SHOWS)} #{series_no} " + "".join(rng.choice(CJK_WORDS) for _ in range(2))
        show = rng.choice(SHOWS)
        group: list[CorpusPost] = []
        for part in range(parts):
            k = i + part
            title = w.heading() + "：" + w.sentence(4, 8).rstrip("。！？")
            stem = f"{day:%Y-%m-%d}-post-{k:05d}"
            ep = rng.randint(1, 500)
            embeds = [
                f"{{{{< youtube {_yt_id(rng)} >}}}}",
                f'{{{{< spotify "episode/{_spotify_id(rng)}" >}}}}',
                f'{{{{< apple-podcast "us/podcast/show-{ep}/id{rng.randint(10**9, 10**10 - 1)}'
                f'?i={rng.randint(10**12, 10**13 - 1)}" >}}}}',
            ]
            sections = []
            while sum(len(s.encode()) for s in sections) < 7300:
                sections.append(w.section())
            post = CorpusPost(
                stem=stem,
                title=title,
                date=day + dt.timedelta(hours=part),
                description=w.sentence(12, 24),
                tags=skewed_sample(rng, tags, 5, tag_weights),
                category=rng.choice(CATEGORIES),
                people=skewed_sample(rng, people, 2, person_weights),
                companies=skewed_sample(rng, companies, 3, company_weights),
                show=show,
                source_url=f"https://www.youtube.com/watch?v={_yt_id(rng)}",
                intro=f"本文整理自 {show} 第 {ep} 集。" + w.sentence(),
                embeds=embeds,
                sections=sections,
                series=series,
                series_order=part + 1 if series else 0,
                aliases=[f"/archives/{k}/"] if rng.random() < 0.1 else [],
                draft=rng.random() < 0.01,
            )
            group.append(post)
        for post in group:
            post.siblings = [(p.stem, p.title) for p in group if p is not post]
        posts += group
        i += parts
    return posts, {"tags": tags, "people": people, "companies": companies}


# ------------------------------------------------------------------------------------ writing


def _q(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def front_matter(p: CorpusPost) -> str:
    lines = [
        "---",
        f"title: {_q(p.title)}",
        f"date: {p.date.isoformat()}",
        f"description: {_q(p.description)}",
        f"tags: [{', '.join(_q(t) for t in p.tags)}]",
        f"categories: [{_q(p.category)}]",
        f"related_people: [{', '.join(_q(t) for t in p.people)}]",
        f"related_companies: [{', '.join(_q(t) for t in p.companies)}]",
        f"source_url: {_q(p.source_url)}",
        f"source_name: {_q(p.show)}",
    ]
    if p.series:
        lines += [f"series: [{_q(p.series)}]", f"series_order: {p.series_order}"]
    if p.aliases:
        lines.append(f"aliases: [{', '.join(_q(a) for a in p.aliases)}]")
    lines += [f"draft: {'true' if p.draft else 'false'}", "---", ""]
    return "\n".join(lines)


def body(p: CorpusPost, excerpt_marker: bool = False) -> str:
    parts = [f"> {p.intro}"]
    if excerpt_marker:
        parts.append("<!-- more -->")
    parts += p.embeds
    parts.append("---")
    if p.siblings:
        links = "\n".join(f"{n}. [{_md_text(t)}]({s}.md)" for n, (s, t) in enumerate(p.siblings, 1))
        parts.append(f"**本系列其他篇：**\n\n{links}")
    parts += p.sections
    return "\n\n".join(parts) + "\n"


def _md_text(s: str) -> str:
    return s.replace("[", "\\[").replace("]", "\\]")


MARKDOWN_EXTENSIONS = """\
markdown_extensions:
  - admonition
  - attr_list
  - toc:
      permalink: true
  - pymdownx.highlight
  - pymdownx.inlinehilite
  - pymdownx.superfences
"""


def config(variant: str) -> str:
    head = (
        f"site_name: Bench ({variant})\n"
        "site_url: https://example.com/\n"
        "theme:\n  name: material\n  language: zh-TW\n" + MARKDOWN_EXTENSIONS
    )
    if variant == "plain":
        return head + "plugins:\n  - search\nnot_in_nav: |\n  /posts/\n"
    if variant == "plain-nav":
        return head + "plugins:\n  - search\n"
    if variant == "plugin":
        return head + "plugins:\n  - search\n  - podcast-digest\n"
    if variant == "plugin-core":
        return head + (
            "plugins:\n  - search\n  - podcast-digest:\n      feeds: false\n      page_metadata: false\n"
            "      related_posts: 0\n      reading_time: false\n"
        )
    if variant == "blog":
        return head + "plugins:\n  - search\n  - blog\n  - tags\n"
    raise ValueError(variant)


def write_variant(root: Path, variant: str, posts: list[CorpusPost], pools: dict[str, list[str]]) -> None:
    if root.exists():
        shutil.rmtree(root)
    docs = root / "docs"
    posts_dir = docs / ("blog/posts" if variant == "blog" else "posts")
    posts_dir.mkdir(parents=True)
    (root / "mkdocs.yml").write_text(config(variant), encoding="utf-8")
    plugin = variant.startswith("plugin")
    if not plugin:  # the plugin makes the home page (newest posts) itself
        (docs / "index.md").write_text("# Bench\n\nA generated corpus.\n", encoding="utf-8")
    if variant == "blog":
        (docs / "blog/index.md").write_text("# Blog\n", encoding="utf-8")
        (docs / "tags.md").write_text("# Tags\n\n<!-- material/tags -->\n", encoding="utf-8")
    for p in posts:
        text = front_matter(p) + "\n" + body(p, excerpt_marker=variant == "blog")
        (posts_dir / f"{p.stem}.md").write_text(text, encoding="utf-8")
    if plugin:
        data = root / "data"
        data.mkdir()
        people = pools["people"]
        (data / "people.yml").write_text(
            "".join(
                f"{slug}:\n  name: {_q(slug.replace('-', ' ').title())}\n  description: {_q('Guest ' + slug)}\n"
                for slug in people[::2]
            ),
            encoding="utf-8",
        )
        (data / "companies.yml").write_text(
            "".join(
                f"{slug}:\n  name: {_q(slug.replace('-', ' ').upper())}\n" for slug in pools["companies"]
            ),
            encoding="utf-8",
        )
        (docs / "people").mkdir()
        for slug in people[:2]:  # profiles the writer wrote; the plugin appends the post list
            (docs / "people" / f"{slug}.md").write_text(
                f"---\nname: {_q(slug.replace('-', ' ').title())}\n---\n\nA regular guest.\n",
                encoding="utf-8",
            )


def write_corpus(out: Path, n: int, seed: int = 7, variants: tuple[str, ...] = VARIANTS) -> Path:
    """Write every variant under ``out``; skip the work if the same corpus is already there."""
    stamp = out / "corpus.json"
    want = {"posts": n, "seed": seed, "version": VERSION, "variants": sorted(variants)}
    if stamp.exists() and json.loads(stamp.read_text()) == want:
        return out
    posts, pools = make_posts(n, seed)
    for variant in variants:
        write_variant(out / variant, variant, posts, pools)
    out.mkdir(parents=True, exist_ok=True)
    stamp.write_text(json.dumps(want))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--posts", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, default=None, help="default: bench/out/n<posts>")
    ap.add_argument("--variants", default=",".join(VARIANTS))
    args = ap.parse_args()
    out = args.out or Path(__file__).parent / "out" / f"n{args.posts}"
    write_corpus(out, args.posts, args.seed, tuple(args.variants.split(",")))
    print(out)


if __name__ == "__main__":
    main()
