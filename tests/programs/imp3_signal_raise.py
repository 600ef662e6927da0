# signal.raise_signal with SIG_IGN and default_int_handler; an uncaught
# KeyboardInterrupt ends the program with CPython's traceback and status.
import signal
print(signal.getsignal(signal.SIGINT))
signal.signal(signal.SIGINT, signal.SIG_IGN)
signal.raise_signal(signal.SIGINT)
print('ignored')
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print('KeyboardInterrupt caught')
try:
    signal.default_int_handler(signal.SIGINT, None)
except KeyboardInterrupt:
    print('handler raises KeyboardInterrupt')
signal.raise_signal(signal.SIGINT)
print('not reached')
