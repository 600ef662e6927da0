# decoding pseudo-random byte strings with every codec and handler (a fixed LCG)
state = 3
def rnd(n):
    global state
    state = (state * 1103515245 + 12345) % 2**31
    return (state >> 8) % n
pool = [0x00, 0x41, 0x7f, 0x80, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xe2, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff,
        0xa0, 0x9f, 0x90, 0x8f, 0xd8, 0xdc]
codecs = ["utf-8", "ascii", "latin-1", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-16", "utf-32"]
handlers = ["strict", "ignore", "replace", "backslashreplace", "surrogateescape", "surrogatepass"]
for i in range(1500):
    data = bytes(pool[rnd(len(pool))] for _ in range(rnd(9)))
    c = codecs[rnd(len(codecs))]
    h = handlers[rnd(len(handlers))]
    try:
        r = data.decode(c, h)
        back = None
        try:
            back = r.encode(c, h)
        except UnicodeEncodeError as e:
            back = ("UEE", e.start, e.end, e.reason)
        r = (ascii(r), back)
    except UnicodeDecodeError as e:
        r = ("UDE", e.encoding, e.start, e.end, e.reason)
    except Exception as e:
        r = (type(e).__name__, str(e))
    print(data, c, h, r)
