try:
    t1 = 1
except E1 as h1:
    t2 = 2
else:
    t3 = 3
finally:
    t4 = 4
