if x:
    a = 1

  # c
  bcd = 2 + 3
