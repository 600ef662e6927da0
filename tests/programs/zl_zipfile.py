# zipfile with ZIP_DEFLATED (and ZIP_STORED, compresslevel 9) in memory:
# the archive bytes are compared by crc, then read back and tested.
import io, zipfile, zlib
buf = io.BytesIO()
with zipfile.ZipFile(buf, 'w', compression=zipfile.ZIP_DEFLATED) as zf:
    zi = zipfile.ZipInfo('a.txt', date_time=(2020, 1, 2, 3, 4, 6))
    zi.compress_type = zipfile.ZIP_DEFLATED
    zf.writestr(zi, b'hello zip ' * 500)
    zi = zipfile.ZipInfo('b.bin', date_time=(2020, 1, 2, 3, 4, 6))
    zf.writestr(zi, bytes(range(256)) * 10, compress_type=zipfile.ZIP_STORED)
    zi = zipfile.ZipInfo('c9.txt', date_time=(2021, 5, 6, 7, 8, 10))
    zf.writestr(zi, b'level nine ' * 300, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
raw = buf.getvalue()
print(len(raw), zlib.crc32(raw))
with zipfile.ZipFile(io.BytesIO(raw)) as zf:
    for info in zf.infolist():
        print(info.filename, info.compress_type, info.file_size, info.compress_size, info.CRC)
        print(zf.read(info.filename)[:30])
    print(zf.testzip())
