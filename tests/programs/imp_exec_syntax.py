# An uncaught SyntaxError from exec(): CPython shows the <string> source line.
print("start")
exec("x = 1\ny = = 2\n")
