try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert []
except AssertionError as e:
    print("bare AssertionError", repr(e), e.args)
assert True, "never evaluated " + undefined
print("assert True passes")
x = 5
try:
    assert x < 0, f"x={x}"
except AssertionError as e:
    print(e)
