import sys, traceback


def inner(n):
    if n == 0:
        raise ValueError('bottom of the stack')
    return inner(n - 1)


def wrapper():
    try:
        inner(2)
    except ValueError as e:
        raise RuntimeError('wrapped') from e


def implicit():
    try:
        {}['missing']
    except KeyError:
        1 / 0


try:
    inner(3)
except ValueError:
    traceback.print_exc(file=sys.stdout)
    text = traceback.format_exc()
    print(text.count('\n'), text.splitlines()[-1])
    tb = sys.exc_info()[2]
    for fs in traceback.extract_tb(tb):
        print(fs.name, fs.lineno, repr(fs.line))

try:
    wrapper()
except RuntimeError as e:
    print(''.join(traceback.format_exception(e)), end='')
    print(''.join(traceback.format_exception(type(e), e, e.__traceback__, chain=False)),
          end='')
    print(traceback.format_exception_only(type(e), e))

try:
    implicit()
except ZeroDivisionError:
    traceback.print_exc(file=sys.stdout)
    traceback.print_exc(limit=1, file=sys.stdout)


def show_stack():
    traceback.print_stack(file=sys.stdout)
    for fs in traceback.extract_stack()[-2:]:
        print(fs.name, fs.lineno, fs.line)


def outer():
    show_stack()


outer()
print(traceback.format_list(traceback.extract_stack())[-1], end='')
try:
    exec(compile('x = 1\nraise LookupError("gone")\n', '<fake>', 'exec'))
except LookupError:
    traceback.print_exc(file=sys.stdout)
traceback.print_exc(file=sys.stdout)
# the last one goes to stderr
try:
    inner(1)
except ValueError:
    traceback.print_exc()
