"""Build the same generated posts with plain MkDocs, this plugin and Material's blog, side by side.

    python bench/run.py                         # N=1000, 3 rounds: plain, plugin, blog
    python bench/run.py --posts 1000 --repeat 5
    python bench/run.py --scale 1000,4000       # how the cost grows (plain and plugin)
    python bench/run.py --serve-rebuild         # `mkdocs serve` rebuild after editing one post

Every build is a fresh ``mkdocs build -q`` subprocess (imports included, as a writer runs it);
rounds alternate the variants (rotating their order) so machine noise hits all of them alike.
Wall time is measured around the subprocess, peak memory (max RSS) of the child by
``/usr/bin/time`` or, without it, by a small wrapper reporting its own ``ru_maxrss``.
Medians are printed with the ratios the issue sets targets for. Corpora are generated once
into ``bench/out/n<N>/`` (seeded; see make_corpus.py) and reused while unchanged.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_corpus  # noqa: E402

OUT = HERE / "out"
TIME = shutil.which("time", path="/usr/bin:/bin")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"}

# Used when /usr/bin/time is missing: run MkDocs' CLI in this process and report our own peak RSS.
WRAPPER = """
import resource, runpy, sys
out = sys.argv.pop(1)
sys.argv[0] = "mkdocs"
code = 0
try:
    runpy.run_module("mkdocs", run_name="__main__")
except SystemExit as e:
    code = e.code or 0
with open(out, "w") as f:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    f.write(f"{ru.ru_maxrss} {ru.ru_utime} {ru.ru_stime}")
sys.exit(code)
"""


@dataclass
class Result:
    variant: str
    posts: int
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    rss_kb: list[int] = field(default_factory=list)
    html: int = 0
    redirects: int = 0
    warnings: int = 0

    @property
    def time(self) -> float:
        return statistics.median(self.times)

    @property
    def cpu_time(self) -> float:
        return statistics.median(self.cpu)

    @property
    def rss(self) -> float:
        return statistics.median(self.rss_kb) / 1024


def build_once(site: Path, dest: Path) -> tuple[float, float, int, str]:
    """One `mkdocs build` in a fresh process: (wall s, CPU s (user + system), peak RSS KB, stderr)."""
    if dest.exists():
        shutil.rmtree(dest)
    with tempfile.NamedTemporaryFile("r", suffix=".rss", delete=False) as tmp:
        rss_file = tmp.name
    args = ["build", "-q", "-f", str(site / "mkdocs.yml"), "-d", str(dest)]
    if TIME:
        cmd = [TIME, "-f", "%M %U %S", "-o", rss_file, sys.executable, "-m", "mkdocs", *args]
    else:
        cmd = [sys.executable, "-c", WRAPPER, rss_file, *args]
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=ENV)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"build of {site} failed:\n{proc.stderr[-3000:]}")
    rss, user, system = Path(rss_file).read_text().split()[-3:]
    os.unlink(rss_file)
    return elapsed, float(user) + float(system), int(rss), proc.stderr


def count_pages(dest: Path) -> tuple[int, int]:
    html = redirects = 0
    for path in dest.rglob("*.html"):
        html += 1
        with open(path, "rb") as f:
            if b'http-equiv="refresh"' in f.read(600):
                redirects += 1
    return html, redirects


def run_builds(n: int, variants: list[str], repeat: int, seed: int, sites: Path | None) -> dict[str, Result]:
    corpus = make_corpus.write_corpus(OUT / f"n{n}", n, seed)
    sites = sites / f"n{n}" if sites else corpus
    results = {v: Result(v, n) for v in variants}
    for r in range(repeat):
        order = variants[r % len(variants) :] + variants[: r % len(variants)]
        for v in order:
            dest = sites / f"site-{v}"
            elapsed, cpu, rss, err = build_once(corpus / v, dest)
            res = results[v]
            res.times.append(elapsed)
            res.cpu.append(cpu)
            res.rss_kb.append(rss)
            res.warnings = sum(1 for line in err.splitlines() if "WARNING" in line)
            print(
                f"  N={n} round {r + 1} {v:<9} {elapsed:6.2f} s wall {cpu:6.2f} s CPU {rss / 1024:6.0f} MB"
                f"  (load {os.getloadavg()[0]:.1f})",
                flush=True,
            )
    for v, res in results.items():
        res.html, res.redirects = count_pages(sites / f"site-{v}")
    return results


def table(results: dict[str, Result]) -> str:
    rows = [
        "| variant | posts | wall, median (s) | wall, runs (s) | CPU, median (s) | peak RSS (MB) "
        "| HTML files | of which redirects | ms CPU per page | warnings |",
        "|---|---:|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results.values():
        runs = ", ".join(f"{t:.2f}" for t in r.times)
        per_page = 1000 * r.cpu_time / max(1, r.html - r.redirects)
        rows.append(
            f"| {r.variant} | {r.posts} | {r.time:.2f} | {runs} | {r.cpu_time:.2f} | {r.rss:.0f} "
            f"| {r.html} | {r.redirects} | {per_page:.1f} | {r.warnings} |"
        )
    return "\n".join(rows)


def ratios(results: dict[str, Result]) -> str:
    rows = ["| ratio | wall (median) | CPU (median) | target |", "|---|---:|---:|---|"]

    def row(label: str, a: Result, b: Result, target: str) -> None:
        rows.append(f"| {label} | {a.time / b.time:.2f}x | {a.cpu_time / b.cpu_time:.2f}x | {target} |")

    p = results.get("plugin")
    if p and "blog" in results:
        row("time plugin / Material blog+tags", p, results["blog"], "<= 0.5x (goal 0.35x)")
    if p and "plain" in results:
        plain = results["plain"]
        row("time plugin / plain MkDocs", p, plain, "<= 1.7x")
        rows.append(f"| peak RSS plugin / plain MkDocs | {p.rss / plain.rss:.2f}x | | <= 1.5x |")
        pages_plain = plain.html - plain.redirects
        pages_plugin = p.html - p.redirects
        rows.append(
            f"| pages plugin / plain (HTML files, redirects not counted) | {pages_plugin / pages_plain:.2f}x "
            f"({pages_plugin} / {pages_plain}) | | — |"
        )
    core = results.get("plugin-core")
    if core and "plain" in results:
        row("time plugin-core (issue-9 features off) / plain MkDocs", core, results["plain"], "—")
    if "plain-nav" in results and "plain" in results:
        row("time plain with every post in the nav / plain", results["plain-nav"], results["plain"], "—")
    return "\n".join(rows)


def scale_table(by_n: dict[int, dict[str, Result]]) -> str:
    ns = sorted(by_n)
    small, big = ns[0], ns[-1]
    rows = [
        f"| variant | {' | '.join(f'N={n} wall / CPU (s)' for n in ns)} | {big}/{small} wall | {big}/{small} CPU "
        f"| {big}/{small} RSS | target |",
        "|---|" + "---:|" * (len(ns) + 3) + "---|",
    ]
    for v in by_n[small]:
        times = " | ".join(f"{by_n[n][v].time:.2f} / {by_n[n][v].cpu_time:.2f}" for n in ns)
        t = by_n[big][v].time / by_n[small][v].time
        c = by_n[big][v].cpu_time / by_n[small][v].cpu_time
        m = by_n[big][v].rss / by_n[small][v].rss
        target = f"<= {1.1 * big / small:.1f}x" if v == "plugin" else "—"
        rows.append(f"| {v} | {times} | {t:.2f}x | {c:.2f}x | {m:.2f}x | {target} |")
    return "\n".join(rows)


def machine() -> str:
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "?")
    except OSError:
        pass
    versions = {}
    for dist in ("mkdocs", "mkdocs-material", "Markdown", "pymdown-extensions", "PyYAML"):
        try:
            from importlib.metadata import version

            versions[dist] = version(dist)
        except Exception:
            versions[dist] = "?"
    import yaml

    return (
        f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, "
        + ", ".join(f"{k} {v}" for k, v in versions.items())
        + f", LibYAML {'yes' if getattr(yaml, '__with_libyaml__', False) else 'no'}"
    )


# ----------------------------------------------------------------------------------- serve rebuild

SERVE_CHILD = r"""
import json, logging, re, sys, time
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

# argv: site folder, post to edit (relative to docs), mode (clean | dirty | reference), site_dir
site, post, mode, site_dir = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
dirty = mode == "dirty"
logging.basicConfig(level=logging.ERROR)
serve_url = "http://127.0.0.1:8000/"

def get_config():
    # What `mkdocs serve` does before every build: a new config, the same plugin objects.
    config = load_config(config_file=str(site / "mkdocs.yml"), site_dir=site_dir)
    config.site_url = serve_url
    return config

path = site / "docs" / post
original = path.read_text(encoding="utf-8")
title = re.search(r'^title: "(.*)"$', original, re.M).group(1)
edited = original.replace(title, title + " EDITED", 1) + "\nOne more paragraph.\n"
out = {}
config = get_config()
config.plugins.on_startup(command="serve", dirty=dirty)
try:
    if mode == "reference":  # a fresh build of the edited site: what every page should show
        path.write_text(edited, encoding="utf-8")
        build(config, serve_url=serve_url)
    else:
        t, c = time.perf_counter(), time.process_time()
        build(config, serve_url=serve_url, dirty=dirty)
        out["first"], out["first_cpu"] = time.perf_counter() - t, time.process_time() - c
        time.sleep(0.05)  # the save gets a later mtime than the built pages
        path.write_text(edited, encoding="utf-8")
        t, c = time.perf_counter(), time.process_time()
        build(get_config(), serve_url=serve_url, dirty=dirty)
        out["rebuild"], out["rebuild_cpu"] = time.perf_counter() - t, time.process_time() - c
finally:
    path.write_text(original, encoding="utf-8")
    config.plugins.on_shutdown()
print(json.dumps(out))
"""


def _serve_child(site: Path, post: str, mode: str, site_dir: Path) -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", SERVE_CHILD, str(site), post, mode, str(site_dir)],
        capture_output=True,
        text=True,
        env=ENV,
    )
    if proc.returncode != 0:
        sys.exit(f"serve rebuild of {site} ({mode}) failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def stale_files(built: Path, reference: Path) -> list[str]:
    """Files of the rebuilt site that differ from a fresh build of the same sources."""
    out = []
    for ref in reference.rglob("*"):
        if ref.is_dir() or ref.name.startswith("sitemap.xml"):
            continue
        rel = ref.relative_to(reference)
        mine = built / rel
        if not mine.exists() or mine.read_bytes() != ref.read_bytes():
            out.append(str(rel))
    return sorted(out)


def serve_rebuild(n: int, seed: int, variants: list[str], repeat: int, sites: Path | None) -> str:
    corpus = make_corpus.write_corpus(OUT / f"n{n}", n, seed)
    rows = [
        "| variant | mode | first build, wall / CPU (s) | rebuild after editing one post, wall / CPU (s) "
        "| rebuild / first (CPU) | files differing from a fresh build of the edited site |",
        "|---|---|---:|---:|---:|---|",
    ]
    tmp = Path(tempfile.mkdtemp(prefix="bench_serve_", dir=sites))
    try:
        for v in variants:
            posts_dir = "blog/posts" if v == "blog" else "posts"
            docs = corpus / v / "docs"
            # The second part of a series: its title shows on its siblings' pages (series box),
            # in listings and term pages, and in the search index.
            post = next(
                str(p.relative_to(docs))
                for p in sorted((docs / posts_dir).glob("*.md"))
                if "series_order: 2\n" in (text := p.read_text(encoding="utf-8")) and "draft: false" in text
            )
            reference = tmp / f"{v}-reference"
            _serve_child(corpus / v, post, "reference", reference)
            for mode in ("clean", "dirty"):
                firsts, rebuilds, first_cpu, rebuild_cpu, stale = [], [], [], [], []
                for _ in range(repeat):
                    site_dir = tmp / f"{v}-{mode}"
                    shutil.rmtree(site_dir, ignore_errors=True)
                    data = _serve_child(corpus / v, post, mode, site_dir)
                    firsts.append(data["first"])
                    rebuilds.append(data["rebuild"])
                    first_cpu.append(data["first_cpu"])
                    rebuild_cpu.append(data["rebuild_cpu"])
                    stale = stale_files(site_dir, reference)
                    print(
                        f"  serve {v:<7} {mode:<5} first {data['first']:.2f} s ({data['first_cpu']:.2f} CPU),"
                        f" rebuild {data['rebuild']:.2f} s ({data['rebuild_cpu']:.2f} CPU),"
                        f" {len(stale)} stale files (load {os.getloadavg()[0]:.1f})",
                        flush=True,
                    )
                f, r = statistics.median(firsts), statistics.median(rebuilds)
                fc, rc = statistics.median(first_cpu), statistics.median(rebuild_cpu)
                shown = (
                    "none"
                    if not stale
                    else f"{len(stale)}: " + ", ".join(stale[:3]) + (" …" if len(stale) > 3 else "")
                )
                label = "`--dirty`" if mode == "dirty" else "default"
                rows.append(
                    f"| {v} | {label} | {f:.2f} / {fc:.2f} | {r:.2f} / {rc:.2f} | {rc / fc:.2f}x | {shown} |"
                )
    finally:
        if not os.environ.get("BENCH_KEEP"):
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            print(f"kept {tmp}")
    return "\n".join(rows)


# ----------------------------------------------------------------------------------- main


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--posts", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--variants", default="plain,plugin,blog", help="any of plain, plain-nav, plugin, plugin-core, blog")
    ap.add_argument(
        "--scale", default="", help="e.g. 1000,4000: build each size (variants: --scale-variants)"
    )
    ap.add_argument("--scale-variants", default="plain,plugin")
    ap.add_argument("--serve-rebuild", action="store_true", help="measure a `mkdocs serve` rebuild instead")
    ap.add_argument("--serve-variants", default="plain,plugin")
    ap.add_argument(
        "--sites",
        type=Path,
        help="folder to build the sites in (default: next to the corpus, or the system's temporary "
        "folder for --serve-rebuild); /dev/shm takes the disk out of the measurement",
    )
    args = ap.parse_args()
    if args.sites:
        args.sites.mkdir(parents=True, exist_ok=True)

    print(f"Machine: {machine()}\n", flush=True)
    if args.serve_rebuild:
        print(serve_rebuild(args.posts, args.seed, args.serve_variants.split(","), args.repeat, args.sites))
        return
    if args.scale:
        ns = [int(x) for x in args.scale.split(",")]
        by_n = {n: run_builds(n, args.scale_variants.split(","), args.repeat, args.seed, args.sites) for n in ns}
        for n in ns:
            print(f"\nN = {n}\n\n{table(by_n[n])}")
        print(f"\n{scale_table(by_n)}")
        return
    results = run_builds(args.posts, args.variants.split(","), args.repeat, args.seed, args.sites)
    print(f"\n{table(results)}\n\n{ratios(results)}")


if __name__ == "__main__":
    main()
