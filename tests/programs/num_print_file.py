import sys
fn = 'num_print_file.tmp'
with open(fn, 'w') as f:
    print('a', 1, 2.5, None, file=f)
    print('b', 'c', sep='|', end='$\n', file=f, flush=True)
    print(file=f)
    print(*range(5), sep=', ', file=f)
    f.write(str(f.closed) + '\n')
with open(fn) as f:
    print(f.read(), end='')
print('to stderr', file=sys.stderr)
print('x', 'y', sep='', end='', file=sys.stdout); print()
sys.stdout.write('written\n'); sys.stdout.writelines(['l1\n', 'l2\n'])
print(sys.stdout.write('abc\u00e9\n'), sys.stdout.buffer.write('é\n'.encode()))
sys.stdout.flush()
print(repr(sys.stdout)[:25], sys.stdout.name, sys.stderr.name, sys.stdin.name, sys.stdout.mode, sys.stdin.readable(), sys.stdout.writable())
print(input.__name__, sys.stdin.read(), sys.stdin.readline(), sys.stdin.readlines())
try: input('prompt> ')
except EOFError as e: print('EOF:', e)
with open(fn, 'w') as f: pass

import os as _os
_os.remove(fn)
