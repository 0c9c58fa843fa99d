"""The package's own fragment templates as plain Python functions, compiled from the same files.

A site of 1,000 posts renders ~7,800 fragments (a post's terms, series box, related posts, a
listing's items...). Through ``jinja2.Template.render`` each pays for a new ``Context``, a
generator and a method call per attribute, which is half of what a small fragment costs, and
every build compiles the templates again. This module reads a template with Jinja's own parser
(so whitespace control and comments are Jinja's) and writes it as one Python function that
appends to a list, for the few constructs the package's templates use: output, ``if``, ``for``,
attributes, ``and``/``or``/``not``, comparisons, inline ``if``, calls and ``include``.

It never decides anything Jinja would decide differently:

- a template using anything else (filters, ``loop``, ``set``, macros...) is not compiled;
- a compiled function reads values the way Jinja tries first (``getattr``, the context's keys)
  and prints them through the same ``escape``; where that first try fails (a value missing, a
  dict instead of an object), it raises, and the caller renders the template with Jinja instead,
  which then decides (``Undefined``, a key lookup, an error);
- only the package's own files are compiled (``Renderer``): a theme's copy is always Jinja's.

``tests/test_fastjinja.py`` renders every package template both ways over generated values.
"""

from __future__ import annotations

import keyword
from collections.abc import Callable

import jinja2
from jinja2 import nodes
from jinja2.compiler import operators as _OPERATORS  # Jinja's comparisons, as it writes them in Python

#: ``render(context, include) -> str``; ``include(name, context)`` renders another template.
Compiled = Callable[[dict, Callable[[str, dict], str]], str]


class Unsupported(Exception):
    """The template uses something this compiler leaves to Jinja."""


class Fallback(Exception):
    """Raised while rendering: Jinja must render this one (a call that wants Jinja's context)."""


def _call(func, *args, **kwargs):
    """A call as Jinja's ``Context.call`` makes it, for functions that take no context: one
    marked by ``jinja2.pass_context`` and the like (itself or its ``__call__``) is Jinja's."""
    if hasattr(func, "jinja_pass_arg") or (callable(func) and hasattr(func.__call__, "jinja_pass_arg")):
        raise Fallback
    return func(*args, **kwargs)


def compile_template(
    env: jinja2.Environment, source: str, filename: str, escape: Callable[[object], str]
) -> Compiled | None:
    """The template as a Python function, or None where it uses anything not compiled here
    (Jinja renders it then). ``escape`` is what the environment's templates print values with."""
    if env.autoescape is not True or env.finalize is not None:
        return None  # the functions print as an autoescaping environment without finalize does
    try:
        code = _Writer().module(env.parse(source, filename=filename))
    except Unsupported:
        return None
    namespace = {"_e": escape, "_u": env.undefined(), "_call": _call}
    # Python written from Jinja's parse of our own file; named apart from the template, whose
    # line numbers a traceback would otherwise show wrong.
    exec(compile(code, f"<{filename}, compiled>", "exec"), namespace)
    render = namespace["render"]
    render.source = code  # for tests and for reading what a template became
    return render


class _Writer:
    """Python source for one template's AST."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.context: list[str] = []  # the context's names the template reads, in order
        self.scopes: list[dict[str, str]] = []  # loop variables: Jinja name -> Python name
        self.count = 0

    def module(self, template: nodes.Template) -> str:
        if any(isinstance(n, nodes.Name) and n.name == "loop" for n in template.find_all(nodes.Name)):
            raise Unsupported("loop")
        self.statements(template.body, 1)
        head = ["def render(_c, _include):", "    _o = []", "    _a = _o.append"]
        head += [f"    c_{name} = _c[{name!r}]" for name in self.context]
        return "\n".join([*head, *self.lines, "    return ''.join(_o)", ""])

    def emit(self, depth: int, line: str) -> None:
        self.lines.append("    " * depth + line)

    def statements(self, body: list[nodes.Node], depth: int) -> None:
        start = len(self.lines)
        for node in body:
            method = getattr(self, f"stmt_{type(node).__name__}", None)
            if method is None:
                raise Unsupported(type(node).__name__)
            method(node, depth)
        if len(self.lines) == start:
            self.emit(depth, "pass")

    def stmt_Output(self, node: nodes.Output, depth: int) -> None:
        parts: list[str] = []
        for child in node.nodes:
            if isinstance(child, nodes.TemplateData):
                if child.data:
                    parts.append(repr(child.data))
            else:
                parts.append(f"_e({self.expr(child)})")
        if len(parts) == 1:
            self.emit(depth, f"_a({parts[0]})")
        elif parts:
            self.emit(depth, f"_o += ({', '.join(parts)},)")

    def stmt_If(self, node: nodes.If, depth: int) -> None:
        self.emit(depth, f"if {self.expr(node.test)}:")
        self.statements(node.body, depth + 1)
        for elif_ in node.elif_:
            self.emit(depth, f"elif {self.expr(elif_.test)}:")
            self.statements(elif_.body, depth + 1)
        if node.else_:
            self.emit(depth, "else:")
            self.statements(node.else_, depth + 1)

    def stmt_For(self, node: nodes.For, depth: int) -> None:
        if node.test is not None or node.recursive or not isinstance(node.target, nodes.Name):
            raise Unsupported("for")
        iterable = self.expr(node.iter)  # read in the enclosing scope, as Jinja does
        self.count += 1
        var, flag = f"l{self.count}_{node.target.name}", f"_iterated{self.count}"
        if node.else_:
            self.emit(depth, f"{flag} = False")
        self.emit(depth, f"for {var} in {iterable}:")
        if node.else_:
            self.emit(depth + 1, f"{flag} = True")
        self.scopes.append({node.target.name: var})
        self.statements(node.body, depth + 1)
        self.scopes.pop()
        if node.else_:  # Jinja's for-else: when nothing was iterated (Python's: when no break)
            self.emit(depth, f"if not {flag}:")
            self.statements(node.else_, depth + 1)

    def stmt_Include(self, node: nodes.Include, depth: int) -> None:
        if not isinstance(node.template, nodes.Const) or not isinstance(node.template.value, str):
            raise Unsupported("include")
        if not node.with_context or node.ignore_missing:
            raise Unsupported("include")
        local = {name: var for scope in self.scopes for name, var in scope.items()}
        context = "_c" if not local else "{**_c, " + ", ".join(f"{n!r}: {v}" for n, v in local.items()) + "}"
        self.emit(depth, f"_a(_include({node.template.value!r}, {context}))")

    # -- expressions ----------------------------------------------------------------------------

    def expr(self, node: nodes.Node) -> str:
        method = getattr(self, f"expr_{type(node).__name__}", None)
        if method is None:
            raise Unsupported(type(node).__name__)
        return method(node)

    def expr_Name(self, node: nodes.Name) -> str:
        for scope in reversed(self.scopes):
            if node.name in scope:
                return scope[node.name]
        if node.name not in self.context:
            self.context.append(node.name)
        return f"c_{node.name}"

    def expr_Getattr(self, node: nodes.Getattr) -> str:
        target = self.expr(node.node)
        if node.attr.isidentifier() and not keyword.iskeyword(node.attr) and not node.attr.startswith("__"):
            return f"{target}.{node.attr}"
        return f"getattr({target}, {node.attr!r})"

    def expr_Const(self, node: nodes.Const) -> str:
        if node.value is not None and type(node.value) not in (str, int, float, bool):
            raise Unsupported("constant")
        return repr(node.value)

    def expr_CondExpr(self, node: nodes.CondExpr) -> str:
        otherwise = "_u" if node.expr2 is None else self.expr(node.expr2)  # Jinja's: Undefined
        return f"({self.expr(node.expr1)} if {self.expr(node.test)} else {otherwise})"

    def expr_And(self, node: nodes.And) -> str:
        return f"({self.expr(node.left)} and {self.expr(node.right)})"

    def expr_Or(self, node: nodes.Or) -> str:
        return f"({self.expr(node.left)} or {self.expr(node.right)})"

    def expr_Not(self, node: nodes.Not) -> str:
        return f"(not {self.expr(node.node)})"

    def expr_Compare(self, node: nodes.Compare) -> str:
        text = self.expr(node.expr)
        for operand in node.ops:
            if operand.op not in _OPERATORS:
                raise Unsupported(operand.op)
            text += f" {_OPERATORS[operand.op]} {self.expr(operand.expr)}"
        return f"({text})"

    def expr_Call(self, node: nodes.Call) -> str:
        if node.dyn_args is not None or node.dyn_kwargs is not None:
            raise Unsupported("call")
        args = [self.expr(arg) for arg in node.args]
        for kw in node.kwargs:
            if not kw.key.isidentifier() or keyword.iskeyword(kw.key):
                raise Unsupported("call")
            args.append(f"{kw.key}={self.expr(kw.value)}")
        return f"_call({', '.join([self.expr(node.node), *args])})"
