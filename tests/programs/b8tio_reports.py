import unittest, warnings, sys, io, inspect

class T(unittest.TestCase):
    def test_fail(self):
        self.assertEqual(1 + 1, 3)
    def test_err(self):
        raise KeyError('x')
    def test_ok(self):
        pass

def f():
    return 42

warnings.warn('careful')
print(inspect.getsource(f), end='')
s = io.StringIO()
r = unittest.TextTestRunner(stream=s, verbosity=2).run(unittest.defaultTestLoader.loadTestsFromTestCase(T))
out = s.getvalue()
import re
print(re.sub(r'Ran (\d+) tests? in [0-9.]+s', r'Ran \1 tests', out))
