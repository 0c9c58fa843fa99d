"""Where one build's time goes: the plugin's own hooks vs MkDocs' reading, rendering and writing.

    python bench/profile_build.py                  # N=1000 plugin variant, timers (low overhead)
    python bench/profile_build.py --cprofile 30    # cProfile as well: top 30 functions by own time
    python bench/profile_build.py --variant plain  # the same breakdown for plain MkDocs
    python bench/profile_build.py --hooks-only 5   # only the plugin's hooks timed, 5 builds (each
                                                   # in a fresh process): the hooks' share with
                                                   # nothing else instrumented, of the wall time
                                                   # and of the CPU time, and with the garbage
                                                   # collector's pauses set aside

The timer mode wraps each plugin hook, the shortcode extension's processors and MkDocs' two
per-page steps (``_populate_page``: read + Markdown + ``on_page_*`` hooks; ``_build_page``: theme
template + write) and sums their wall time by page kind: posts, pages the plugin generates
(listings, term and index pages), and the writer's other pages. Builds in this process, once,
after a warm-up import of everything (so import time is not counted; ``run.py`` counts it).
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import gc
import json
import logging
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

import make_corpus  # noqa: E402

TOTALS: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)
#: The hooks in CPU time of this process (``--hooks-only``): on a shared machine, other work
#: stretches a build's wall time unevenly (a hook descheduled halfway counts in full), its CPU
#: time much less.
CPU_TOTALS: dict[str, float] = defaultdict(float)
#: The garbage collector's pauses (``--hooks-only``): in the whole build, and those inside a hook.
#: A collection runs where an allocation tips a counter, wherever that is, and a full one walks
#: the whole heap, MkDocs' pages included (15-45 ms at N = 1,000): which hook (if any) it lands
#: in moves with any change in what is allocated, by a few tenths of the share.
GC_PAUSES = {"all": 0.0, "hooks": 0.0}
_IN_HOOK = [0]
_BUILDING = [False]  # only the pauses inside the timed build count


def timed(name: str, fn, cpu: bool = False):
    """``fn`` summing its wall time into ``TOTALS`` (and with ``cpu`` its CPU time into
    ``CPU_TOTALS``: a system call each way, ~1 µs per call, ~1% of the hooks' time, left in)."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        t, c = time.perf_counter(), time.process_time() if cpu else 0.0
        _IN_HOOK[0] += 1
        try:
            return fn(*args, **kwargs)
        finally:
            _IN_HOOK[0] -= 1
            TOTALS[name] += time.perf_counter() - t
            if cpu:
                CPU_TOTALS[name] += time.process_time() - c
            CALLS[name] += 1

    return wrapper


def time_collections() -> None:
    """Sum the collector's pauses into ``GC_PAUSES`` (a callback at each start and stop)."""
    started = [0.0]

    def callback(phase: str, info: dict) -> None:
        if phase == "start":
            started[0] = time.perf_counter()
            return
        if not _BUILDING[0]:
            return
        pause = time.perf_counter() - started[0]
        GC_PAUSES["all"] += pause
        if _IN_HOOK[0]:
            GC_PAUSES["hooks"] += pause

    gc.callbacks.append(callback)


def instrument_hooks(cpu: bool = False) -> None:
    from mkdocs_podcast_digest import plugin as pmod

    # Every event the plugin handles (functools.wraps keeps each one's event priority).
    hooks = [name for name in vars(pmod.PodcastDigestPlugin) if name.startswith("on_")]
    for hook in hooks:
        setattr(pmod.PodcastDigestPlugin, hook, timed(f"plugin.{hook}", getattr(pmod.PodcastDigestPlugin, hook), cpu))


def instrument() -> None:
    from mkdocs.commands import build as mkbuild

    from mkdocs_podcast_digest.shortcodes import processors as sp

    instrument_hooks()
    for cls, meth in (
        (sp.SourcePreprocessor, "run"),
        (sp.ShortcodeInlineProcessor, "handleMatch"),
        (sp.PairedBlockProcessor, "test"),
        (sp.PairedBlockProcessor, "run"),
        (sp.CloserLineBlockProcessor, "test"),
        (sp.CloserLineBlockProcessor, "run"),
        (sp.FinalizeTreeprocessor, "run"),
    ):
        setattr(cls, meth, timed(f"shortcodes.{cls.__name__}.{meth}", getattr(cls, meth)))

    def kind(page) -> str:
        f = page.file
        if f.generated_by:
            return "generated"
        if f.src_uri.startswith(("posts/", "blog/posts/")):
            return "post"
        return "other"

    populate, build_page = mkbuild._populate_page, mkbuild._build_page

    def _populate_page(page, config, files, dirty=False):
        t = time.perf_counter()
        try:
            return populate(page, config, files, dirty)
        finally:
            TOTALS[f"mkdocs.read+markdown[{kind(page)}]"] += time.perf_counter() - t
            CALLS[f"mkdocs.read+markdown[{kind(page)}]"] += 1

    def _build_page(page, config, doc_files, nav, env, dirty=False, excluded=False):
        t = time.perf_counter()
        try:
            return build_page(page, config, doc_files, nav, env, dirty, excluded)
        finally:
            TOTALS[f"mkdocs.template+write[{kind(page)}]"] += time.perf_counter() - t
            CALLS[f"mkdocs.template+write[{kind(page)}]"] += 1

    mkbuild._populate_page = _populate_page

    # The search plugin's indexing (part of template+write): it parses every page's HTML.
    from mkdocs.contrib.search import SearchPlugin as MkSearch

    classes = [MkSearch]
    try:
        from material.plugins.search.plugin import SearchPlugin as MatSearch

        classes.append(MatSearch)
    except ImportError:
        pass
    for cls in classes:
        original = cls.on_page_context

        def on_page_context(self, context, *, page, config, nav, _original=original):
            t = time.perf_counter()
            try:
                return _original(self, context, page=page, config=config, nav=nav)
            finally:
                TOTALS[f"search.index[{kind(page)}]"] += time.perf_counter() - t
                CALLS[f"search.index[{kind(page)}]"] += 1

        cls.on_page_context = on_page_context
    mkbuild._build_page = _build_page


def one_build(site: Path, profiler: cProfile.Profile | None, cpu: list[float] | None = None) -> float:
    """One build's wall time (``cpu``, if given, gets its CPU time)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    dest = Path(tempfile.mkdtemp(prefix="bench_profile_"))
    try:
        config = load_config(config_file=str(site / "mkdocs.yml"), site_dir=str(dest))
        config.plugins.on_startup(command="build", dirty=False)
        t, c = time.perf_counter(), time.process_time()
        if profiler:
            profiler.enable()
        _BUILDING[0] = True
        build(config)
        _BUILDING[0] = False
        if profiler:
            profiler.disable()
        total = time.perf_counter() - t
        if cpu is not None:
            cpu.append(time.process_time() - c)
        config.plugins.on_shutdown()
        return total
    finally:
        shutil.rmtree(dest, ignore_errors=True)


def report(total: float) -> None:
    hooks = {k: v for k, v in TOTALS.items() if k.startswith("plugin.")}
    shortcodes = {k: v for k, v in TOTALS.items() if k.startswith("shortcodes.")}
    mk = {k: v for k, v in TOTALS.items() if k.startswith("mkdocs.")}
    search = {k: v for k, v in TOTALS.items() if k.startswith("search.")}
    print(f"\nbuild (in process, imports excluded): {total:.2f} s\n")
    print("| part | calls | seconds | % of build |\n|---|---:|---:|---:|")
    for group in (hooks, shortcodes, mk, search):
        for k, v in sorted(group.items(), key=lambda kv: -kv[1]):
            print(f"| {k} | {CALLS[k]} | {v:.3f} | {100 * v / total:.1f}% |")
    h, s = sum(hooks.values()), sum(shortcodes.values())
    print(f"| **plugin hooks, total** | | {h:.3f} | {100 * h / total:.1f}% |")
    print(
        f"| **shortcode extension, total** (inside Markdown rendering) | | {s:.3f} | {100 * s / total:.1f}% |"
    )
    print(f"| **plugin's own code, total** | | {h + s:.3f} | {100 * (h + s) / total:.1f}% |")
    gen = sum(v for k, v in mk.items() if "[generated]" in k)
    print(
        f"| MkDocs rendering the generated pages (listings, terms, indexes) | | {gen:.3f} | {100 * gen / total:.1f}% |"
    )
    rest = (
        total
        - sum(mk.values())
        - h
        + hooks.get("plugin.on_page_markdown", 0)
        + hooks.get("plugin.on_page_content", 0)
        + hooks.get("plugin.on_page_read_source", 0)
    )
    print(
        f"| MkDocs outside per-page steps (files, nav, search index, sitemap, static copies) | | {rest:.3f} | {100 * rest / total:.1f}% |"
    )


def hooks_only(args: argparse.Namespace) -> None:
    """The hooks' share of whole builds, with nothing else instrumented (the per-page timers of
    the full report cost a little themselves), over several builds: the machine is shared. Each
    build runs in a fresh process, as a writer's `mkdocs build` does: builds repeated in one
    process get slower (on MkDocs' side, with or without the plugin), which would flatter the share."""
    shares, cpu_shares, own_shares = [], [], []
    print(
        "| build | build (s) | plugin hooks (s) | hooks' share | build, CPU (s) | hooks, CPU (s) | share of CPU "
        "| collector, build / in hooks (s) | share, collector's pauses aside |"
        "\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    )
    for n in range(1, args.hooks_only + 1):
        cmd = [sys.executable, __file__, "--posts", str(args.posts), "--seed", str(args.seed)]
        cmd += ["--variant", args.variant, "--one-hooks-build"]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        total, hooks, cpu, hooks_cpu, gc_all, gc_hooks = json.loads(out.strip().splitlines()[-1])
        shares.append(hooks / total)
        cpu_shares.append(hooks_cpu / cpu)
        own_shares.append((hooks - gc_hooks) / (total - gc_all))
        print(
            f"| {n} | {total:.2f} | {hooks:.3f} | {100 * hooks / total:.1f}% "
            f"| {cpu:.2f} | {hooks_cpu:.3f} | {100 * hooks_cpu / cpu:.1f}% "
            f"| {gc_all:.3f} / {gc_hooks:.3f} | {100 * own_shares[-1]:.1f}% |"
        )
    for name, values in (
        ("hooks' share", shares),
        ("of the CPU time", cpu_shares),
        ("with the collector's pauses aside (in the hooks and in the build)", own_shares),
    ):
        values.sort()
        print(
            f"\n{name}: median {100 * values[len(values) // 2]:.1f}%, "
            f"range {100 * values[0]:.1f}%-{100 * values[-1]:.1f}%",
            end="",
        )
    print()


def one_hooks_build(site: Path) -> None:
    instrument_hooks(cpu=True)
    time_collections()
    cpu: list[float] = []
    total = one_build(site, None, cpu)
    result = [total, sum(TOTALS.values()), cpu[0], sum(CPU_TOTALS.values()), GC_PAUSES["all"], GC_PAUSES["hooks"]]
    print(json.dumps(result))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--posts", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--variant", default="plugin")
    ap.add_argument("--cprofile", type=int, default=0, metavar="N", help="also print the top N functions")
    ap.add_argument(
        "--hooks-only", type=int, default=0, metavar="R", help="time only the hooks, over R builds"
    )
    ap.add_argument("--one-hooks-build", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    logging.basicConfig(level=logging.ERROR)
    corpus = make_corpus.write_corpus(HERE / "out" / f"n{args.posts}", args.posts, args.seed)
    site = corpus / args.variant
    import material  # noqa: F401  (warm imports, so they are not counted)
    import mkdocs.commands.build  # noqa: F401

    import mkdocs_podcast_digest.plugin  # noqa: F401

    if args.one_hooks_build:
        one_hooks_build(site)
        return
    if args.hooks_only:
        hooks_only(args)
        return
    instrument()
    total = one_build(site, None)
    report(total)
    if args.cprofile:
        TOTALS.clear()
        CALLS.clear()
        prof = cProfile.Profile()
        total = one_build(site, prof)
        stats = pstats.Stats(prof)
        print(f"\ncProfile (overhead included): {total:.2f} s; top {args.cprofile} by own time:\n")
        stats.sort_stats("tottime").print_stats(args.cprofile)
        print("Package functions by cumulative time:\n")
        stats.sort_stats("cumulative").print_stats("mkdocs_podcast_digest", args.cprofile)


if __name__ == "__main__":
    main()
