b = b"hello world"
m = memoryview(b)
print(len(m), m[0], m[-1], m.readonly, m.format, m.itemsize, m.ndim, m.shape, m.strides, m.nbytes)
print(m[1:5].tobytes(), m[::2].tolist(), m[::-1].tobytes(), bytes(m[6:]), m.obj is b)
print(m == b, m[:5] == b"hello", m != b"x", m[:5] == memoryview(b"hello"), m.hex(), m[:3].hex())
print(list(m[:3]), sum(m), b"w" in bytes(m), m.contiguous, m[::2].contiguous)
try:
    m[0] = 1
except TypeError as e:
    print("TypeError:", e)
ba = bytearray(b"abcdef")
mv = memoryview(ba)
mv[0] = ord("X")
mv[1:3] = b"YZ"
print(ba, mv.readonly, mv[2], hash(memoryview(b"ab")) == hash(b"ab"))
try:
    mv[0] = 300
except ValueError as e:
    print("ValueError:", e)
try:
    mv[1:3] = b"toolong"
except ValueError as e:
    print("ValueError:", e)
try:
    mv[10]
except IndexError as e:
    print("IndexError:", e)
try:
    hash(mv)
except ValueError as e:
    print("ValueError:", e)
with memoryview(b"ctx") as cm:
    print(cm.tobytes())
try:
    cm[0]
except ValueError as e:
    print("ValueError:", e)
mv.release()
try:
    len(mv)
except ValueError as e:
    print("ValueError:", e)
print(repr(mv).startswith("<released memory at"), repr(m).startswith("<memory at"))
try:
    memoryview("str")
except TypeError as e:
    print("TypeError:", e)
ro = memoryview(bytearray(b"q")).toreadonly()
print(ro.readonly, type(m).__name__, bytearray(memoryview(b"xy")), memoryview(m)[0])
