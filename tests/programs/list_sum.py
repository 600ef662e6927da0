squares = []
for i in range(1, 11):
    squares.append(i * i)
total = 0
for s in squares:
    total = total + s
print(total, len(squares), squares[9])
