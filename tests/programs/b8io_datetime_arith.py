# datetime: arithmetic, comparisons, formatting, ISO forms, time zones.
import datetime as dt
d = dt.datetime(2024, 2, 29, 13, 45, 30, 123456)
print(d, repr(d), d.isoformat(), d.isoformat(sep=' ', timespec='seconds'))
print(d + dt.timedelta(days=1, hours=12), d - dt.timedelta(weeks=9), d.replace(year=2023, day=28))
print(d.strftime('%A %d %B %Y %I:%M %p'), d.weekday(), d.isoweekday(), d.toordinal(), d.timetuple()[:8])
print(tuple(d.isocalendar()), d.date(), d.time(), d.ctime())
print(dt.date(2020, 1, 1) - dt.date(2019, 1, 1), dt.timedelta(seconds=-1), dt.timedelta(days=1, microseconds=5) * 3)
td = dt.timedelta(days=3, hours=4, minutes=5, seconds=6, milliseconds=7)
print(td, repr(td), td.total_seconds(), td.days, td.seconds, td.microseconds, td // 2, td / 4, -td, abs(-td))
print(td / dt.timedelta(hours=1), td // dt.timedelta(hours=1), td % dt.timedelta(hours=1), divmod(td, dt.timedelta(days=1)))
print(dt.timedelta(0), dt.timedelta.max, dt.timedelta.min, dt.timedelta.resolution, bool(dt.timedelta(0)))
print(dt.date(2024, 3, 1) > dt.date(2024, 2, 29), dt.date.max, dt.date.min, dt.date(2021, 12, 31).timetuple().tm_yday)
print(dt.date.fromisoformat('2021-12-31').toordinal(), dt.date.fromordinal(738000), dt.date(2020, 2, 1).replace(day=29))
print(dt.datetime.fromisoformat('2021-12-31T10:00:00+02:00'), dt.datetime.fromisoformat('2021-12-31 10:00:00.250'))
utc = dt.timezone.utc
ist = dt.timezone(dt.timedelta(hours=5, minutes=30), 'IST')
a = dt.datetime(2020, 1, 1, 12, tzinfo=utc)
print(a, a.astimezone(ist), a.astimezone(ist).tzname(), a.utcoffset(), ist, repr(utc), repr(ist))
print(dt.datetime.fromtimestamp(0, utc), dt.datetime.fromtimestamp(1234567890.5, utc), a.timestamp())
print(dt.datetime.utcfromtimestamp(1234567890), a == a.astimezone(ist), a - a.astimezone(ist))
print(dt.datetime(2020, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=-3))).isoformat())
# (the messages of these errors differ between CPython's C _datetime and
# the pure-Python datetime.py we run: only the exception types here)
for bad in [lambda: dt.datetime(2020, 1, 1) - a, lambda: dt.date(2021, 2, 29),
            lambda: dt.datetime(2021, 1, 1, 24), lambda: dt.timedelta(days=10**9),
            lambda: dt.date.fromisoformat('2021-1-1'), lambda: dt.date(2021, 1, 1) + 1]:
    try:
        bad()
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__)
print(f'{d:%Y/%m/%d}', format(dt.date(2001, 2, 3), '%d.%m.%y'), '{:%H:%M}'.format(dt.time(7, 5)))
print(dt.time(1, 2, 3, 4), dt.time(23, 59).isoformat(timespec='minutes'), dt.time.fromisoformat('04:05:06'))
print(sorted([dt.date(2020, 5, 1), dt.date(2019, 1, 1), dt.date(2020, 1, 1)]))
print(hash(dt.date(2020, 1, 1)) == hash(dt.date(2020, 1, 1)), {dt.date(2020, 1, 1): 1}[dt.date(2020, 1, 1)])
