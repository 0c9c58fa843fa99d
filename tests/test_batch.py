"""Batched: values worked out a run at a time, the same values as one at a time."""

from mkdocs_podcast_digest.batch import Batched


def test_values_are_computed_a_run_at_a_time_in_order():
    calls = []

    def compute(key):
        calls.append(key)
        return key * 10

    batched = Batched(list(range(7)), compute, size=3)
    assert [batched.get(k) for k in range(7)] == [0, 10, 20, 30, 40, 50, 60]
    assert calls == list(range(7))  # each once
    assert batched._held == {}  # nothing kept after the last page


def test_only_one_run_is_held():
    batched = Batched(list(range(100)), lambda k: str(k), size=5)
    batched.get(0)
    assert len(batched._held) == 4
    batched.get(1)
    batched.get(50)  # out of order, with three of the run unused: no more working ahead
    assert batched._held == {} and not batched.ahead


def test_each_run_used_up_in_order_is_followed_by_one_twice_as_long():
    calls = []
    batched = Batched(list(range(100)), lambda k: calls.append(k) or k, size=5)
    runs = []
    for k in range(100):
        if not batched._held:
            runs.append(len(calls))
        assert batched.get(k) == k
    assert runs == [0, 5, 15, 35, 75]  # runs of 5, 10, 20, 40 and the last 25
    assert calls == list(range(100)) and batched.ahead


def test_pages_out_of_order_cost_at_most_one_wasted_run():
    calls = []
    batched = Batched(list(range(100)), lambda k: calls.append(k) or k, size=10)
    for k in reversed(range(100)):
        assert batched.get(k) == k
    assert 100 < len(calls) <= 100 + 9  # at most one run's worth computed for nothing
    assert calls[-98:] == list(reversed(range(98)))  # then one at a time


def test_out_of_order_and_unknown_and_repeated_keys_give_the_same_values():
    calls = []

    def compute(key):
        calls.append(key)
        return f"v{key}"

    batched = Batched(["a", "b", "c", "d"], compute, size=2)
    assert batched.get("c") == "vc"
    assert batched.get("a") == "va"
    assert batched.get("zzz") == "vzzz"  # not in the order: computed on its own
    assert batched.get("a") == "va"  # asked twice: computed again, never a stale or missing value
    assert batched.get("d") == "vd"
    assert batched.get("b") == "vb"
    assert calls.count("zzz") == 1
    assert sorted(set(calls)) == ["a", "b", "c", "d", "zzz"]


def test_a_real_build_asks_in_the_predicted_order(make_site, monkeypatch):
    """Every page's decorations, listing, head tags and body are worked out once, in runs: the
    order guessed from the files is the order MkDocs builds pages in (else the runs stop)."""
    made: list[tuple[Batched, list]] = []
    original = Batched.__init__

    def init(self, order, compute, size=50):
        calls: list = []
        made.append((self, calls))
        original(self, order, lambda key: calls.append(key) or compute(key), size=3)

    monkeypatch.setattr(Batched, "__init__", init)
    docs = {
        f"posts/p{n}.md": f"---\ntitle: P{n}\ndate: 2026-01-{n:02d}\ntags: [t{n % 3}]\n"
        f"series: [S]\nseries_order: {n}\n---\nText {n}.\n"
        for n in range(1, 12)
    }
    site = make_site({**docs, "index.md": "# Home\n", "about.md": "# About\n"})
    assert "P3" in site.html("posts/p2/")
    assert len(made) >= 3  # decorations, listings, head tags (bodies are handed over as read)
    for batched, calls in made:
        assert batched.ahead, "pages came out of the predicted order"
        assert sorted(calls, key=str) == sorted(dict.fromkeys(calls), key=str)  # each once
        assert len(calls) == len(batched._order)  # and every one of them was used


def test_a_build_reads_each_post_file_once(make_site, monkeypatch):
    """The body read with the front matter is what MkDocs renders: no second read of the file."""
    from mkdocs.structure.files import File

    reads: list[str] = []
    original = File.content_bytes.fget
    monkeypatch.setattr(File, "content_bytes", property(lambda f: reads.append(f.src_uri) or original(f)))
    docs = {
        f"posts/p{n}.md": f"---\ntitle: P{n}\ndate: 2026-01-{n:02d}\n---\nText {n}.\n" for n in range(1, 6)
    }
    site = make_site(docs)
    assert "Text 3." in site.html("posts/p3/")
    posts = [uri for uri in reads if uri.startswith("posts/")]
    assert sorted(posts) == sorted(docs)
