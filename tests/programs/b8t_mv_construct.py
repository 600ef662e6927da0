# memoryview as the source of bytes, bytearray, str, int.from_bytes, the
# codecs, concatenation and %-formatting, as CPython takes it.
import codecs
m = memoryview(b"caf\xc3\xa9 ok")
ba = bytearray(b"xyz")
def show(expr):
    try:
        r = eval(expr)
    except Exception as e:
        print(expr, '!!', type(e).__name__, e)
    else:
        print(expr, '->', repr(r))

for e in ['bytes(m)', 'bytearray(m)', 'bytes(m[1:3])', 'bytes(memoryview(ba))', 'bytearray(memoryview(ba)[::-1])',
          'b"" + m', 'b">" + m[:3]', 'bytearray(b">") + m[:3]', 'bytearray(b">") + memoryview(ba)',
          'm + b"x"', 'int.from_bytes(m[:2], "big")', 'int.from_bytes(memoryview(b"\\x01\\x02"), "little")',
          'int.from_bytes(memoryview(bytearray(b"\\xff\\xff")), "big", signed=True)',
          'str(m, "utf-8")', 'str(m, "ascii", "replace")', 'str(m[:3], encoding="latin-1")',
          'str(memoryview(ba), "ascii")', 'codecs.decode(m, "utf-8")', 'codecs.utf_8_decode(m)',
          'codecs.latin_1_decode(memoryview(b"\\xe9"))', 'codecs.ascii_decode(bytearray(b"a"))',
          'codecs.decode(memoryview(b"\\x80"), "cp1252")', 'str(memoryview(b"\\x80"), "cp437")',
          'b"%s|%b" % (m[:3], memoryview(ba))', 'b"%s" % bytearray(b"q")', 'bytearray(b"%b") % m[4:]',
          'b"%c" % m[:1]', 'b"%c" % bytearray(b"z")', 'b"%c" % b"zz"', 'b"%s" % "str"',
          'bytes(memoryview(b""))', 'str(memoryview(b""), "utf-8")', 'list(bytes(m))[:3]', 'hash(bytes(m)) == hash(b"caf\\xc3\\xa9 ok")',
          'm == b"caf\\xc3\\xa9 ok"', 'b"caf\\xc3\\xa9 ok" == m', 'bytearray(b"xyz") == memoryview(ba)', 'm.tobytes().decode()']:
    show(e)
b = bytearray(b"ab")
b += memoryview(b"cd")
b.extend(memoryview(b"ef"))
b[0:1] = memoryview(b"AA")
b[-1:] = memoryview(bytearray(b"!"))
print(b)
b += bytearray(b"+")
b *= 2
print(b, len(b))
c = bytearray(b"12345")
c[1:3] = c
print(c)
c.extend(c)
print(c)
for bad in ['bytes(m, "utf-8")', 'str(m, 5)', 'b"" + "s"', 'bytearray() + 5', 'int.from_bytes("ab", "big")',
            'codecs.decode("text", "utf-8")', 'str(object(), "utf-8")', 'str("s", "utf-8")']:
    show(bad)
