def classify(exc):
    try:
        raise exc
    except (ValueError, TypeError):
        return "value-or-type"
    except ArithmeticError as e:
        return "arith:" + type(e).__name__
    except LookupError:
        return "lookup"
    except Exception:
        return "exception"
    except BaseException:
        return "base"


for e in (ValueError(), TypeError(), ZeroDivisionError(), OverflowError(), KeyError(),
          IndexError(), RuntimeError(), KeyboardInterrupt(), GeneratorExit(), UnicodeError()):
    print(type(e).__name__, classify(e))
try:
    raise 5
except TypeError as e:
    print("TypeError:", e)
try:
    try:
        pass
    except 5:
        pass
    print("no exception, bad clause unchecked")
    try:
        1 / 0
    except 5:
        pass
except TypeError as e:
    print("TypeError:", e)
