# bench/measure.py RUNS CMD_A... --vs CMD_B...: run the two commands RUNS
# times each, interleaved (A, B, A, B, ...), stdout and stderr discarded,
# and print one line per command:
#     cpu_median cpu_min cpu_max maxrss_kb_max wall_median
# or "fail" when a run exits non-zero.  CPU time is user + system time of
# the child alone and max RSS its own peak, both from os.wait4's rusage (so
# no other child's peak is mixed in, as RUSAGE_CHILDREN would).  Used by
# bench/run.sh; run by /usr/bin/python3 only as a timer.
import os
import statistics
import sys
import time


def once(argv):
    t = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        try:
            fd = os.open(os.devnull, os.O_RDWR)
            os.dup2(fd, 1)
            os.dup2(fd, 2)
            os.execv(argv[0], argv)
        finally:
            os._exit(127)
    _, status, ru = os.wait4(pid, 0)
    wall = time.perf_counter() - t
    if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
        return None
    return ru.ru_utime + ru.ru_stime, ru.ru_maxrss, wall


def main():
    runs = int(sys.argv[1])
    rest = sys.argv[2:]
    k = rest.index("--vs")
    cmds = [rest[:k], rest[k + 1:]]
    res = [[], []]
    for _ in range(runs):
        for i, c in enumerate(cmds):
            res[i].append(once(c))
    for r in res:
        if any(x is None for x in r):
            print("fail")
            continue
        cpu = [x[0] for x in r]
        print("%.4f %.4f %.4f %d %.4f" % (statistics.median(cpu), min(cpu), max(cpu),
                                          max(x[1] for x in r),
                                          statistics.median(x[2] for x in r)))


main()
