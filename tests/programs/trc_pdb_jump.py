# pdb commands that move the frame: jump (j) out of a for loop and back,
# until, tbreak, a conditional breakpoint, clear; script on a StringIO.
import io, pdb, sys
def work(n):
    acc = []
    for i in range(n):
        acc.append(i)
    acc.append('x')
    acc.append('y')
    return acc
cmds = '\n'.join(['n', 'n', 'j 7', 'p acc', 'n', 'p acc', 'tbreak 8', 'c', 'p acc', 'j 3', 'until', 'c']) + '\n'
dbg = pdb.Pdb(stdin=io.StringIO(cmds), stdout=sys.stdout, nosigint=True)
dbg.prompt = '(Pdb) '
print(dbg.runcall(work, 3))
cmds = '\n'.join(['b 5, i == 2', 'c', 'p i', 'cl', 'c']) + '\n'
dbg = pdb.Pdb(stdin=io.StringIO(cmds), stdout=sys.stdout, nosigint=True)
dbg.prompt = '(Pdb) '
print(dbg.runcall(work, 4))
