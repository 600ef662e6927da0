# px5: os.readv into every writable buffer (bytearray, mmap, memoryview) and
# its BufferErrors for read-only ones.
import os, mmap
r, w = os.pipe()
os.write(w, b'abcdefghij')
m = mmap.mmap(-1, 3)
ba = bytearray(4)
mv = memoryview(bytearray(3))
print(os.readv(r, [m, ba, mv[:2]]), m[:], ba, bytes(mv))
try: os.readv(r, [memoryview(b'xy')])
except Exception as e: print(type(e).__name__, e)
ro = mmap.mmap(-1, 2, access=mmap.ACCESS_READ)
try: os.readv(r, [ro])
except Exception as e: print(type(e).__name__, e)
