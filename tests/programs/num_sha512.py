import _sha512
for data in (b'', b'abc', b'x' * 111, b'y' * 112, b'z' * 1000, bytearray(b'hello')):
    h = _sha512.sha512(data); print(h.hexdigest()[:40], len(h.digest()))
h = _sha512.sha512(); h.update(b'ab'); c = h.copy(); h.update(b'c'); print(h.hexdigest() == _sha512.sha512(b'abc').hexdigest(), c.hexdigest()[:16], h.name, h.digest_size, h.block_size)
print(int.from_bytes(b'hello' + _sha512.sha512(b'hello').digest()) % 10**20)
