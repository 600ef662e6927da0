# files are flushed and closed when their last reference goes, and at exit
import os, tempfile, weakref

d = tempfile.mkdtemp()
p = os.path.join(d, 'data.txt')

f = open(p, 'w')
f.write('written, never closed')
del f                     # the TextIOWrapper's finalizer flushes and closes
with open(p) as r:
    print('after del:', r.read())

def scoped():
    g = open(p, 'a')
    g.write('; appended in a function')
scoped()
with open(p) as r:
    print('after return:', r.read())

b = open(p, 'rb')
print('binary read:', b.read(7))
b = None
print('binary file dropped')

# weakref.finalize runs when the object dies
class Thing:
    pass
t = Thing()
weakref.finalize(t, print, 'finalize callback ran')
del t
print('after del t')

# at exit: weakref.finalize with atexit=True runs, and a buffered text file
# on stdout's descriptor is flushed (after what print already wrote)
t2 = Thing()
weakref.finalize(t2, print, 'finalize at exit')
out = open(1, 'w', closefd=False)
out.write('buffered text flushed at exit\n')

os.remove(p)
os.rmdir(d)
print('main done')
