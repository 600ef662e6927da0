import os, tempfile
d = tempfile.mkdtemp()
# r+ text: writes go where CPython's chunk ended
fn2 = os.path.join(d, 'b.txt')
with open(fn2, 'w') as f: f.write('hello world\n' * 3)
with open(fn2, 'r+') as f:
    print(repr(f.read(2)), f.write('XX'), f.tell()); f.seek(0); print(repr(f.read()))
with open(fn2, 'r+') as f:
    f.seek(3); print(f.write('YY'), f.tell(), repr(f.read(3)), f.tell()); f.seek(0); print(repr(f.read()))
with open(fn2, 'r+') as f:
    print(f.readline(), f.tell(), f.seek(0, 1), f.seek(0, 2), f.tell(), repr(f.read()))
    try: f.seek(3, 1)
    except Exception as e: print(type(e).__name__, e)
    try: f.seek(-3, 2)
    except Exception as e: print(type(e).__name__, e)
    try: f.seek(-3)
    except Exception as e: print(type(e).__name__, e)
    try: f.seek(0, 5)
    except Exception as e: print(type(e).__name__, e)
with open(fn2) as f:
    for line in f:
        try: f.tell()
        except OSError as e: print(e)
        break
    print(f.readline())
    for line in f: pass
    print(f.tell())
with open(fn2, 'w+') as f:
    f.write('abc\ndef\n'); print(f.tell()); f.seek(0); print(f.readline(), f.tell()); f.write('Z'); f.seek(0); print(repr(f.read()))
with open(fn2, 'a+') as f:
    print(f.tell()); f.seek(0); print(repr(f.read(3))); f.write('end'); print(f.tell()); f.seek(0); print(repr(f.read()))
os.remove(fn2); os.rmdir(d)
