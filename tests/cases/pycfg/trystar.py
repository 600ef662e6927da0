try:
    f()
except* ValueError as eg:
    print(eg)
except* (TypeError, KeyError):
    pass
else:
    print("ok")
try:
    g()
except* OSError:
    pass
finally:
    done()
