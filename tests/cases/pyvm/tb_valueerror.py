n = int("abc")
