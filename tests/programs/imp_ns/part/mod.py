print("init imp_ns.part.mod", __name__, __package__)
X = 42
