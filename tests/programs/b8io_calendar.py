# calendar: month and year texts, leap years, weekday arithmetic.
import calendar
print(calendar.isleap(2000), calendar.isleap(1900), calendar.leapdays(1900, 2024))
print(calendar.monthrange(2024, 2), calendar.monthrange(2023, 12), calendar.weekday(2024, 2, 29))
print(calendar.month(2024, 2))
print(calendar.month(2021, 8, w=3, l=1))
print(calendar.monthcalendar(2024, 3))
print(list(calendar.day_name), list(calendar.month_abbr))
print(calendar.timegm((2009, 2, 13, 23, 31, 30, 0, 0, 0)))
c = calendar.TextCalendar(calendar.SUNDAY)
print(c.formatmonth(2023, 1))
print(list(c.itermonthdays(2023, 2))[:10])
print(calendar.calendar(2024, w=2, l=1, c=6, m=3)[:400])
try:
    calendar.monthrange(2024, 13)
except calendar.IllegalMonthError as e:
    print(type(e).__name__, e)
