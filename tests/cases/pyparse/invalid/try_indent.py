try:
pass
finally:
    pass
