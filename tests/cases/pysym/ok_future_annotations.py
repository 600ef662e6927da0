from __future__ import annotations
def g(a: Foo, b: Bar = None) -> Baz:
    x: Qux = 1
    return x
class K:
    attr: Zap
