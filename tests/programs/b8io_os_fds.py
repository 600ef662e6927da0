# os: pipes, dup, fsync/ftruncate/truncate, links, wait statuses; text files over pipes.
import os, tempfile
r, w = os.pipe()
print(os.get_inheritable(r), os.get_blocking(w))
os.write(w, 'héllo\r\nworld\rx\n'.encode())
os.close(w)
with open(r, newline=None) as f:
    print(f.seekable(), f.readline(), repr(f.read(3)), f.readlines(), f.newlines)
    for op in (f.tell, lambda: f.seek(0)):
        try:
            op()
        except OSError as e:
            print(type(e).__name__, e)
r, w = os.pipe()
with open(w, 'w') as f:
    f.write('abc\n')
    try:
        print(f.tell())
    except OSError as e:
        print(type(e).__name__, e)
with open(r) as f:
    print(repr(f.read()))
d = tempfile.mkdtemp()
fn = os.path.join(d, 'f.txt')
fd = os.open(fn, os.O_RDWR | os.O_CREAT, 0o644)
print(os.write(fd, b'0123456789'), os.pread(fd, 4, 2), os.pwrite(fd, b'AB', 8), os.pread(fd, 20, 0))
fd2 = os.dup(fd)
print(fd2 != fd, os.get_inheritable(fd2), os.lseek(fd2, 0, os.SEEK_CUR))
os.set_inheritable(fd2, True); print(os.get_inheritable(fd2))
os.ftruncate(fd, 5); os.fsync(fd); os.close(fd2)
print(os.pread(fd, 20, 0), os.stat(fn).st_size)
os.close(fd)
os.truncate(fn, 2)
print(open(fn, 'rb').read())
ln = os.path.join(d, 'link')
os.symlink('f.txt', ln)
print(os.readlink(ln), os.readlink(ln.encode()) == b'f.txt', os.path.islink(ln), open(ln, 'rb').read())
try:
    os.symlink('f.txt', ln)
except FileExistsError as e:
    print(str(e).replace(d, 'D'))
hard = os.path.join(d, 'hard')
os.link(fn, hard)
print(os.stat(fn).st_nlink)
try:
    os.readlink(fn)
except OSError as e:
    print(type(e).__name__, str(e).replace(d, 'D'))
for st in (0, 256, 3 << 8, 9, 15):
    print(st, os.WIFEXITED(st), os.WEXITSTATUS(st), os.WIFSIGNALED(st), os.WTERMSIG(st), os.waitstatus_to_exitcode(st))
print(os.WNOHANG, os.system('exit 3') >> 8, os.waitstatus_to_exitcode(os.system('true')))
u = os.uname()
print(u.sysname, len(u), type(u.release).__name__)
for p in (ln, hard, fn):
    os.remove(p)
os.rmdir(d)
