class P:
    def __init__(self, p): self.p = p
    def __fspath__(self): return self.p
fn = 'num_file_paths.tmp'
with open(P(fn), 'w') as f:
    print(type(f.name).__name__, f.write('via fspath\n'))
with open(fn.encode(), 'rb') as f:
    print(f.name, f.read())
with open(fn, 'a') as f:
    print(repr(f)); f.write('more\n')
import sys
fd_file = open(fn)
print(fd_file.readline(), end='')
fd_file.close()
try: open(P(5))
except TypeError as e: print(e)
try: open([fn])
except TypeError as e: print(e)
try: open(b'no_such_file_x')
except FileNotFoundError as e: print(e, repr(e.filename))
try: open(-1)
except ValueError as e: print(e)
with open(fn, 'w') as f: pass

import os as _os
_os.remove(fn)
