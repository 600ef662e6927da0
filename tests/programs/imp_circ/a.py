print("a starts")
from . import b
def fa():
    return "fa+" + b.fb_name()
print("a ends")
