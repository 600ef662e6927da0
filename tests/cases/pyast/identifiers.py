ñ = 1
obj.עִברִית = ñ
def 函数(αβ, *, γ=2):
    return αβ + γ
class Ünïcode: pass
