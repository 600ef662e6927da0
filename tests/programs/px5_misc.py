# px5: the rest of the POSIX surface of os: getrandom, memfd_create,
# eventfd, sendfile, copy_file_range, splice, readv/writev/preadv/pwritev,
# lockf, posix_fadvise/fallocate, ttyname/ctermid/get_terminal_size
# errors, login_tty, shutil.copyfile through sendfile.
import os
import shutil
import tempfile


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


print(os.GRND_NONBLOCK, os.GRND_RANDOM, os.MFD_CLOEXEC, os.MFD_ALLOW_SEALING, os.MFD_HUGETLB,
      os.EFD_CLOEXEC, os.EFD_NONBLOCK, os.EFD_SEMAPHORE, os.SPLICE_F_MOVE, os.SPLICE_F_NONBLOCK,
      os.SPLICE_F_MORE, os.RWF_DSYNC, os.RWF_HIPRI, os.RWF_SYNC, os.RWF_NOWAIT, os.RWF_APPEND,
      os.F_LOCK, os.F_TLOCK, os.F_ULOCK, os.F_TEST, os.POSIX_FADV_NORMAL,
      os.POSIX_FADV_SEQUENTIAL, os.POSIX_FADV_RANDOM, os.POSIX_FADV_NOREUSE,
      os.POSIX_FADV_WILLNEED, os.POSIX_FADV_DONTNEED, os.SCHED_OTHER, os.SCHED_FIFO,
      os.SCHED_RR, os.SCHED_BATCH, os.SCHED_IDLE, os.SCHED_RESET_ON_FORK)
print(sorted((k, getattr(os, k)) for k in dir(os) if k.startswith('MFD_')))
t(lambda: len(os.getrandom(16)))
t(lambda: os.getrandom(0))
t(lambda: len(os.getrandom(8, os.GRND_NONBLOCK)))
t(lambda: os.getrandom(-1))
t(lambda: os.getrandom(3, 99))
t(lambda: os.getrandom('x'))

m = os.memfd_create('px5')
print(os.get_inheritable(m), os.write(m, b'memfd data'), os.lseek(m, 0, 0), os.read(m, 100))
print(os.fstat(m).st_size)
os.close(m)
m = os.memfd_create('px5', os.MFD_ALLOW_SEALING)
os.close(m)
t(lambda: os.memfd_create('x', 99999))
t(lambda: os.memfd_create(5))
t(lambda: os.memfd_create('a\0b'))

e = os.eventfd(3)
print(os.get_inheritable(e), os.eventfd_read(e))
os.eventfd_write(e, 5)
os.eventfd_write(e, 6)
print(os.eventfd_read(e))
os.close(e)
e = os.eventfd(2, os.EFD_SEMAPHORE | os.EFD_NONBLOCK)
print(os.eventfd_read(e), os.eventfd_read(e))
t(lambda: os.eventfd_read(e))
os.close(e)
t(lambda: os.eventfd(-1))
t(lambda: os.eventfd_write(999, 1))
t(lambda: os.eventfd_write(1, -1))

d = tempfile.mkdtemp()
src = os.path.join(d, 'src')
dst = os.path.join(d, 'dst')
with open(src, 'wb') as f:
    f.write(b'0123456789' * 1000)
fi = os.open(src, os.O_RDONLY)
fo = os.open(dst, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
print(os.sendfile(fo, fi, 0, 5), os.sendfile(fo, fi, 10, 3), os.lseek(fi, 0, 1))
print(os.sendfile(fo, fi, None, 4), os.lseek(fi, 0, 1))
print(os.copy_file_range(fi, fo, 6), os.copy_file_range(fi, fo, 2, 0, None))
os.close(fo)
with open(dst, 'rb') as f:
    print(f.read())
r, w = os.pipe()
print(os.splice(fi, w, 7, 20), os.read(r, 100))
os.write(w, b'piped')
fo = os.open(dst, os.O_WRONLY | os.O_TRUNC)
print(os.splice(r, fo, 100, None, None, os.SPLICE_F_MOVE))
os.close(fo)
with open(dst, 'rb') as f:
    print(f.read())
t(lambda: os.sendfile(w, r, None, 1))
t(lambda: os.copy_file_range(fi, w, -1))
t(lambda: os.copy_file_range(fi, 999, 1))
t(lambda: os.splice(r, w, -1))
t(lambda: os.splice(999, w, 1))

print(os.writev(w, [b'ab', bytearray(b'cd'), memoryview(b'ef')]))
bufs = [bytearray(2), bytearray(3)]
print(os.readv(r, bufs), bufs)
print(os.writev(w, []))
t(lambda: os.readv(r, 5))
t(lambda: os.writev(w, 5))
t(lambda: os.writev(w, [5]))
t(lambda: os.readv(r, [b'x']))
fo = os.open(dst, os.O_RDWR | os.O_TRUNC)
print(os.pwritev(fo, [b'hello ', b'world'], 0), os.pwritev(fo, [b'W'], 6))
b1, b2 = bytearray(5), bytearray(6)
print(os.preadv(fo, [b1, b2], 0), b1, b2, os.lseek(fo, 0, 1))
t(lambda: os.preadv(r, [bytearray(1)], 0))
t(lambda: os.pwritev(w, [b'x'], 0))
os.lockf(fo, os.F_LOCK, 0)
os.lockf(fo, os.F_TEST, 0)
os.lockf(fo, os.F_ULOCK, 0)
print(os.lockf(fo, os.F_TLOCK, 10))
t(lambda: os.lockf(r, 99, 0))
t(lambda: os.lockf(999, os.F_TLOCK, 0))
print(os.posix_fadvise(fo, 0, 0, os.POSIX_FADV_SEQUENTIAL), os.posix_fallocate(fo, 0, 4096))
print(os.fstat(fo).st_size)
t(lambda: os.posix_fadvise(r, 0, 0, 99))
t(lambda: os.posix_fallocate(r, 0, 10))
t(lambda: os.posix_fallocate(999, 0, 10))
t(lambda: os.posix_fadvise(999, 0, 0, 0))
os.close(fo)
os.close(fi)

# shutil.copyfile uses os.sendfile on Linux
shutil.copyfile(src, dst)
with open(dst, 'rb') as f:
    print(len(f.read()), os.path.getsize(src))
os.unlink(src)
os.unlink(dst)
os.rmdir(d)

t(lambda: os.ttyname(r))
t(lambda: os.ttyname(999))
t(lambda: os.tcgetpgrp(r))
t(lambda: os.get_terminal_size(r))
t(lambda: os.login_tty(999))
print(os.ctermid())
os.close(r)
os.close(w)
