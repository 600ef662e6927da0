# pdb driven by a script of commands (Pdb(stdin=..., stdout=...)):
# step, next, print, breakpoints, continue, where, return, up/down, list.
import io
import pdb
import sys

def square(v):
    r = v * v
    return r

def compute(n):
    total = 0
    for i in range(n):
        total += square(i)
    label = 'sum'
    return label, total

cmds = '\n'.join([
    'n',
    's',
    'p x',
    'b square',
    'c',
    'where',
    'p v',
    'up',
    'p total, i',
    'down',
    'n',
    'p r',
    'r',
    'cl 1',
    'n',
    'n',
    'n',
    'p total',
    'c',
]) + '\n'

def main():
    x = 3
    result = compute(x)
    print('result', result)

dbg = pdb.Pdb(stdin=io.StringIO(cmds), stdout=sys.stdout, nosigint=True)
dbg.prompt = '(Pdb) '
dbg.runcall(main)
print('after:', sys.gettrace())

# a command that assigns a local ('!x = 50'): the frame's f_locals goes
# back into its fast locals after the trace function returns
def g():
    x = 1
    y = x * 2
    return y

dbg = pdb.Pdb(stdin=io.StringIO('n\n!x = 50\nn\np y\nc\n'), stdout=sys.stdout, nosigint=True)
dbg.prompt = '(Pdb) '
print(dbg.runcall(g))

# 'debug EXPR': a recursive debugger traced from inside the trace function
# (sys.call_tracing)
def main2():
    x = 3
    return square(x)

cmds = 'n\ndebug square(4)\ns\nn\np r\nc\np x\nc\n'
dbg = pdb.Pdb(stdin=io.StringIO(cmds), stdout=sys.stdout, nosigint=True)
dbg.prompt = '(Pdb) '
print(dbg.runcall(main2))
