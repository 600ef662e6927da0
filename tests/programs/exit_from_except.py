import sys
try:
    {}["missing"]
except KeyError as e:
    print("fatal:", e)
    sys.exit(3)
