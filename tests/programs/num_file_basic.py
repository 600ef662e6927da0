fn = 'num_file_basic.tmp'
with open(fn, 'w') as f:
    print(type(f).__name__, f.name, f.mode, f.closed, f.writable(), f.readable())
    print(f.write('hello\nworld\r\nlast'), file=None)
    f.writelines(['a\n', 'b\n'])
print(f.closed)
with open(fn) as f:
    print(repr(f.read()))
with open(fn, newline='') as f:
    print(f.readlines())
with open(fn, 'rb') as f:
    data = f.read(); print(type(f).__name__, data, f.tell(), f.mode)
    f.seek(0); print(f.read(5), f.tell(), f.readline(), f.readline())
with open(fn, 'r') as f:
    print(repr(f.readline()), repr(f.read(3)), f.tell() > 0)
    for line in f: print(repr(line))
with open(fn, 'a') as f:
    f.write('\nappended')
with open(fn) as f:
    print(list(f)[-2:])
with open(fn, 'r+') as f:
    f.seek(0, 2); end = f.tell(); f.write('Z'); f.seek(0); print(f.read(5), end)
    f.truncate(3); f.seek(0); print(repr(f.read()))
with open(fn, 'w', encoding='latin-1') as f:
    f.write('café')
with open(fn, 'rb') as f:
    print(f.read())
with open(fn, encoding='latin-1') as f:
    print(f.read())
with open(fn, 'wb') as f:
    print(f.write(b'\xc3\xa9\n'), f.write(bytearray(b'x')))
with open(fn, encoding='utf-8') as f:
    print(f.read(), f.encoding)
with open(fn, 'w', newline='\r\n') as f:
    f.write('a\nb\n')
with open(fn, 'rb') as f:
    print(f.read())
try: open(fn, 'x')
except FileExistsError as e: print(type(e).__name__, e, e.errno, e.filename, e.strerror)
try: open('no_such_file_here.txt')
except FileNotFoundError as e: print(e, e.errno, isinstance(e, OSError))
try: open('.')
except IsADirectoryError as e: print(e)
try: open(fn, 'q')
except ValueError as e: print(e)
try: open(fn, 'rw')
except ValueError as e: print(e)
try: open(fn, 'rb', encoding='utf-8')
except ValueError as e: print(e)
f = open(fn)
f.close(); f.close()
try: f.read()
except ValueError as e: print(e)
import io
with open(fn) as f:
    try: f.write('x')
    except io.UnsupportedOperation as e: print(e)
with open(fn, 'w') as f:
    try: f.read()
    except io.UnsupportedOperation as e: print(e, isinstance(e, OSError), type(e).__name__)
    try: f.write(b'x')
    except TypeError as e: print(e)
with open(fn, 'wb') as f:
    try: f.write('x')
    except TypeError as e: print(e)
print(repr(open) [:10])
with open(fn, 'w') as f: pass

import os as _os
_os.remove(fn)
