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
#: What starts a block of its own rather than a line of a paragraph.
_NOT_TEXT = ("#", ">", "|", "<", "```", "~~~", "[^", "!!!", "???", "\x02")


@dataclass
class _Item:
    content: int  # the column its text starts at, as written (CommonMark)
    new_content: int  # where Python-Markdown wants the lines inside it


def hugo_lists(markdown: str) -> tuple[str, list[int]]:
    """The Markdown with its lists as Python-Markdown needs them, and the (0-based) lines before
    which a blank line was put (to name the writer's own lines in warnings)."""
    if not _may_differ(markdown):
        return markdown, []
    lines = markdown.split("\n")
    out: list[str] = []
    inserted: list[int] = []
    stack: list[_Item] = []
    kinds: dict[int, str] = {}  # depth -> the kind of list ("ul", "ol") open there
    fence = ""
    fence_shift = 0
    text_before = False  # the line above is a line of a paragraph
    block_above = False  # ...of a paragraph, quote or table outside any list: a list may follow it
    fence_closed = False  # the line above closed fenced code in an item
    item_para = False  # the paragraph above began with an item's marker
    later_para = False  # the line above is of a later paragraph in an item (after a blank line)
    changed = False
    for i, line in enumerate(lines):
        stripped = line.lstrip(" ")
        at = len(line) - len(stripped)
        if fence:  # inside fenced code: moved with the item it is in, else left alone
            out.append(_indent(line, fence_shift))
            m = _FENCE.match(stripped)
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not stripped[len(m.group(1)) :].strip():
                fence = ""
                fence_closed = bool(stack)
            continue
        if not stripped.strip():
            out.append(line)
            text_before = block_above = fence_closed = item_para = later_para = False
            continue
        item = _ITEM.match(stripped) if not _RULE.match(stripped) else None
        depth = sum(1 for open_item in stack if open_item.content <= at)  # the items it is inside
        kind = ("ol" if item.group(1)[0].isdigit() else "ul") if item is not None else ""
        # A list of another kind than the one above (or none) would start here, in the middle of
        # a paragraph: CommonMark starts one there only with a bullet or `1.` (`2024.` is text).
        starts = item is not None and (text_before or block_above) and kinds.get(depth) != kind
        # ...in the paragraph of the innermost item (or of the page): an item outside it ends it.
        interrupts = starts and depth == len(stack)
        escape = False
        if interrupts and kind == "ol" and item.group(1) != "1.":
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
        new_at = at
        if lazy:
            pass  # more of the item's paragraph, at any indent
        elif item is not None:
            # A list right after a paragraph, or after an item of the other kind, or an item after
            # fenced code or a later paragraph in the one above: Python-Markdown needs a blank line.
            base = stack[-1] if stack else None
            new_at = base.new_content if base else at
            if kinds.get(depth) not in (None, kind):
                # Python-Markdown goes on with the list above, of the other kind, even past a
                # blank line (CommonMark starts another): an empty comment between ends it.
                out += ["", " " * new_at + "<!-- -->", ""]
                inserted += [i, i, i]
                changed = True
            elif (not stack and block_above) or fence_closed or later_para:
                out.append("")
                inserted.append(i)
                changed = True
            marker, spaces = item.group(1), len(item.group(2))
            width = len(marker) + (spaces if 1 <= spaces <= 4 else 1)
            stack.append(_Item(content=at + width, new_content=new_at + 4))
            kinds[depth] = kind
            for deeper in [d for d in kinds if d > depth]:
                del kinds[deeper]
        elif stack:
            new_at = stack[-1].new_content + (at - stack[-1].content)
        if escape:
            stripped = stripped.replace(".", "\\.", 1)
            changed = True
        if new_at != at:
            changed = True
        out.append(" " * new_at + stripped)
        m = _FENCE.match(stripped)
        if m and item is None and not lazy:
            fence = m.group(1)
            fence_shift = new_at - at
        text_before = item is not None or lazy or (_is_text(stripped) and (bool(stack) or at <= 3))
        block_above = not stack and at <= 3 and (_is_text(stripped) or stripped[0] in ">|")
        item_para = item is not None or (item_para and text_before)
        later_para = bool(stack) and text_before and not item_para
        fence_closed = False
    return ("\n".join(out), inserted) if changed else (markdown, [])


#: Each starts with a line break, which ``re`` finds at C speed (a ``^`` in MULTILINE mode is
#: tried at every character, three times as long on a post's CJK text).
_ITEM_AFTER_BREAK = re.compile(r"\n {0,3}(?:[-+*]|\d{1,9}\.)(?= |\n)")
_ODD_INDENT = re.compile(r"\n(?:    )* {1,3}\S")


def _may_differ(markdown: str) -> bool:
    """Whether Python-Markdown may read a list otherwise than Hugo: a line indented by other than
    fours, or an item right under a line that is not one. A post without either (most; lists
    written for Python-Markdown too) is left as it is without the line by line pass."""
    text = "\n" + markdown
    if _ODD_INDENT.search(text):
        return True
    for m in _ITEM_AFTER_BREAK.finditer(text):
        end = m.start()
        above = text[text.rfind("\n", 0, end) + 1 : end]
        blank = not above.strip()
        while not above.strip() and end > 0:  # the nearest line above that is not blank
            end = text.rfind("\n", 0, end)
            above = text[text.rfind("\n", 0, end) + 1 : end] if end > 0 else ""
        above_item = _ITEM.match(above.lstrip(" "))
        if above_item is None:
            if not blank and above.strip():
                return True  # an item right under a line of text
        elif above_item.group(1)[0].isdigit() != m.group(0).lstrip("\n ")[0].isdigit():
            return True  # an item under one of the other kind: two lists to Hugo, one to Python-Markdown
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
