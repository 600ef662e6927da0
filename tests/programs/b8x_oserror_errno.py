# OSError(errno, ...) becomes the errno's subclass (PEP 3151); IOError and
# EnvironmentError are OSError; filename/filename2 are attributes, not args.
import errno
for n in [errno.ENOENT, errno.EEXIST, errno.EISDIR, errno.ENOTDIR, errno.EACCES, errno.EPERM,
          errno.EINTR, errno.EAGAIN, errno.EALREADY, errno.EINPROGRESS, errno.ECHILD, errno.EPIPE,
          errno.ESHUTDOWN, errno.ECONNABORTED, errno.ECONNREFUSED, errno.ECONNRESET, errno.ESRCH,
          errno.ETIMEDOUT, errno.EIO, 0, -1, 10**30]:
    e = OSError(n, "msg")
    print(n if n < 10**6 else "big", type(e).__name__, e.errno, e.strerror, str(e))
e = OSError(2, "gone", "f.txt")
print(type(e).__name__, e.filename, str(e), repr(e))
print(type(OSError(2)).__name__, type(OSError("2", "x")).__name__, type(OSError(2, "x", "a", None, "b")).__name__, str(OSError(2, "x", "a", None, "b")))
print(type(FileExistsError(2, "x")).__name__, type(IOError(2, "x")).__name__, type(EnvironmentError(13, "x")).__name__)
class My(OSError): pass
print(type(My(2, "x")).__name__)
try:
    raise OSError(errno.ENOENT, "nope", "zz")
except FileNotFoundError as e:
    print("caught", e)
print(type(OSError(True, "x")).__name__)
