# time: struct_time, gmtime, mktime/localtime round trip, strftime, asctime.
import time
g = time.gmtime(1234567890)
print(g)
print(g.tm_year, g.tm_mon, g.tm_mday, g[0], g[-1], len(g), g.tm_zone, g.tm_gmtoff, type(g).__name__)
print(g[:3], list(g)[3:6], g == time.gmtime(1234567890), g != time.gmtime(0))
print(time.gmtime(0), time.gmtime(-1)[:6], time.gmtime(86400 * 365.25 * 30)[:3])
print(time.strftime('%Y-%m-%d %H:%M:%S %a %A %b %B %j %U %W %w %y %p %I %%', g))
print(time.strftime('%d/%m/%Y', (2000, 1, 1, 0, 0, 0, 0, 1, 0)), time.strftime('%H', (2000, 1, 1, 23, 0, 0, 0, 1, 0)))
print(time.asctime(g), '|', time.asctime((2020, 1, 2, 3, 4, 5, 0, 2, 0)))
print(time.mktime(time.localtime(1234567890)) == 1234567890, time.localtime(5)[:0])
print(time.ctime(0) == time.asctime(time.localtime(0)))
st = time.struct_time((2021, 5, 6, 7, 8, 9, 3, 126, 0))
print(st, st.tm_zone, st.tm_gmtoff)
st = time.struct_time((2021, 5, 6, 7, 8, 9, 3, 126, 0, 'XYZ', 3600))
print(st.tm_zone, st.tm_gmtoff, len(st))
for bad in [(1,), tuple(range(12))]:
    try:
        time.struct_time(bad)
    except TypeError as e:
        print(e)
try:
    time.strftime('%Y', (1,))
except TypeError as e:
    print(e)
print(time.gmtime(1e9)[:6], time.gmtime(1.9)[5])
print(time._STRUCT_TM_ITEMS)
