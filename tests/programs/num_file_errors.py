import io
fn = 'num_file_errors.tmp'
for args in (('no/such/dir/x.txt', 'w'), ('no_such_file.txt',), ('no_such_file.txt', 'rb'), ('.', 'w'), ('.', 'rb')):
    try: open(*args)
    except OSError as e: print(type(e).__name__, e.errno, e.strerror, repr(e.filename), e, e.args)
with open(fn, 'w') as f: f.write('data\n')
try: open(fn, 'x')
except FileExistsError as e: print(e)
for mode in ('', 'rr', 'rw', 'r+b+', 'bt', 'a+x', 'U', 'wbx'):
    try: open(fn, mode)
    except ValueError as e: print(repr(mode), e)
for kw in ({'encoding': 'utf-8'}, {'errors': 'strict'}, {'newline': ''}):
    try: open(fn, 'rb', **kw)
    except ValueError as e: print(e)
try: open(fn, encoding='klingon')
except LookupError as e: print(e)
try: open(3.5)
except TypeError as e: print(e)
try: open(fn, 'r', -1, None, None, None, True, None, 9)
except TypeError as e: print(e)
try: open(fn, mode=1)
except TypeError as e: print(e)
try: open(fn, foo=1)
except TypeError as e: print(e)
f = open(fn)
print(f.closed, f.readable(), f.writable(), f.seekable(), f.name, f.mode, f.encoding if False else '', f.isatty(), f.fileno() > 2)
f.close()
for op in ('read', 'readline', 'readlines', 'tell', 'seekable', 'fileno', 'readable', 'flush'):
    try: getattr(f, op)()
    except ValueError as e: print(op, e)
try: f.seek(0)
except ValueError as e: print('seek', e)
try: iter(f)
except ValueError as e: print('iter', e)
try:
    with f: pass
except ValueError as e: print('with', e)
g = open(fn, 'rb'); g.close()
for op in ('read', 'readline', 'tell', 'flush'):
    try: getattr(g, op)()
    except ValueError as e: print('bin', op, e)
h = open(fn, 'wb'); h.close()
try: h.write(b'x')
except ValueError as e: print(e)
with open(fn, 'rb') as f:
    for op, a in (('write', (b'x',)), ('truncate', ()), ('writelines', ([b'x'],))):
        try: getattr(f, op)(*a)
        except io.UnsupportedOperation as e: print(op, e, isinstance(e, OSError))
with open(fn, 'wb') as f:
    for op in ('read', 'readline', 'readlines'):
        try: getattr(f, op)()
        except io.UnsupportedOperation as e: print(op, e)
with open(fn, 'w') as f:
    for op in ('read', 'readline'):
        try: getattr(f, op)()
        except io.UnsupportedOperation as e: print(op, e)
    try: f.write(5)
    except TypeError as e: print(e)
    try: f.writelines([1])
    except TypeError as e: print(e)
with open(fn, 'r') as f:
    try: f.write('x')
    except io.UnsupportedOperation as e: print(e)
    try: f.read('x')
    except TypeError as e: print(e)
    try: f.seek(0, 5)
    except ValueError as e: print(e)
    try: f.seek(1, 2)
    except io.UnsupportedOperation as e: print(e)
print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END, io.DEFAULT_BUFFER_SIZE, io.UnsupportedOperation.__name__, io.open is open)
print(io.UnsupportedOperation.__mro__[1:3])
with open(fn, 'w') as f:
    try: f.read()
    except ValueError as e: print('as ValueError:', e)
with open(fn, 'w') as f: pass

import os as _os
_os.remove(fn)
