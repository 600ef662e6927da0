#!/usr/bin/python3
"""tests/symtable_oracle.py: print CPython 3.11's symbol tables for a Python
file in pysym's text format (formats/symtab.md), so `diff` compares them.

    /usr/bin/python3 tests/symtable_oracle.py FILE [SOURCE-NAME]

Prints the header line and the scope / varnames / sym records.  CPython's
Python API does not expose what the "info" records carry (node position,
generator, coroutine...), so the oracle prints no info records: compare with
pysym's output after `grep -v '^info '` and up to the "ast" line.

Symbol order is CPython's insertion order (the dict order of ste_symbols);
names the analysis adds (free only because a nested scope uses them: no
DEF_* bit of their own) come after the others, sorted, because CPython adds
them while iterating over a set, whose order is not reproducible.
On a SyntaxError it prints CPython's message on stderr and exits 1.
"""
import sys
import _symtable

FLAG_NAMES = ["global", "local", "param", "nonlocal", "use", "def_free",
              "free_class", "import", "annot", "comp_iter"]
SCOPE_NAMES = ["none", "local", "global_explicit", "global_implicit", "free", "cell"]
TYPE_NAMES = {_symtable.TYPE_FUNCTION: "function", _symtable.TYPE_CLASS: "class",
              _symtable.TYPE_MODULE: "module"}
LOW = (1 << _symtable.SCOPE_OFF) - 1


def flags_text(flags):
    names = [n for i, n in enumerate(FLAG_NAMES) if flags & (1 << i)]
    return ",".join(names) if names else "-"


def main():
    path = sys.argv[1]
    name = sys.argv[2] if len(sys.argv) > 2 else path
    with open(path, "rb") as f:
        src = f.read()
    try:
        top = _symtable.symtable(src, name, "exec")
    except SyntaxError as e:
        import traceback
        sys.stderr.write("".join(traceback.format_exception_only(e)))
        return 1
    out = ["pyfmt symtab 1 %s" % name]
    tables = []

    def walk(t, parent):
        tables.append((t, parent))
        me = len(tables) - 1
        for c in t.children:
            walk(c, me)

    walk(top, -1)
    for i, (t, parent) in enumerate(tables):
        flags = ["nested" if t.nested else "-"]
        if t.type == _symtable.TYPE_FUNCTION:
            flags.append("optimized")
        out.append("scope %d %d %s %s %d %s" % (i, parent, TYPE_NAMES[t.type], t.name,
                                               t.lineno, ",".join(flags)))
        out.append(" ".join(["varnames", str(i)] + list(t.varnames)))
        syms = list(t.symbols.items())
        own = [(n, f) for n, f in syms if f & LOW]
        added = sorted((n, f) for n, f in syms if not f & LOW)
        for n, f in own + added:
            scope = (f >> _symtable.SCOPE_OFF) & _symtable.SCOPE_MASK
            out.append("sym %d %s %s %s %s" % (i, t.name, n, SCOPE_NAMES[scope],
                                              flags_text(f & LOW)))
    sys.stdout.write("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
