import math, sys
pairs = [(2**53, 2.0**53), (2**53 + 1, 2.0**53), (2**63, 2.0**63), (2**63 - 1, 2.0**63), (-2**63, -2.0**63), (10**400, math.inf), (-10**400, -math.inf), (10**308, 1e308), (123, 123.0), (123, 123.5), (0, -0.0), (1, math.nan), (2**1024, sys.float_info.max), (3, 3+0j), (True, 1.0), (False, 0j)]
for a, b in pairs:
    print(a if a.bit_length() < 70 else 'big', b, a == b, a != b, a < b, a <= b, a > b, a >= b, b < a)
print(hash(2**53) == hash(2.0**53), hash(10**20) == hash(1e20), hash(2**100) == hash(2.0**100), hash(-2**70) == hash(-2.0**70), hash(0.5) == hash(0.5 + 0j), hash(5) == hash(5 + 0j))
print({1: 'int'}[1.0], {1.0: 'float'}[True], {2**64: 'x'}[2.0**64], 1 in [1.0], 1.0 in {1}, (2**64 + 1) in {2.0**64})
print(max(1, 1.0, True), min(True, 1, 1.0), sorted([2, 1.5, True, 0.5, False]), max([10**20, 1e20]), max([1e20, 10**20]))
print([x for x in (0.1 * 3, 0.3, 3 / 10) if x == 0.3], 0.1 * 3 > 0.3, 1e16 == 10**16, 1e16 + 1 == 10**16 + 1, float(10**16 + 1) == 10**16)
try: 1 < 'a'
except TypeError as e: print(e)
try: 1.5 >= None
except TypeError as e: print(e)
try: 1j < 1j
except TypeError as e: print(e)
print(1 == 'a', 1.0 != None, [1, 2] == (1, 2), None == 0, NotImplemented == NotImplemented, ... is Ellipsis)
print(True + True, True * 2.5, True / 2, -True, ~False, True ** 2, divmod(True, True), True & 3, False | 2, True ^ True, abs(-True), bool(-0.0), bool(0j), bool(1e-300))
print(type(True + 1).__name__, type(True & True).__name__, type(True | 0).__name__, str(True), repr(False), int(True), float(False), True == 1 == 1.0)
