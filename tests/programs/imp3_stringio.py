# io.StringIO: writes at the end (collected, joined lazily), in the middle,
# past the end, truncate, newline translation, reading back.
import io
s = io.StringIO('abc')
s.write('X'); print(s.getvalue(), s.tell())
s.seek(0, 2); s.write('end'); s.write('!'); print(s.getvalue(), s.tell())
s.seek(1); s.write('--'); print(s.getvalue(), s.read())
s.seek(20); s.write('far'); print(repr(s.getvalue()))
s.truncate(4); print(s.getvalue(), s.tell()); s.write('z'); print(repr(s.getvalue()))
t = io.StringIO(newline=None); t.write('a\r\nb\rc'); print(repr(t.getvalue()))
u = io.StringIO(); print(u.write('é€'), u.tell(), u.getvalue()); u.seek(0); print(u.readline(), u.readlines())
print(list(io.StringIO('x\ny\n')), io.StringIO('q').read(), repr(io.StringIO().getvalue()))
s = io.StringIO()
for i in range(3000):
    s.write('line %d\n' % i)
print(len(s.getvalue()), s.getvalue()[-12:])
