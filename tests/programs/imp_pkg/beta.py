print("init imp_pkg.beta", __name__, __package__)
from .alpha import greet as g
value = g("beta")
