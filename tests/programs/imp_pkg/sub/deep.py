print("init imp_pkg.sub.deep", __name__, __package__)
from .. import alpha
from ..beta import value
from . import sibling
def info():
    return alpha.greet("deep") + " / " + value + " / " + sibling.NAME
