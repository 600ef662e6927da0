import sys
for i in range(3):
    print("line", i)
sys.stderr.write("warning: partial\n")
raise IndexError("index %d out of bounds" % 99)
