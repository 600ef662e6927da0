def f():
    x = "é€ abc
