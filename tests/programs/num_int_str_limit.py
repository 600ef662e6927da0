import sys
print(sys.get_int_max_str_digits())
for n in (4300, 4301):
    try: print(len(str(10 ** (n - 1))))
    except ValueError as e: print(e)
for n in (4300, 4301):
    try: print(int('7' * n) % 1000)
    except ValueError as e: print(e)
print(int('1' * 5000, 16) % 1000, len(hex(10 ** 5000)), int('1' * 5000, 2) % 1000)
try: int('1' * 5000, 7)
except ValueError as e: print(e)
try: sys.set_int_max_str_digits(639)
except ValueError as e: print(e)
sys.set_int_max_str_digits(640)
try: str(10 ** 700)
except ValueError as e: print(e)
print(len(str(10 ** 639)))
sys.set_int_max_str_digits(maxdigits=0)
print(len(str(10 ** 50000)), sys.get_int_max_str_digits())
try: f'{10**5000}'
except ValueError as e: print(e)
print(len(repr(10 ** 5000)))
