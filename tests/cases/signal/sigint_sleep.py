# send: 0.5 INT 0.5 INT
# SIGINT from outside: KeyboardInterrupt out of time.sleep (at once, not
# after 30 s), then out of a busy loop, uncaught: exit by SIGINT.
import time

print('ready', flush=True)
try:
    time.sleep(30)
except KeyboardInterrupt:
    print('KeyboardInterrupt in sleep', flush=True)
while True:
    pass
