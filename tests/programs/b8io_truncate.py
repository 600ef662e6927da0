# truncate() on text and binary files: CPython's sizes and what a read gives after.
import os, tempfile
d = tempfile.mkdtemp(); fn = os.path.join(d, 't')
with open(fn, 'w') as f: f.write('hello world\n' * 3)
with open(fn, 'r+') as f:
    print(repr(f.read(2)), f.truncate(), f.tell(), repr(f.read()))
with open(fn, 'r+') as f:
    print(repr(f.read(2)), f.truncate(5), f.tell(), repr(f.read()))
print(open(fn).read())
os.remove(fn); os.rmdir(d)
d = tempfile.mkdtemp(); fn = os.path.join(d, 't')
with open(fn, 'wb') as f: f.write(b'hello world\n' * 3)
with open(fn, 'rb+') as f:
    print(f.read(2), f.truncate(), f.tell(), f.read())
with open(fn, 'rb+') as f:
    print(f.read(1), f.truncate(4), f.tell(), f.read(), f.seek(0), f.read())
with open(fn, 'w+') as f:
    print(f.write('abcdef'), f.truncate(3), f.tell(), f.seek(0), repr(f.read()))
os.remove(fn); os.rmdir(d)
