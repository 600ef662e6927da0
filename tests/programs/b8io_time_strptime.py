# time.strptime and datetime.strptime through the pure-Python _strptime.
import time
import datetime
print(time.strptime('Thu Mar  4 05:06:07 2021'))
print(time.strptime('2021-03-04 05:06:07', '%Y-%m-%d %H:%M:%S'))
print(time.strptime('Mar 4 2021', '%b %d %Y'))
print(time.strptime('March 4 2021', '%B %d %Y')[:3])
print(time.strptime('31/12/99 11:59 PM', '%d/%m/%y %I:%M %p'))
print(time.strptime('2024 060', '%Y %j')[:3], time.strptime('1 2 2024', '%w %U %Y')[:3])
print(time.strptime('Friday 2023-06-09', '%A %Y-%m-%d').tm_wday)
print(time.strptime('+0530 2020', '%z %Y').tm_gmtoff, time.strptime('-0100 2020', '%z %Y').tm_gmtoff)
print(time.strptime('12:30', '%H:%M')[:6], time.strptime('%', '%%')[:3])
for bad in [('x', '%Y'), ('2021-13-01', '%Y-%m-%d'), ('2021', '%Y %d'), ('2021 extra', '%Y')]:
    try:
        time.strptime(*bad)
    except ValueError as e:
        print(e)
try:
    time.strptime('2021', '%Q')
except ValueError as e:
    print(e)
try:
    time.strptime(2021)
except TypeError as e:
    print(e)
print(datetime.datetime.strptime('2020-05-17 10:11:12.5', '%Y-%m-%d %H:%M:%S.%f'))
print(datetime.datetime.strptime('17/May/2020:10:11:12 +0200', '%d/%b/%Y:%H:%M:%S %z'))
print(repr(datetime.datetime.strptime('2021-01-02', '%Y-%m-%d')))
print(datetime.datetime.strptime('23:59', '%H:%M').time())
