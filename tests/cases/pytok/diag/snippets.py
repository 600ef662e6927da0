# tests/cases/pytok/diag/snippets.py: invalid programs for tests/sweep-diag.sh,
# which checks libstage/diag.c's layout against CPython's for each of them.
# A list of sources, one per entry; each must raise a SyntaxError (or one of
# its subclasses) when run as a file.
SNIPPETS = [
    "x = (1 +\n", "def f(:\n  pass\n", "x = 1 +\n", "f(a for a in b, c)\n",
    "print 'hello'\n", "if x\n    pass\n", "x = [1, 2\ny = 3\n", "a = 1 = 2\n",
    "f() = 1\n", "  x = 1\n", "for x in range(10)\n  pass\n",
    "x = {'a': 1 'b': 2}\n", "class C(:\n", "def f(x, x): pass\n", "return\n",
    "x = 'é' + 1 +\n", "\tx = = 2\n", "del f()\n", "(a, b) += 1\n",
    "x = 1 if y\n", "import a.b as\n", "with open(x) as f, :\n", "try:\n  pass\n",
    "x = (1,\n     2,\n     3 4)\n", "é = 1 = é\n", "f(**a, *b)\n",
    "def f(a=1, b): pass\n", "x = 1\n  y = 2\n", "if True:\npass\n", "a + b = c\n",
    "nonlocal x\n", "x: int = 1 = 2\n", "[x for x in y if]\n", "f(a=1, a=2)\n",
    "'abc' 'def' = 1\n", "x = yield = 1\n", "async x\n", "x = 5 +* 3\n",
    "print(f'{x!z}')\n", "f'{'\n", "x = (\n1 +\n)\n",
    "match x:\n  case 1 +:\n    pass\n", "x = 1 ; ;\n", "\f x = 1 +\n",
    "x = 'ab\\\n", "foo(a,\n    b) = 1\n", "if x:\n\tfoo(1 2)\n",
    "x = 'üü' 'ßß' = 2\n", "print(1,\n      2 3)\n", "x = [i for i in\n  range(3) if]\n",
    "def f():\n    x = 1\n     y = 2\n", "x = 1\nif x:\n\ty = 2\n        z = 3\n",
    "x = 1 +", "lambda: (yield x) = 1\n", "f(x for x in y)(1) = 2\n",
    "x = 'a' 'b' f'{1}' = 3\n", "class A:\n    def f(self):\n        return 1 +\n",
    "for x in 1, 2, 3 4:\n  pass\n", "a, *b, *c = d\n", "x = not\n",
    "import\n", "from x import (a, b\n", "from . import *, a\n", "@\ndef f(): pass\n",
    "while True\n  pass\n", "x = {1: 2, 3}\n", "x += yield\ny = = 1\n",
]
