# unicodedata.decimal/digit/numeric and the str predicates over the
# characters that have numeric values.
import unicodedata as ud

nums = [c for c in map(chr, range(0x30000)) if ud.numeric(c, None) is not None]
print(len(nums))
dec = sum(1 for c in nums if ud.decimal(c, None) is not None)
dig = sum(1 for c in nums if ud.digit(c, None) is not None)
print(dec, dig)
print(sum(ud.numeric(c) for c in nums))
for c in "0" "9" "\u00b2\u00b3\u00b9\u00bc\u00bd\u00be\u0660\u06f9\u0967\u09f4\u0bf0" \
         "\u0f33\u1372\u137c\u2070\u2155\u215f\u2160\u216c\u2180\u2189\u2469\u24ea" \
         "\u2cfd\u3007\u3405\u4e00\u4e07\u5146\u5343\uf96b\uff10\U00010107\U00010133" \
         "\U0001d7ce\U0001f10c\U00012432\U0001ecb1\U0002092a":
    print("U+%04X" % ord(c), ud.decimal(c, None), ud.digit(c, None), ud.numeric(c, None),
          c.isdecimal(), c.isdigit(), c.isnumeric(), ud.category(c))
print(int("\u0661\u0662\u0663"), float("\uff11.\uff15"), int("\U0001d7d8\U0001d7d9"))
by_cat = {}
for c in nums:
    by_cat[ud.category(c)] = by_cat.get(ud.category(c), 0) + 1
print(sorted(by_cat.items()))
