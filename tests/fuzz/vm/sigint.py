#!/usr/bin/python3
"""tests/fuzz/vm/sigint.py: run ARGV with SIGINT at its default, wait for its
first line of output, send SIGINT, print its stderr and "rc N" (N < 0: killed
by signal -N), or "HANG" when it is still running 10 seconds later."""
import signal, subprocess, sys, time
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                     preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
p.stdout.readline()           # the program says it has started
p.send_signal(signal.SIGINT)
try:
    out, err = p.communicate(timeout=10)
except subprocess.TimeoutExpired:
    p.kill(); print("HANG"); sys.exit(3)
sys.stderr.write(err.decode())
print("rc", p.returncode)
