# memoryview (and bytearray) accepted as a bytes-like argument by the
# methods of bytes and bytearray, as CPython accepts it.
def mv(b):
    return memoryview(b)

def show(expr):
    try:
        r = eval(expr)
    except Exception as e:
        print(expr, '!!', type(e).__name__, e)
    else:
        if isinstance(r, tuple):
            r = tuple(bytes(x) if isinstance(x, memoryview) else x for x in r)
        print(expr, '->', repr(r))

for t in ('bytes', 'bytearray'):
    S = t + '(b"hello world")'
    for e in ['.startswith(mv(b"he"))', '.startswith((b"x", mv(b"hell")))', '.endswith(mv(b"world"))',
              '.find(mv(b"o"))', '.rfind(mv(b"o"))', '.index(mv(b"wor"))', '.rindex(mv(b"l"))',
              '.count(mv(b"l"))', '.count(mv(b""))', '.replace(mv(b"l"), mv(b"L"))',
              '.replace(mv(b"o"), bytearray(b"0"), 1)', '.split(mv(b" "))', '.rsplit(mv(b"o"), 1)',
              '.strip(mv(b"hd"))', '.lstrip(mv(b"eh"))', '.rstrip(bytearray(b"dl"))',
              '.partition(mv(b" "))', '.rpartition(mv(b"o"))', '.partition(bytearray(b"lo"))',
              '.removeprefix(mv(b"hello "))', '.removesuffix(mv(b"world"))',
              '.translate(None, mv(b"lo"))', '.translate(bytes.maketrans(mv(b"lo"), bytearray(b"01")))',
              '.join([mv(b"a"), b"b", bytearray(b"c")])', '.split(mv(b""))', '.find(mv(b"zz"))',
              '.index(mv(b"zz"))', '.center(15, b"*")', '.ljust(13, bytearray(b"-"))',
              '.rjust(13, mv(b"-"))', '.startswith("he")', '.find("o")', '.split("o")', '.strip("h")',
              '.join(["a"])', '.count(111)', '.find(256)']:
        show(S + e)
    for e in ['mv(b"lo w") in ', 'bytearray(b"xx") in ', 'b"" in ', '"lo" in ', '111 in ', 'mv(b"") in ']:
        show(e + S)
print(b"-".join(mv(x) for x in (b"a", b"bc", b"")))
print(bytearray(b"+").join([mv(b"x"), mv(bytearray(b"y"))]))
print(type(b"a=b".partition(bytearray(b"="))[1]).__name__, type(b"a=b".partition(mv(b"="))[1]).__name__,
      type(bytearray(b"a=b").partition(mv(b"="))[1]).__name__)
sep = mv(b"=")
print(b"a=b".partition(sep)[1] is sep, b"a=b".partition(b"=")[1] == b"=")
print(bytes.maketrans(mv(b"ab"), mv(b"xy"))[97:99], bytearray.maketrans(bytearray(b"a"), mv(b"b"))[97:98])
