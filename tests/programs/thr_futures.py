# concurrent.futures.ThreadPoolExecutor: map, submit, as_completed,
# exceptions, wait, shutdown.
import concurrent.futures as cf
import threading

def square(x):
    return x * x

def boom(x):
    raise ValueError('bad %d' % x)

with cf.ThreadPoolExecutor(max_workers=4) as ex:
    print(list(ex.map(square, range(10))))
    futs = [ex.submit(square, i) for i in range(8)]
    print(sorted(f.result() for f in cf.as_completed(futs)))
    f = ex.submit(boom, 7)
    try:
        f.result()
    except ValueError as e:
        print('ValueError:', e)
    print(type(f.exception()).__name__, f.done(), f.cancelled())
    done, not_done = cf.wait([ex.submit(square, 3)], return_when=cf.ALL_COMPLETED)
    print(len(done), len(not_done), [d.result() for d in done])
    try:
        list(ex.map(boom, [1, 2]))
    except ValueError as e:
        print('map ValueError:', e)
    names = set(ex.map(lambda _: threading.current_thread().name.startswith('ThreadPoolExecutor-'), range(4)))
    print(names)

ex = cf.ThreadPoolExecutor(max_workers=2, thread_name_prefix='pool')
fut = ex.submit(sum, [1, 2, 3])
cb = []
fut.add_done_callback(lambda f: cb.append(f.result()))
ex.shutdown(wait=True)
print(fut.result(), cb)
try:
    ex.submit(square, 1)
except RuntimeError as e:
    print('RuntimeError:', e)
