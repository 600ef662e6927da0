# A handler that calls sys.exit ends the program with that status, after
# the finally blocks of the interrupted code have run.
import os
import signal
import sys


def quit_now(signum, frame):
    print('handler: exiting from', frame.f_code.co_name)
    sys.exit(3)


signal.signal(signal.SIGTERM, quit_now)


def work():
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        print('not reached')
    finally:
        print('finally in work')


work()
print('not reached either')
