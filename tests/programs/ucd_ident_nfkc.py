# Non-ASCII identifiers are stored in NFKC, as CPython's parser does:
# compatibility characters (fraktur, ligatures, full-width letters,
# superscripts) and decomposed letters name the same variable as their
# normalized forms, in every place an identifier appears.
import os

ℌ = 1
print(H, "ℌ" in globals(), "H" in globals())
ﬁle = 2
print(file)
ｘｙ = 3
print(xy)
café = 5          # decomposed e + U+0301
print(café, [k for k in globals() if k.startswith("caf")] == ["caf\u00e9"])

class Ｋ:
    ａttr = 10
    def ｍ(self, ｐ=1):
        return ｐ + self.attr

k = K()
print(type(k).__name__, K.attr, k.ｍ(p=2), k.m(ｐ=5), getattr(k, "ａttr", "absent"))

def ｆ(*, ｋｗ):
    return kw

print(f(kw=7), ｆ(ｋｗ=8))
import os.path as ｐａｔｈ
print(path is os.path, "ｐａｔｈ" in dir())
from os import ｓｅｐ as ｓ
print(s == os.sep)

def g():
    global ｇｌｏｂ
    ｇｌｏｂ = 9
g()
print(glob)
print(ascii(compile("ℌ + ﬁ", "<s>", "eval").co_names))
print((lambda ℯ: e)(11), [ℬ for B in range(2)])
