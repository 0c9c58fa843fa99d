"""Lists in a post written for Hugo, rewritten so Python-Markdown reads them as Hugo did.

Hugo's Goldmark follows CommonMark, where a list may start on the line right after a paragraph,
and an item nests under another when it is indented as far as that item's text (two spaces under
``- ``, three under ``1. ``). Python-Markdown wants a blank line before a list (else the items are
read as more of the paragraph: ``…三個指標： - 一 - 二``) and four spaces per level (else a nested
item is the next item of the same list). So before a post is converted, a blank line goes before
a list that starts right after a paragraph, and the lines of a list are indented four spaces a
level, each keeping whatever it had beyond its item's text. Lines already written for
Python-Markdown come out as they were. Nothing in fenced code changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A list item as Python-Markdown also reads one: a bullet or ``N.`` (``N)`` it reads as text),
#: then a space or the end of the line.
_ITEM = re.compile(r"([-+*]|\d{1,9}\.)( +|$)")
_RULE = re.compile(r"([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE = re.compile(r"(`{3,}|~{3,})")
#: A line of a quote, and the marker taken off it to read what it holds.
_QUOTE = re.compile(r" {0,3}> ?")
#: What starts a block of its own rather than a line of a paragraph.
_NOT_TEXT = ("#", ">", "|", "<", "```", "~~~", "[^", "!!!", "???", "\x02")


@dataclass
class _Item:
    content: int  # the column its text starts at, as written (CommonMark)
    new_content: int  # where Python-Markdown wants the lines inside it


def hugo_lists(markdown: str) -> tuple[str, list[int]]:
    """The Markdown with its lists as Python-Markdown needs them, and the (0-based) lines before
    which a line was put (to name the writer's own lines in warnings)."""
    if not _may_differ(markdown):
        return markdown, []
    lines = markdown.split("\n")
    out: list[str] = []
    inserted: list[int] = []
    stack: list[_Item] = []
    kinds: dict[int, str] = {}  # depth -> the kind of list ("ul", "ol") open there
    verbatim: re.Pattern[str] | None = None  # the end of the code (or HTML, math) being passed
    verbatim_shift = 0
    text_before = False  # the line above is a line of a paragraph
    block_above = False  # ...of a paragraph, quote or table outside any list: a list may follow it
    first_para = False  # the line above is of an item's first paragraph (or of code right under it)
    loose_above = False  # ...of a later block in an item, after a blank line
    quote_kept = False  # the line above is of a quote right under a top item's text, kept as written
    changed = False

    def put_blank(i: int) -> None:
        nonlocal changed
        out.append("")
        inserted.append(i)
        changed = True

    skip_to = 0
    for i, line in enumerate(lines):
        if i < skip_to:
            continue
        stripped = line.lstrip(" ")
        at = len(line) - len(stripped)
        if verbatim is not None:  # moved with the item it is in, else left as it is
            out.append(_indent(line, verbatim_shift))
            if verbatim.search(stripped):
                verbatim = None
            loose_above = bool(stack) and not first_para
            continue
        if not stripped.strip():
            out.append(line)
            text_before = block_above = first_para = loose_above = quote_kept = False
            continue
        if not stack and at <= 3 and stripped[0] == ">":
            # A quote outside any list: the lists in it are read as in the page, one level in.
            end = i
            while end < len(lines) and _QUOTE.match(lines[end]):
                end += 1
            inner, inner_inserted = hugo_lists("\n".join(_QUOTE.sub("", q, count=1) for q in lines[i:end]))
            if inner_inserted or inner != "\n".join(_QUOTE.sub("", q, count=1) for q in lines[i:end]):
                out += ["> " + q if q else ">" for q in inner.split("\n")]
                inserted += [i + k for k in inner_inserted]
                changed = True
            else:
                out += lines[i:end]
            skip_to = end
            text_before = first_para = loose_above = quote_kept = False
            block_above = True  # a list may start right under a quote
            continue
        item = _ITEM.match(stripped) if not _RULE.match(stripped) else None
        if item is not None and not stripped[item.end() :].strip() and (text_before or block_above):
            item = None  # an empty item cannot end a paragraph: `Title` over `-` is a heading
        depth = sum(1 for open_item in stack if open_item.content <= at)  # the items it is inside
        kind = ("ol" if item.group(1)[0].isdigit() else "ul") if item is not None else ""
        # A list of another kind than the one above (or none) would start here, in the middle of
        # the paragraph of the innermost item (or of the page): CommonMark starts one there only
        # with a bullet or `1.` (`2024.` is text); an item further out ends that item first.
        interrupts = item is not None and (text_before or block_above) and kinds.get(depth) != kind
        escape = False
        if interrupts and depth == len(stack) and kind == "ol" and item.group(1) != "1.":
            item = None
            escape = bool(stack)  # in an item Python-Markdown would read it as one: `2\.` is text
        lazy = text_before and stack and item is None and _is_text(stripped)
        if not lazy:
            del stack[depth:]
            if item is None:  # a line of the item it is in ends the lists inside that item
                for deeper in [d for d in kinds if d >= depth]:
                    del kinds[deeper]
        if item is not None and at - (stack[-1].content if stack else 0) > 3:
            item = None  # indented code in an item, or at the top
        opens = _opens_verbatim(stripped) if item is None and not lazy else None
        new_at = at
        if lazy:
            pass  # more of the item's paragraph, at any indent
        elif item is not None:
            base = stack[-1] if stack else None
            new_at = base.new_content if base else at
            if kinds.get(depth) not in (None, kind):
                # Python-Markdown goes on with the list above, of the other kind, even past a
                # blank line (CommonMark starts another): an empty comment between ends it.
                out += ["", " " * new_at + "<!-- -->", ""]
                inserted += [i, i, i]
                changed = True
            elif (not stack and block_above) or loose_above:
                put_blank(i)  # a list right after a paragraph; an item after a later block in one
            marker, spaces = item.group(1), len(item.group(2))
            width = len(marker) + (spaces if 1 <= spaces <= 4 else 1)
            stack.append(_Item(content=at + width, new_content=new_at + 4))
            kinds[depth] = kind
            for deeper in [d for d in kinds if d > depth]:
                del kinds[deeper]
        elif stack and stripped[0] == ">" and len(stack) == 1 and at <= 3 and (text_before or quote_kept):
            quote_kept = True  # a quote right under a top item's text: Python-Markdown reads it there
        elif stack:
            new_at = stack[-1].new_content + (at - stack[-1].content)
            if text_before and not _is_text(stripped) and not (opens and opens.pattern.startswith("^")):
                # A quote, heading or table right under an item's text: Python-Markdown starts
                # one there only after a blank line (fenced code it takes as it is).
                put_blank(i)
                first_para = False
        if escape:
            stripped = stripped.replace(".", "\\.", 1)
            changed = True
        if new_at != at:
            changed = True
        out.append(" " * new_at + stripped)
        if opens is not None:
            verbatim = opens
            verbatim_shift = new_at - at
        text_before = item is not None or lazy or (_is_text(stripped) and (bool(stack) or at <= 3))
        block_above = not stack and at <= 3 and (_is_text(stripped) or stripped[0] in ">|")
        quote_kept = quote_kept and stripped[0] == ">" and not item
        first_para = item is not None or (first_para and (text_before or quote_kept or opens is not None))
        loose_above = bool(stack) and not first_para
    return ("\n".join(out), inserted) if changed else (markdown, [])


#: What Python-Markdown passes as it is, up to its end: fenced code, Hugo's ``highlight``
#: shortcode, the HTML blocks CommonMark keeps verbatim, an HTML comment and ``$$`` math.
_VERBATIM = (
    (re.compile(r"\{\{[<%]\s*highlight\b"), re.compile(r"\{\{[<%]\s*/\s*highlight\s*[>%]\}\}")),
    (re.compile(r"<(pre|script|style|textarea)\b", re.I), None),
    (re.compile(r"<!--"), re.compile(r"-->")),
    (re.compile(r"\$\$"), re.compile(r"\$\$")),
)


def _opens_verbatim(stripped: str) -> re.Pattern[str] | None:
    """The end to look for when ``stripped`` opens code or a verbatim block not closed on its line."""
    m = _FENCE.match(stripped)
    if m:
        fence = m.group(1)
        return re.compile(rf"^{re.escape(fence[0])}{{{len(fence)},}}\s*$")
    for opener, closer in _VERBATIM:
        m = opener.match(stripped)
        if m:
            end = closer or re.compile(rf"</{m.group(1)}>", re.I)
            return None if end.search(stripped, m.end()) else end
    return None


#: Each starts with a line break, which ``re`` finds at C speed (a ``^`` in MULTILINE mode is
#: tried at every character, three times as long on a post's CJK text). One pass finds a list
#: item at the left edge, and what sends a post to the line by line pass at once (group
#: ``other``): a line indented by other than fours, an item in a quote (whose lists are then read
#: too), an empty item, a line indented by fours that may be a list, a quote, a heading, a
#: table, a rule or HTML in an item (Python-Markdown nests those only after a blank line), and a
#: line indented by eight or more (code in an item, moved with the item's text). Every one of
#: those starts with a space, ``>``, a bullet or a digit: a line of text (most lines) fails that
#: one look ahead rather than each alternative in turn (a third of the scan's time).
_ITEM_OR_OTHER = re.compile(
    r"\n(?=[ \d>*+-])(?:(?P<other>(?:    )* {1,3}\S| {0,3}>[> ]*(?:[-+*]|\d{1,9}\.)(?![^ \n])|    (?:    |[-+*_\d>#|<`~\[!?\x02])"
    r"|(?:[-+*]|\d{1,9}\.)(?![^\n]))|(?:[-+*]|\d{1,9}\.) )"
)


#: A blank line, then a line at the left edge: what was above (a list) has ended there.
_BLOCK_AFTER_BLANK = re.compile(r"\n[^\S\n]*\n(?=\S)")


def _may_differ(markdown: str) -> bool:
    """Whether Python-Markdown may read a list otherwise than Hugo: a line indented by other than
    fours, a block indented into an item, an item right under a line that is not one, or an item
    after a list of the other kind (two lists to Hugo, one to Python-Markdown). A post without
    any (most; lists written for Python-Markdown too) is left as it is without the line by line
    pass, which costs as much as the rest of reading the post."""
    text = "\n" + markdown
    numbered: bool | None = None  # whether the item found last was numbered
    last = -2  # where the line of the item found last starts (its line break)
    for m in _ITEM_OR_OTHER.finditer(text):
        if m.group("other") is not None:
            return True
        end = m.start()
        digit = text[end + 1].isdigit()
        above = text.rfind("\n", 0, end)
        if above == last:  # right under the item found before (most items are)
            if digit != numbered:
                return True
            last = end
            continue
        if text[above + 1 : end].strip():
            return True  # an item right under a line of text
        if numbered is not None and digit != numbered and not _BLOCK_AFTER_BLANK.search(text, last, end):
            return True  # after a list of the other kind, with only blank or indented lines between
        numbered, last = digit, end
    return False


def _is_text(stripped: str) -> bool:
    return not stripped.startswith(_NOT_TEXT) and not _RULE.match(stripped)


def _indent(line: str, shift: int) -> str:
    if shift > 0:
        return " " * shift + line if line.strip() else line
    if shift < 0:
        cut = min(-shift, len(line) - len(line.lstrip(" ")))
        return line[cut:]
    return line


def original_line(line: int, inserted: list[int]) -> int:
    """The writer's line number (1-based) of line ``line`` of the rewritten text."""
    for i in inserted:  # in order: each blank line put in moved the lines after it down one
        if i + 1 < line:
            line -= 1
        else:
            break
    return line
