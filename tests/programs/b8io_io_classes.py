# io: the file types count as IOBase/RawIOBase/BufferedIOBase/TextIOBase.
import io, os, tempfile
d = tempfile.mkdtemp(); fn = os.path.join(d, 'x')
with open(fn, 'w') as f:
    print(isinstance(f, io.IOBase), isinstance(f, io.TextIOBase), isinstance(f, io.BufferedIOBase))
with open(fn, 'rb') as f:
    print(isinstance(f, io.IOBase), isinstance(f, io.BufferedIOBase), isinstance(f, io.RawIOBase), isinstance(f, io.BufferedReader))
with open(fn, 'rb', buffering=0) as f:
    print(isinstance(f, io.RawIOBase), isinstance(f, io.FileIO))
print(isinstance(io.StringIO(), io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase))
os.remove(fn); os.rmdir(d)
print(io.text_encoding(None), io.text_encoding('latin-1'), io.BlockingIOError is BlockingIOError)
with open(__file__, 'rb') as a, io.open_code(__file__) as b:
    print(type(b).__name__, a.read() == b.read())
print(issubclass(io.TextIOWrapper, io.TextIOBase), issubclass(io.FileIO, io.BufferedIOBase), issubclass(io.StringIO, io.IOBase))
