for i in range(1, 4):
    for j in range(1, 4):
        if j == 2:
            continue
        print(i, j, i * j)
for i in range(5):
    if i == 3:
        break
    print("outer", i)
