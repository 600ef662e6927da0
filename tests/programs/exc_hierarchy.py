names = [ZeroDivisionError, OverflowError, KeyError, IndexError, ValueError,
         UnicodeDecodeError, TypeError, NameError, UnboundLocalError,
         AttributeError, StopIteration, RecursionError, NotImplementedError,
         FileNotFoundError, KeyboardInterrupt, SystemExit, GeneratorExit,
         AssertionError, ImportError, ModuleNotFoundError, ExceptionGroup]
for c in names:
    print(c.__name__, "->", " ".join(k.__name__ for k in c.__mro__[1:]))
print(issubclass(KeyError, LookupError), issubclass(KeyboardInterrupt, Exception))
print(issubclass(bool, int), BaseException.__bases__)
