# A thread blocked reading a pipe through a file object (open() on the
# descriptor) or in readline() does not stop the main thread; file writes
# from several threads all arrive.
import os
import threading

r, w = os.pipe()
rf = os.fdopen(r, 'rb')
got = []
t = threading.Thread(target=lambda: got.append(rf.read(5)))
t.start()
print('main works', sum(range(5000)))
os.write(w, b'12345')
t.join()
print(got)

lines = []
r2, w2 = os.pipe()
tf = os.fdopen(r2, 'r')
t = threading.Thread(target=lambda: lines.append(tf.readline()))
t.start()
print('main again', len(lines))
wf = os.fdopen(w2, 'w')
wf.write('a line\n')
wf.flush()
t.join()
print(lines)

# several threads write lines to one pipe; every line arrives whole
r3, w3 = os.pipe()
out = os.fdopen(w3, 'w')
lock = threading.Lock()
def writer(k):
    for i in range(50):
        with lock:
            out.write('t%d-%02d\n' % (k, i))
            out.flush()
reader_data = []
rd = os.fdopen(r3, 'r')
reader = threading.Thread(target=lambda: reader_data.extend(rd.read().splitlines()))
reader.start()
ws = [threading.Thread(target=writer, args=(k,)) for k in range(3)]
for x in ws: x.start()
for x in ws: x.join()
out.close()
reader.join()
print(len(reader_data), sorted(reader_data)[:3], sorted(reader_data)[-1])
for f in (rf, tf, wf, rd):
    f.close()
os.close(w)
