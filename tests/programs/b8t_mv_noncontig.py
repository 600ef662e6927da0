# A non-contiguous memoryview (a strided slice) is bytes-like for bytes(),
# bytearray(), int.from_bytes() and %b, but the methods of bytes and the
# concatenations refuse it as CPython does (BufferError or TypeError); a
# released view is refused with ValueError.
nc = memoryview(b"abcdef")[::2]
rel = memoryview(b"xyz")
rel.release()
def show(expr):
    try:
        r = eval(expr)
    except Exception as e:
        print(expr, '!!', type(e).__name__, e)
    else:
        print(expr, '->', repr(r))

for e in ['bytes(nc)', 'bytearray(nc)', 'int.from_bytes(nc, "big")', 'b"%b" % nc', 'b"%s" % nc',
          'nc.tobytes()', 'b"ace" == nc', 'bytes(memoryview(b"abcdef")[::-1])',
          'b"xace".find(nc)', 'b"xace".count(nc)', 'nc in b"ace"', 'b"ace".startswith(nc)',
          'b"ace".startswith((nc,))', 'b"ace".split(nc)', 'b"ace".strip(nc)', 'b"a".replace(b"a", nc)',
          'b"ace".removeprefix(nc)', 'b"ace".partition(nc)', 'b"x" + nc', 'bytearray(b"x") + nc',
          'b"".join([nc])', 'str(nc, "ascii")', 'bytearray(b"ace").find(nc)',
          'bytes(rel)', 'b"x".find(rel)', 'b"x" + rel', 'rel in b"x"', 'b"x".startswith(rel)',
          'b"".join([rel])', 'str(rel, "ascii")']:
    show(e)
b = bytearray(b"x")
try:
    b += nc
except Exception as e:
    print(type(e).__name__, e)
print(b)
