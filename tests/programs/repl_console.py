# the interactive interpreter's machinery: codeop's incomplete-input checks
# (compile() with PyCF_ALLOW_INCOMPLETE_INPUT | PyCF_DONT_IMPLY_DEDENT) and
# code.InteractiveConsole running 'single' statements (sys.displayhook)
import code
import codeop

srcs = ['def f():', 'def f():\n', 'def f():\n    return 3', 'def f():\n    return 3\n',
        'x = (1,', 'x = (1,\n', '"""abc', '@dec\n', 'if x:\n    pass\nelse:\n',
        'x = 1 + \\\n', '1 +\n', 'for\n', 'class A:\n  x=1\n', 'x = [1,\n2]\n', 'try:\n  pass\n',
        'print(1)\n', 'if 1:\n  pass\n\n']
for s in srcs:
    try:
        compile(s, '<c>', 'single', 0x200 | 0x4000, True)
        r = 'ok'
    except SyntaxError as e:
        r = 'SyntaxError: %s' % e
    print(repr(s), r)
for s in ['if 1:', 'if 1:\n  x = 2', 'if 1:\n  x = 2\n', '1 +', 'a b', '']:
    try:
        print(repr(s), codeop.compile_command(s) is not None)
    except SyntaxError as e:
        print(repr(s), 'SyntaxError:', e.msg)

lines = ['1+1', 'x = 5', 'x * 2', 'def f(n):', '    return n * 3', '', 'f(4)', 'if x:',
         '    print("yes")', '', '1/0', '[i for i in', ' range(3)]', '"""a', 'b"""', '_',
         'None', 'print(_)', 'raise ValueError("v")', 'x']


class Console(code.InteractiveConsole):
    def raw_input(self, prompt=''):
        if not lines:
            raise EOFError
        line = lines.pop(0)
        print(prompt + line)
        return line

    def write(self, data):
        print(data, end='')


Console(filename='<console>').interact(banner='banner', exitmsg='bye')
