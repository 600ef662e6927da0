print("init imp_pkg.alpha", __name__, __package__)
def greet(who):
    return "hello " + who
