text = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness"""
words = [w.strip(",.").lower() for w in text.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
for w, n in top:
    print(f"{w:>8} {n:2d} {'#' * n}")


def caesar(s, k):
    out = []
    for ch in s:
        if ch.isalpha():
            base = ord("a") if ch.islower() else ord("A")
            out.append(chr((ord(ch) - base + k) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)


enc = caesar("Hello, World!", 3)
print(enc, caesar(enc, -3))


def rle(s):
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(f"{j - i}{s[i]}")
        i = j
    return "".join(out)


print(rle("aaabccddddde"), rle(""), rle("x"))
print(" ".join(w[::-1] for w in "palindromes are fun".split()), "racecar" == "racecar"[::-1])
