# unicodedata's errors: argument types and counts, defaults, missing names.
import unicodedata as ud

def t(expr):
    try:
        r = eval(expr)
        print(expr, "->", ascii(r))
    except Exception as e:
        print(expr, "!!", type(e).__name__, ascii(str(e)))

for expr in [
    "ud.category(1)", "ud.category('ab')", "ud.category('')", "ud.category()",
    "ud.category('a', 'b')", "ud.category(chr='a')", "ud.bidirectional(None)",
    "ud.combining(3.0)", "ud.mirrored(b'a')", "ud.east_asian_width([])",
    "ud.decomposition('xy')", "ud.decimal()", "ud.decimal('a', 'b', 'c')",
    "ud.decimal('a')", "ud.decimal('a', None)", "ud.decimal(1)", "ud.digit('x')",
    "ud.digit('x', -1)", "ud.numeric('x')", "ud.numeric('x', 'none')",
    "ud.numeric(None)", "ud.name('\\x00')", "ud.name('\\x00', 'dflt')", "ud.name(1)",
    "ud.name()", "ud.name('a', 'b', 'c')", "ud.name('a', default=1)",
    "ud.lookup(1)", "ud.lookup('xyz')", "ud.lookup()", "ud.lookup(b'LATIN SMALL LETTER B')",
    "ud.lookup(bytearray(b'A'))", "ud.lookup('a' * 256)", "ud.lookup('a' * 257)",
    "ud.lookup('LATIN SMALL LETTER A\\x00')", "ud.lookup('')", "ud.lookup('LATIN SMALL LETTER A ')",
    "ud.lookup('hangul syllable GA')", "ud.lookup('HANGUL SYLLABLE ga')",
    "ud.lookup('HANGUL SYLLABLE ')", "ud.lookup('cjk unified ideograph-4e00')",
    "ud.lookup('CJK UNIFIED IDEOGRAPH-4e00')", "ud.lookup('CJK UNIFIED IDEOGRAPH-04E00')",
    "ud.lookup('CJK UNIFIED IDEOGRAPH-0004E00')", "ud.lookup('CJK UNIFIED IDEOGRAPH-E000')",
    "ud.lookup('CJK COMPATIBILITY IDEOGRAPH-0F900')", "ud.lookup('TANGUT IDEOGRAPH-17000')",
    "ud.normalize(1, 'a')", "ud.normalize('X', 'a')", "ud.normalize('nfc', 'a')",
    "ud.normalize('NFC', 1)", "ud.normalize('X', 1)", "ud.normalize('NFC')",
    "ud.normalize('NFC', 'a', 'b')", "ud.normalize(form='NFC', unistr='a')",
    "ud.is_normalized('X', 'a')", "ud.is_normalized('NFC', 1)", "ud.is_normalized('NFC')",
    "ud.UCD()", "ud.ucd_3_2_0.category()", "ud.ucd_3_2_0.lookup()",
    "ud.ucd_3_2_0.normalize('NFC')", "ud.ucd_3_2_0.category(x=1)", "ud.ucd_3_2_0.foo",
    "ud.UCD.category('a')", "ud.UCD.category(ud.ucd_3_2_0, '\\u0221')",
    "ud.ucd_3_2_0.unidata_version", "repr(ud.name)", "repr(ud.UCD.name)",
]:
    t(expr)
try:
    ud.lookup("NO SUCH THING")
except KeyError as e:
    print(repr(e), e.args)
