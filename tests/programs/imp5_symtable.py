# the symtable module (on _symtable): scopes, symbols and their properties
import symtable

SRC = '''
import os, sys as system
from collections import OrderedDict as OD
G = 1
counter: int = 0

def outer(a, b=2, *args, k, **kw):
    global G
    x = a + b
    def inner(c):
        nonlocal x
        x += c
        return x + G
    lam = lambda q: q * x
    return [y * 2 for y in args if y], inner, lam

class Klass(Base):
    attr = 3
    __private = 4
    def method(self):
        return super().method() + self.attr
    @staticmethod
    def stat(v: "ann"):
        return {k: v for k in range(v)}

async def coro():
    await something()
    return (i async for i in agen())

def gen():
    yield from range(3)
'''

top = symtable.symtable(SRC, 'example.py', 'exec')


def show(t, depth=0):
    pad = '  ' * depth
    print(pad + '%s %s line %d nested=%s optimized=%s children=%s' % (
        t.get_type(), t.get_name(), t.get_lineno(), t.is_nested(), t.is_optimized(),
        t.has_children()))
    for name in sorted(t.get_identifiers()):
        s = t.lookup(name)
        props = [p for p in ('referenced', 'imported', 'parameter', 'global', 'nonlocal',
                             'declared_global', 'local', 'annotated', 'free', 'assigned',
                             'namespace')
                 if getattr(s, 'is_' + p)()]
        print(pad + '  %s: %s' % (name, ','.join(props)))
    if isinstance(t, symtable.Function):
        print(pad + '  params=%s locals=%s globals=%s nonlocals=%s frees=%s' % (
            t.get_parameters(), sorted(t.get_locals()), sorted(t.get_globals()),
            sorted(t.get_nonlocals()), sorted(t.get_frees())))
    if isinstance(t, symtable.Class):
        print(pad + '  methods=%s' % (sorted(t.get_methods()),))
    for c in t.get_children():
        show(c, depth + 1)


show(top)
print(repr(top), top.get_children()[0])
outer = top.lookup('outer')
print(outer, outer.is_namespace(), len(outer.get_namespaces()))
print(outer.get_namespace().get_name())
try:
    top.lookup('Klass').get_namespace()
    print('one namespace')
except ValueError as e:
    print('ValueError', e)
try:
    top.lookup('nope')
except KeyError as e:
    print('KeyError', e)
ev = symtable.symtable('a + (lambda z: z)(b)', '<e>', 'eval')
print(ev.get_type(), sorted(ev.get_identifiers()), ev.get_children()[0].get_name())
single = symtable.symtable('w = 5', '<s>', 'single')
print(single.get_type(), single.lookup('w').is_assigned())
for bad in ('x = = 1\n', 'def f():\n    nonlocal q\n', 'x = 1\nglobal x\n'):
    try:
        symtable.symtable(bad, 'bad.py', 'exec')
    except SyntaxError as e:
        print('SyntaxError', e.msg, e.lineno)
try:
    symtable.symtable('x', 'f', 'nonsense')
except ValueError as e:
    print('ValueError', e)
import _symtable
print(_symtable.SCOPE_OFF, _symtable.LOCAL, _symtable.DEF_BOUND, _symtable.TYPE_MODULE)
raw = _symtable.symtable('v = 1\ndef f(p):\n    return p, v\n', 'r', 'exec')
print(raw.name, raw.type, raw.lineno, raw.nested, raw.symbols, type(raw).__name__)
print([(c.name, c.symbols, c.varnames) for c in raw.children])
