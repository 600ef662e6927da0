# timeouts: run, wait, communicate (selectors + time.monotonic)
import subprocess
import time

try:
    subprocess.run(['/bin/sleep', '5'], timeout=0.3)
except subprocess.TimeoutExpired as e:
    print('run:', e.cmd, round(e.timeout, 1), e.output, e.stderr)
try:
    subprocess.run(['/bin/sh', '-c', 'echo partial; exec sleep 5'], timeout=2.0,
                   capture_output=True)
except subprocess.TimeoutExpired as e:
    print('run capture:', e.cmd, e.output, e.stderr)
try:
    subprocess.check_output(['/bin/sleep', '5'], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print('check_output:', e)
p = subprocess.Popen(['/bin/sleep', '5'])
t0 = time.monotonic()
try:
    p.wait(timeout=0.2)
except subprocess.TimeoutExpired as e:
    print('wait:', e, time.monotonic() - t0 >= 0.2)
p.kill()
print(p.wait())
p = subprocess.Popen(['/bin/sh', '-c', 'sleep 0.3; echo done'], stdout=subprocess.PIPE)
try:
    p.communicate(timeout=0.05)
except subprocess.TimeoutExpired as e:
    print('communicate:', e)
print(p.communicate())
p = subprocess.Popen(['/bin/sh', '-c', 'read x; echo got $x'], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
print(p.communicate(b'in\n', timeout=5))
r = subprocess.run(['/bin/echo', 'quick'], timeout=5, capture_output=True)
print(r.stdout)
print(subprocess.call(['/bin/true'], timeout=5))
p = subprocess.Popen(['/bin/sleep', '5'])
print(p.poll())
p.terminate()
print(p.wait(timeout=5))
p = subprocess.Popen(['/bin/sleep', '5'])
p.send_signal(2)
print(p.wait())
