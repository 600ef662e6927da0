import linecache, os, tempfile, tokenize

# a line to find: MARKER-LINE
here = __file__
print(repr(linecache.getline(here, 3)))
print(repr(linecache.getline(here, 1)))
print(repr(linecache.getline(here, 10000)))
print(len(linecache.getlines(here)) == len(open(here).readlines()))

d = tempfile.mkdtemp()
path = os.path.join(d, 'mod.py')
with open(path, 'wb') as f:
    f.write(b'# -*- coding: latin-1 -*-\r\ns = "caf\xe9"\r\nt = 2\n')
print([linecache.getline(path, i) for i in range(1, 5)])
with tokenize.open(path) as t:
    print(t.encoding, t.mode, t.line_buffering, t.read().splitlines())
with open(path, 'wb') as f:
    f.write(b'\xef\xbb\xbfx = "\xc3\xa9"\ny = 1\n')
linecache.checkcache(path)
print(linecache.getlines(path))
with tokenize.open(path) as t:
    print(t.encoding, repr(t.readline()), os.path.basename(t.name))
linecache.clearcache()
print(repr(linecache.getline(path, 2)))
print(repr(linecache.getline(os.path.join(d, 'nope.py'), 1)))
os.remove(path)
os.rmdir(d)
