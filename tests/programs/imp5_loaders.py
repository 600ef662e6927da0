# the loaders and specs of modules pyvm imports itself (before and after importlib)
import json, pkgutil, importlib.util, sys, os
print(type(json.__loader__).__name__, type(json.__spec__.loader).__name__)
print(type(pkgutil.get_loader('json')).__name__)
print(type(importlib.util.find_spec('json').loader).__name__)
print(type(sys.__loader__).__name__ if not isinstance(sys.__loader__, type) else sys.__loader__.__name__)
print(json.__spec__.cached is not None, json.__spec__.has_location, json.__spec__.parent)
print(type(json.__spec__).__name__, isinstance(json.__spec__, importlib.machinery.ModuleSpec))
print(sys.__spec__)
import runpy, stat, zipimport
print(os.__loader__, os.__spec__.origin, os.__spec__.has_location)
print(zipimport.__loader__, zipimport.__spec__)
print(stat.__loader__, runpy.__spec__.loader)
