"""imp_pkg: a package for the import tests."""
print("init imp_pkg", __name__, __package__)
from .alpha import greet
from . import beta
__all__ = ["greet", "beta", "VERSION"]
VERSION = (1, 2)
_private = "hidden"
