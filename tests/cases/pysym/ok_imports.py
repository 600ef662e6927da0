import os
import os.path
import a.b.c as abc
from x import y as z, w
from . import rel
def f():
    import json
    from sys import argv
    return json, argv
