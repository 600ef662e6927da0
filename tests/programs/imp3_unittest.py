# unittest: TestCase assertions, skips, expected failures, subtests,
# failure diffs and tracebacks, TextTestRunner into a StringIO, main(exit=False).
import io
import linecache
import unittest

# Tracebacks show source lines through linecache; read this file into its
# cache up front (plain open()), so the test does not depend on
# tokenize.open (io.TextIOWrapper over a binary file).
with open(__file__) as _f:
    _src = _f.read()
linecache.cache[__file__] = (len(_src), None, _src.splitlines(True), __file__)


class Arith(unittest.TestCase):
    def setUp(self):
        self.data = [3, 1, 2]

    def test_sorted(self):
        self.assertEqual(sorted(self.data), [1, 2, 3])

    def test_in(self):
        self.assertIn(2, self.data)
        self.assertNotIn(5, self.data)

    def test_raises(self):
        with self.assertRaises(ZeroDivisionError):
            1 / 0
        self.assertRaises(KeyError, {}.__getitem__, 'x')

    def test_true(self):
        self.assertTrue(self.data)
        self.assertFalse([])
        self.assertIsNone(None)
        self.assertIsInstance(1, int)
        self.assertAlmostEqual(0.1 + 0.2, 0.3)

    def test_fail(self):
        self.assertEqual([1, 2], [1, 3])

    def test_error(self):
        raise ValueError('boom')

    @unittest.skip('not today')
    def test_skipped(self):
        pass

    @unittest.expectedFailure
    def test_expected(self):
        self.assertEqual(1, 2)

    def test_subtests(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 2)

    def test_dict_diff(self):
        self.assertDictEqual({'a': 1}, {'a': 2})

    def test_str_diff(self):
        self.assertEqual('hello\nworld\n', 'hello\nthere\n')


class Other(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.shared = 42

    def test_shared(self):
        self.assertEqual(self.shared, 42)

    def test_regex(self):
        self.assertRegex('abc123', r'\d+')
        with self.assertRaisesRegex(ValueError, 'bad'):
            raise ValueError('bad value')


def run(*classes, verbosity=1):
    suite = unittest.TestSuite()
    loader = unittest.TestLoader()
    for c in classes:
        suite.addTests(loader.loadTestsFromTestCase(c))
    out = io.StringIO()
    runner = unittest.TextTestRunner(stream=out, verbosity=verbosity)
    result = runner.run(suite)
    for line in out.getvalue().splitlines():
        # the timing line varies from run to run
        if not line.startswith('Ran '):
            print(line)
    print('run', result.testsRun, 'failures', len(result.failures), 'errors', len(result.errors),
          'skipped', len(result.skipped), 'expected', len(result.expectedFailures),
          'ok', result.wasSuccessful())


run(Other)
run(Arith, verbosity=2)

# unittest.main with exit=False
class Small(unittest.TestCase):
    def test_a(self):
        self.assertEqual(1 + 1, 2)

out = io.StringIO()
prog = unittest.main(module='__main__', argv=['prog', 'Small'],
                     exit=False, testRunner=unittest.TextTestRunner(stream=out))
print(prog.result.wasSuccessful(), prog.result.testsRun)
print([l for l in out.getvalue().splitlines() if not l.startswith('Ran ')])
