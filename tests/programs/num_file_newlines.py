fn = 'num_file_newlines.tmp'
raw = b'a\nb\r\nc\rd\r\r\ne'
with open(fn, 'wb') as f: f.write(raw)
for nl in (None, '', '\n', '\r', '\r\n'):
    with open(fn, newline=nl) as f:
        print(repr(nl), f.readlines())
    with open(fn, newline=nl) as f:
        print(repr(nl), repr(f.read()), repr(f.read()), repr(f.readline()))
    with open(fn, newline=nl) as f:
        print(repr(nl), [f.read(2) for _ in range(6)])
for nl in (None, '', '\n', '\r', '\r\n'):
    with open(fn, 'w', newline=nl) as f:
        f.write('x\ny\r\nz\r')
    with open(fn, 'rb') as f:
        print(repr(nl), f.read())
try: open(fn, newline='x')
except ValueError as e: print(e)
with open(fn, 'w') as f:
    f.writelines(['1\n', '2\n', '3'])
with open(fn) as f:
    print(f.readline(), end=''); print(f.readline(1), f.readline(0) == '', f.readlines())
with open(fn) as f:
    it = iter(f); print(next(it), list(it), next(f, 'done'))
with open(fn, 'rb') as f:
    print(f.readline(), f.readline(1), f.readlines(), f.read(), f.read(5))
with open(fn, 'a+') as f:
    print(f.tell()); f.write('4'); f.seek(0); print(repr(f.read()))
with open(fn, 'w+') as f:
    f.write('hello'); f.seek(0); print(f.read(2), f.tell()); f.seek(0, 2); print(f.tell())
    try: f.seek(1, 1)
    except OSError as e: print(type(e).__name__, e)
    try: f.seek(-1)
    except ValueError as e: print(e)
with open(fn, 'wb+') as f:
    f.write(b'0123456789'); print(f.seek(-3, 2), f.read(), f.seek(2), f.read(3), f.seek(1, 1), f.read(1), f.tell())
    print(f.truncate(4), f.seek(0), f.read())
with open(fn, 'w', encoding='ascii') as f:
    try: f.write('caf\u00e9')
    except UnicodeEncodeError as e: print(type(e).__name__)
with open(fn, 'wb') as f: f.write(b'\xff\xfe')
with open(fn) as f:
    try: f.read()
    except UnicodeDecodeError as e: print(type(e).__name__)
with open(fn, encoding='latin-1') as f: print(ascii(f.read()))
with open(fn, 'w') as f: pass

import os as _os
_os.remove(fn)
