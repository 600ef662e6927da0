[(n := i) for i in range(3)]
print(n)
