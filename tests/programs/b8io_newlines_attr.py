import os, tempfile
d = tempfile.mkdtemp()
fn = os.path.join(d, 'n.txt')
for data in [b'a\nb\n', b'a\r\nb\r\n', b'a\rb\r', b'a\nb\r\nc\rd', b'a\r\nb\nc', b'x\r', b'none']:
    with open(fn, 'wb') as f: f.write(data)
    for nl in [None, '', '\n']:
        with open(fn, newline=nl) as f:
            seen = [f.newlines]
            f.readline(); seen.append(f.newlines)
            f.read(); seen.append(f.newlines)
            print(data, repr(nl), seen)
os.remove(fn); os.rmdir(d)
