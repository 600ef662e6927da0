import math, time, sys, random
print(type(math).__name__, math.__name__, sorted(n for n in dir(math) if not n.startswith('_')))
print([n for n in ('CLOCK_MONOTONIC', 'CLOCK_REALTIME', 'asctime', 'clock_gettime', 'clock_gettime_ns', 'clock_getres', 'ctime', 'gmtime', 'localtime', 'mktime', 'monotonic', 'monotonic_ns', 'perf_counter', 'perf_counter_ns', 'process_time', 'process_time_ns', 'sleep', 'strftime', 'struct_time', 'thread_time', 'time', 'time_ns', 'tzset', 'timezone', 'tzname') if hasattr(time, n)])
print(time.clock_gettime(time.CLOCK_MONOTONIC) > 0, type(time.clock_gettime_ns(time.CLOCK_REALTIME)).__name__, time.clock_getres(time.CLOCK_MONOTONIC) <= 0.01, time.tzset())
import _random, io
print(sorted(n for n in dir(_random) if not n.startswith('_')), [n for n in ('open', 'UnsupportedOperation', 'SEEK_SET', 'TextIOWrapper', 'BufferedReader', 'BufferedWriter', 'BufferedRandom', 'FileIO', 'StringIO', 'BytesIO') if hasattr(io, n)])
print(repr(math)[:22], repr(time)[:22])
