print("b starts")
from . import a
def fb_name():
    return "fb"
def call_a():
    return a.fa()
print("b ends")
