# doctest: examples run in 'single' mode (PRINT_EXPR calls sys.displayhook),
# failures and exceptions reported as CPython does
import doctest
import sys


def square(x):
    """Return x squared.

    >>> square(3)
    9
    >>> [square(i) for i in range(4)]
    [0, 1, 4, 9]
    >>> square('a')
    Traceback (most recent call last):
      ...
    TypeError: can't multiply sequence by non-int of type 'str'
    >>> None
    >>> x = 5
    >>> x
    5
    """
    return x * x


def wrong():
    """
    >>> 1 + 1
    3
    >>> print('a\\nb')
    a
    c
    >>> raise ValueError('boom')
    """


print(doctest.testmod(verbose=False))
print(doctest.run_docstring_examples(square, {'square': square}, verbose=True))

# the displayhook: 'single' mode echoes non-None values and sets builtins._
import builtins
exec(compile('6 * 7\n', '<s>', 'single'))
print(builtins._)
exec(compile('None\n', '<s>', 'single'))
print(builtins._)
seen = []
sys.displayhook = seen.append
exec(compile('1; 2\n', '<s>', 'single'))
print(seen)
del sys.displayhook
try:
    exec(compile('3\n', '<s>', 'single'))
except RuntimeError as e:
    print('RuntimeError', e)
sys.displayhook = sys.__displayhook__
