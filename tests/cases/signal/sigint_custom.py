# send: 0.5 INT 0.3 USR1
# A custom SIGINT handler and a SIGUSR1 one wake signal.pause(); the
# second raises and ends the program.
import signal


def on_int(signum, frame):
    print('SIGINT handled in', frame.f_code.co_name, flush=True)


def on_usr1(signum, frame):
    raise SystemExit('usr1: exiting')


signal.signal(signal.SIGINT, on_int)
signal.signal(signal.SIGUSR1, on_usr1)
print('ready', flush=True)
signal.pause()
print('after the first pause', flush=True)
signal.pause()
print('not reached')
