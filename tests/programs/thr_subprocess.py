# subprocess from several threads at once: each waits for its own child
# with the GIL released.
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

def run(i):
    p = subprocess.run(['sh', '-c', 'echo out%d; echo err%d >&2' % (i, i)],
                       capture_output=True, text=True)
    return (i, p.returncode, p.stdout.strip(), p.stderr.strip())

with ThreadPoolExecutor(max_workers=3) as ex:
    for r in sorted(ex.map(run, range(5))):
        print(r)

# communicate() with input, from a thread, while the main thread runs
res = []
def talk():
    p = subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    out, _ = p.communicate(b'ping\n' * 3)
    res.append(out)
t = threading.Thread(target=talk)
t.start()
n = sum(range(10000))
t.join()
print(n, res)
