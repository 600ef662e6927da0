if x:
    a = 1
  bcd = 2 + 3
