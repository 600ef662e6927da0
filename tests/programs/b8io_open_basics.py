import os, tempfile
d = tempfile.mkdtemp()
fn = os.path.join(d, 'a.txt')
with open(fn, 'w') as f:
    print(repr(f).replace(d, 'D'))
    print(f.write('héllo\nwörld\r\nthird\rfourth\n'))
    print(f.tell())
with open(fn) as f:
    print(repr(f.read(3)), f.tell())
    print(repr(f.readline()), f.tell())
    print(repr(f.readline()), f.tell())
    print(repr(f.readline(3)), f.tell())
    print(repr(f.read()), f.tell())
    print(repr(f.read()), f.tell())
with open(fn, newline='') as f:
    print(f.readlines())
with open(fn, newline='\r') as f:
    print(f.readlines())
with open(fn, newline='\r\n') as f:
    print(f.readlines())
with open(fn, newline='\n') as f:
    print(f.readlines())
with open(fn) as f:
    print(f.readlines(5))
    print(f.readlines(1))
    print(f.readlines(0))
with open(fn) as f:
    t = f.tell(); a = f.read(2); t2 = f.tell(); b = f.read(4); f.seek(t2); print(repr(a), repr(b), repr(f.read(4)), t2)
with open(fn, 'rb') as f:
    print(repr(f).replace(d, 'D'))
    print(f.read(4), f.tell(), f.seek(-2, 2), f.read(), f.seek(1), f.seek(2, 1), f.read(3))
    print(f.readline(), f.readline(2), f.readlines())
with open(fn, 'r+') as f:
    print(repr(f).replace(d, 'D'))
with open(fn, 'rb+') as f:
    print(repr(f).replace(d, 'D'))
with open(fn, 'ab') as f:
    print(repr(f).replace(d, 'D'), f.tell())
with open(fn, 'a') as f:
    print(repr(f).replace(d, 'D'), f.tell())
with open(fn, 'w', newline='\r\n') as f:
    f.write('x\ny\n')
with open(fn, 'rb') as f: print(f.read())
with open(fn, 'w', newline='\r') as f:
    f.write('x\ny\n')
with open(fn, 'rb') as f: print(f.read())
with open(fn, 'w', newline='') as f:
    f.write('x\ny\r\n')
with open(fn, 'rb') as f: print(f.read())
try:
    open(fn, 'x')
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename == fn, str(e).replace(d, 'D'))
try:
    open(os.path.join(d, 'nope'))
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, str(e).replace(d, 'D'), e.args)
try:
    open(d)
except IsADirectoryError as e:
    print(type(e).__name__, e.errno, e.strerror, str(e).replace(d, 'D'))
f = open(fn)
f.close()
for op in ['read', 'readline', 'readlines', 'tell', 'fileno', 'isatty', 'readable', 'writable', 'seekable', '__iter__', '__next__', '__enter__']:
    try:
        getattr(f, op)()
        print(op, 'ok')
    except Exception as e:
        print(op, type(e).__name__, e)
try: f.write('x')
except ValueError as e: print(e)
try: f.seek(0)
except ValueError as e: print(e)
f.close()
print(repr(f).replace(d, 'D'), f.closed)
fb = open(fn, 'rb'); fb.close()
for op in ['read', 'readline', 'tell', 'fileno']:
    try:
        getattr(fb, op)()
    except Exception as e:
        print(op, type(e).__name__, e)
print(repr(fb).replace(d, 'D'))
with open(fn, 'w') as f:
    print(f.readable(), f.writable(), f.seekable(), f.isatty(), type(f.fileno()))
    try: f.read()
    except Exception as e: print(type(e).__name__, e)
with open(fn) as f:
    try: f.write('x')
    except Exception as e: print(type(e).__name__, e)
for m in ['rw', 'rr', 'q', 'rt+b', 'bt', '']:
    try: open(fn, m)
    except ValueError as e: print(m, e)
try: open(fn, 'rb', encoding='utf-8')
except ValueError as e: print(e)
try: open(fn, 'rb', newline='')
except ValueError as e: print(e)
try: open(fn, 'r', newline='x')
except ValueError as e: print(e)
try: open(fn, 'r', encoding='nope')
except LookupError as e: print(e)
try: open(fn, 'r', buffering=0)
except ValueError as e: print(e)
with open(fn, 'rb', buffering=0) as f: print(repr(f).replace(d, 'D'), f.read())
with open(fn, 'w', encoding='latin-1') as f: print(repr(f).replace(d, 'D'), f.encoding)
with open(fn, 'w', encoding='ascii') as f:
    print(f.encoding, f.errors)
    try: f.write('é')
    except UnicodeEncodeError as e: print(e)
with open(fn, 'w', encoding='ascii', errors='replace') as f: f.write('aé€b')
with open(fn, 'rb') as f: print(f.read())
with open(fn, 'w', encoding='latin-1', errors='backslashreplace') as f: f.write('aé€b')
with open(fn, 'rb') as f: print(f.read())
with open(fn, 'wb') as f: f.write(b'a\xff\xfeb\n')
with open(fn, encoding='utf-8', errors='replace') as f: print(repr(f.read()))
with open(fn, encoding='utf-8', errors='ignore') as f: print(repr(f.read()))
with open(fn, encoding='utf-8', errors='surrogateescape') as f: print(repr(f.read()))
with open(fn, encoding='ascii', errors='backslashreplace') as f: print(repr(f.read()))
with open(fn, encoding='utf-8') as f:
    try: f.read()
    except UnicodeDecodeError as e: print(e)
os.remove(fn); os.rmdir(d)
