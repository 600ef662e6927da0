from __future__ import annotations
def f(a: (lambda: 1)() = lambda: 2) -> [c for c in ()]:
    x: (lambda: y) = 1
    return x
class K:
    z: [w for w in v]
    def m(self) -> __class__: pass
