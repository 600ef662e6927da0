# Circular imports: a partially initialised module is visible to the
# module it imports; names it binds later are reachable at call time.
import imp_circ.a
import imp_circ.b
print(imp_circ.a.fa(), imp_circ.b.call_a())
print(imp_circ.a.b is imp_circ.b, imp_circ.b.a is imp_circ.a)
from imp_circ.x import x_value
