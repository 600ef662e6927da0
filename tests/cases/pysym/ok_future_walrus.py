from __future__ import annotations
x: [(y := 1) for _ in ()] = 2
def f():
    v: [(u := 1) for _ in ()]
