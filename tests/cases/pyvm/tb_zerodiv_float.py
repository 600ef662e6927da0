items = [1, 2, 3]
total = sum(items) / (len(items) - 3)
