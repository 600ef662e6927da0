# The real textwrap module (over re).
import textwrap
s = "The quick brown fox jumps over the lazy dog. " * 3
print(textwrap.wrap(s, 30))
print(textwrap.fill(s, width=40, initial_indent="> ", subsequent_indent="  "))
print(textwrap.shorten("Hello  world, this is a long sentence", width=20))
print(repr(textwrap.dedent("    a\n      b\n    c\n")), repr(textwrap.indent("x\n\ny\n", "+ ")))
w = textwrap.TextWrapper(width=12, break_long_words=True, max_lines=2, placeholder="~")
print(w.wrap("supercalifragilistic expialidocious words here"))
