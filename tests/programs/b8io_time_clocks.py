# time: the clocks (types and monotonicity only), sleep, get_clock_info.
import time
t = time.time()
print(type(t), t > 1.6e9, type(time.time_ns()), time.time_ns() > 10**18)
for name in ['monotonic', 'perf_counter', 'process_time', 'thread_time']:
    f = getattr(time, name)
    a = f(); b = f()
    print(name, type(a).__name__, b >= a, type(getattr(time, name + '_ns')()).__name__)
    print(time.get_clock_info(name))
print(time.get_clock_info('time'))
try:
    time.get_clock_info('nope')
except ValueError as e:
    print(e)
start = time.monotonic()
time.sleep(0.02)
time.sleep(0)
print(time.monotonic() - start >= 0.015)
for bad in (-1, float('nan'), 'x', None):
    try:
        time.sleep(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(type(time.clock_gettime(time.CLOCK_MONOTONIC)), time.CLOCK_REALTIME, time.CLOCK_MONOTONIC)
print(time.clock_getres(time.CLOCK_MONOTONIC) > 0)
a = time.perf_counter_ns(); b = time.perf_counter_ns(); print(b >= a)
