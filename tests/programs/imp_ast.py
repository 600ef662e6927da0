import ast
src = '''
import os, sys as s
from . import x
def f(a, b=1, *args, c, d=2, **kw) -> int:
    """doc"""
    global g
    x = [i*2 for i in range(10) if i % 2]
    y = {k: v for k, v in zip(a, b)}
    return a + b if a else -b
class C(Base, metaclass=M):
    @dec
    async def g(self):
        async with a as b, c:
            await x
        try:
            pass
        except (E, F) as e:
            raise X from e
        finally:
            del a[1:2, ::3]
match p:
    case [1, *rest] | {"k": v, **kw} | Point(x=0) if rest:
        pass
    case _:
        pass
print(f"a{b!r:>{w}} c", 1.5, 2j, b'x', ..., None, True, 0xff, 'é')
lambda x, /, y: (x, y)
while x < 3 <= y: x += 1; break
'''
t = ast.parse(src)
print(ast.dump(t, include_attributes=True, indent=1))
print(ast.dump(ast.parse("x+1", mode="eval")))
print(ast.unparse(t))
print(ast.literal_eval("{'a': [1, 2.5, (3, None)], 'b': -4}"))
for node in ast.walk(ast.parse("a.b(c)")):
    print(type(node).__name__, node._fields)
print(ast.Name.__doc__, ast.Name("x").id, ast.Constant(1).kind)
try:
    ast.parse("x = (")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno, e.offset)
class V(ast.NodeVisitor):
    def visit_Name(self, n): print("name", n.id)
V().visit(ast.parse("a = b + c"))
