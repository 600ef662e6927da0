# shutil.make_archive ('zip', 'gztar') and unpack_archive in a temporary
# directory, and binascii.crc32 against zlib.crc32.
import os, shutil, tempfile, zipfile, tarfile, binascii, zlib
print(binascii.crc32(b'hello world'), zlib.crc32(b'hello world'))
print(binascii.crc32(b'abc', 12345))
with tempfile.TemporaryDirectory() as d:
    src = os.path.join(d, 'src')
    os.makedirs(os.path.join(src, 'sub'))
    for name, text in (('one.txt', 'one\n' * 100), ('sub/two.txt', 'two\n' * 200)):
        with open(os.path.join(src, name), 'w') as f:
            f.write(text)
    z = shutil.make_archive(os.path.join(d, 'arch'), 'zip', src)
    print(os.path.basename(z))
    with zipfile.ZipFile(z) as zf:
        for i in sorted(zf.infolist(), key=lambda i: i.filename):
            print(i.filename, i.compress_type, i.file_size, i.compress_size)
    t = shutil.make_archive(os.path.join(d, 'arch'), 'gztar', src)
    print(os.path.basename(t))
    with tarfile.open(t) as tf:
        print(sorted(tf.getnames()))
    out = os.path.join(d, 'out')
    shutil.unpack_archive(z, out)
    with open(os.path.join(out, 'sub', 'two.txt')) as f:
        print(len(f.read()))
    out2 = os.path.join(d, 'out2')
    shutil.unpack_archive(t, out2)
    print(sorted(os.listdir(out2)))
