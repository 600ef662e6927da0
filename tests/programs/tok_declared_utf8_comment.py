# -*- coding: utf-8 -*-
# A file declared UTF-8 whose comments hold Latin-1 bytes: café, naïve.
# CPython only decodes strings and names, so this runs.
x = "ok"  # à la carte
print(x, len(x))
