import ast
src = '''
def f(a, b=2, *args, **kw):
    return [x * b for x in range(a) if x % 2]
class C:
    def m(self): return "m"
print(f(7), C().m(), f"{1+1:>3}")
try:
    1/0
except ZeroDivisionError as e:
    print("caught", e)
match (1, 2):
    case (1, y): print("y", y)
'''
tree = ast.parse(src)
exec(compile(tree, "<ast>", "exec"))
print(eval(compile(ast.parse("1 + 2 * 3", mode="eval"), "<ast>", "eval")))
class Double(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node
t = Double().visit(ast.parse("print(1 + 20, 'x')"))
exec(compile(t, "<ast>", "exec"))
t = ast.fix_missing_locations(ast.Module(body=[ast.Expr(ast.Call(ast.Name("print", ast.Load()), [ast.Constant("built")], []))], type_ignores=[]))
exec(compile(t, "<ast>", "exec"))
for t in (ast.Module(body=[ast.Expr(value=ast.Name(id='x', ctx=ast.Load()))]), ast.Module(body=1, type_ignores=[]), ast.Module(body=[ast.Name('x')], type_ignores=[])):
    try:
        compile(t, '<ast>', 'exec')
    except TypeError as e:
        print("TypeError:", e)
try:
    compile(ast.parse("x"), "<ast>", "eval")
except TypeError as e:
    print("TypeError:", e)
print(type(compile("x", "<s>", "exec", ast.PyCF_ONLY_AST)).__name__)
