fn = 'num_file_modes.tmp'
with open(fn, 'w') as f: f.write('abcdef')
for m in ('r', 'rt', 'r+', 'w+', 'a+', 'rb', 'wb', 'ab', 'r+b', 'w+b', 'a+b', 'br', 'tr'):
    with open(fn, m) as f:
        print(m, f.mode, type(f).__name__, repr(f), f.readable(), f.writable(), f.seekable())
    with open(fn, 'w') as f: f.write('abcdef')
with open(fn, 'rb', buffering=0) as f:
    print(f.mode, repr(f), f.read(3), f.read(), f.tell())
with open(fn, 'r+b', 0) as f:
    print(repr(f), f.write(b'XY'), f.seek(0), f.read())
with open(fn, 'ab', 0) as f: print(f.mode, f.write(b'!'))
with open(fn) as f: print(f.read())
try: open(fn, 'w', buffering=0)
except ValueError as e: print(e)
with open(fn, 'w', 1) as f: f.write('line\n')
with open(fn, 'r', 4096, 'utf-8', 'strict', None, True) as f: print(repr(f.read()))
try: open(fn, buffering='x')
except TypeError as e: print(e)
with open(fn, 'x' if False else 'w') as f: pass

import os as _os
_os.remove(fn)
