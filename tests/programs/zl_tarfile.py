# tarfile's 'w:gz' and 'r:gz' modes on a BytesIO.
import io, tarfile, zlib
buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode='w:gz') as tf:
    for name, data in (('a.txt', b'alpha ' * 100), ('dir/b.txt', b'beta\n' * 50)):
        ti = tarfile.TarInfo(name)
        ti.size = len(data)
        ti.mtime = 1600000000
        tf.addfile(ti, io.BytesIO(data))
raw = buf.getvalue()
print(len(raw))
with tarfile.open(fileobj=io.BytesIO(raw), mode='r:gz') as tf:
    for m in tf.getmembers():
        print(m.name, m.size, tf.extractfile(m).read()[:12])
