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
        if item is not None and not stack and block_above and item.group(1)[0].isdigit() and item.group(1) != "1.":
            item = None  # `2024.` right after a paragraph is more of it (CommonMark starts a list only at 1)
        lazy = text_before and stack and item is None and _is_text(stripped)
        if not lazy:
            while stack and at < stack[-1].content:
                stack.pop()
        if item is not None and at - (stack[-1].content if stack else 0) > 3:
            item = None  # indented code in an item, or at the top
        new_at = at
        if lazy:
            pass  # more of the item's paragraph, at any indent
        elif item is not None:
            # A list right after a paragraph (only a bullet or `1.` starts one there, as in
            # CommonMark), or an item right after fenced code in the one above: Python-Markdown
            # needs a blank line.
            if (not stack and block_above) or fence_closed or later_para:
                out.append("")
                inserted.append(i)
                changed = True
            base = stack[-1] if stack else None
            new_at = base.new_content if base else at
            marker, spaces = item.group(1), len(item.group(2))
            width = len(marker) + (spaces if 1 <= spaces <= 4 else 1)
            stack.append(_Item(content=at + width, new_content=new_at + 4))
        elif stack:
            new_at = stack[-1].new_content + (at - stack[-1].content)
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
        start = m.start()
        above = text[text.rfind("\n", 0, start) + 1 : start]
        if above.strip() and not _ITEM.match(above.lstrip(" ")):
            return True
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
