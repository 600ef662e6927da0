# exec, eval and compile: modes, globals/locals, code objects, errors.
g = {}
exec("x = 6 * 7\ndef f(y):\n    return x + y\n", g)
print(sorted(k for k in g if k != "__builtins__"), g["x"], g["f"](1), "__builtins__" in g)
print(eval("x * 2", g), eval("  f(10)", g))
l = {}
exec("a = 1\nb = a + 1", g, l)
print(sorted(l.items()), "a" in g)
print(eval("a + b", g, l), eval("x + a", g, l))
code = compile("total = sum(range(n))", "<calc>", "exec")
ns = {"n": 5}
exec(code, ns)
print(ns["total"], type(code).__name__, code.co_filename if hasattr(code, "co_filename") else "")
e = compile("n * 3", "<expr>", "eval")
print(eval(e, {"n": 4}), eval(e, None, {"n": 5}))
s = compile("1 + 2\nprint('single')", "<single>", "exec")
exec(s)
n = 10
def scope():
    m = 3
    return eval("m + n")
print(scope(), eval("n + 1"))
exec("n = 11")
print(n)
print(eval(b"2 ** 10"))
for src, mode in [("x = = 1", "exec"), ("1 +", "eval"), 
                  ("if True:\nprint(1)", "exec"), ("x = 1\n  y = 2", "exec")]:
    try:
        compile(src, "<test>", mode)
    except SyntaxError as err:
        print(type(err).__name__, err.msg, err.filename, err.lineno, err.args[0] == err.msg)
try:
    eval("1 +")
except SyntaxError as err:
    print("eval:", err.msg, err.filename, err.lineno)
try:
    compile("1", "f", "bogus")
except ValueError as err:
    print(err)
try:
    exec(42)
except TypeError as err:
    print(err)
try:
    exec("1/0")
except ZeroDivisionError as err:
    print("ZeroDivisionError:", err)
r = exec("1")
print(r)
exec("import sys as s2")
print(s2.__name__)
exec("y = 2", None, {"z": 1})
print("y" in globals())
exec("def g(): return __name__", globals())
print(g())
