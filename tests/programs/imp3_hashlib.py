# hashlib without OpenSSL: the built-in _md5, _sha1, _sha256, _sha512, _sha3
# and _blake2 modules (digests, copy, shake lengths, keyed blake2, hmac).
import hashlib
data = [b'', b'abc', b'a' * 55, b'a' * 56, b'a' * 64, b'x' * 1000, bytes(range(256)) * 5]
for name in ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3_224', 'sha3_256',
             'sha3_384', 'sha3_512', 'blake2b', 'blake2s']:
    for d in data:
        h = hashlib.new(name, d)
        print(name, len(d), h.hexdigest(), h.digest_size, h.block_size, h.name)
    h = getattr(hashlib, name)()
    for d in data:
        h.update(d)
    c = h.copy()
    c.update(b'more')
    print(name, 'incr', h.hexdigest(), c.hexdigest())
for name in ['shake_128', 'shake_256']:
    for d in data:
        h = hashlib.new(name, d)
        print(name, len(d), h.hexdigest(10), h.hexdigest(200)[-20:], h.digest(0))
print(hashlib.blake2b(b'hi', digest_size=20, key=b'secret', salt=b'salty', person=b'me').hexdigest())
print(hashlib.blake2s(b'hi', digest_size=16, key=b'k' * 32, salt=b'12345678', person=b'p').hexdigest())
print(hashlib.blake2b(b'x' * 300, key=b'k').hexdigest())
print(hashlib.md5(memoryview(b'abcdef')[1:]).hexdigest(), hashlib.sha256(bytearray(b'q')).hexdigest())
try:
    hashlib.md5(memoryview(b'abcdef')[::2])
except BufferError as e:
    print('BufferError', e)
print(sorted(hashlib.algorithms_guaranteed))
try:
    hashlib.md5('str')
except TypeError as e:
    print(e)
import hmac
print(hmac.new(b'key', b'msg', 'sha256').hexdigest(), hmac.new(b'key', b'msg', hashlib.md5).hexdigest())
print(hmac.compare_digest(b'a', b'a'))
