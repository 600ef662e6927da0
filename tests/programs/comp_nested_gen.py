grid = [[r * 3 + c for c in range(3)] for r in range(3)]
print(grid)
print([grid[c][r] for r in range(3) for c in range(3)])
print(sum(sum(row) for row in grid))
print({r: [v for v in row if v % 2] for r, row in enumerate(grid)})
flat = [v for row in grid for v in row if v > 2 if v < 8]
print(flat)
print([(a, b, c) for a in range(1, 15) for b in range(a, 15) for c in range(b, 15) if a * a + b * b == c * c])
print(list(zip(*grid)))
words = ["alpha", "beta", "gamma"]
print({w[0]: {c for c in w} == set(w) for w in words})
print([[x for x in range(n)] for n in range(4)])
