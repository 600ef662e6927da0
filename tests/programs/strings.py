s = "hello"
t = "world"
u = s + ", " + t + "!"
print(u)
print(len(u), len(""), len(s + t))
print(u[0], u[-1], s[1])
print("abc" + "")
print("It's" + ' "quoted"')
