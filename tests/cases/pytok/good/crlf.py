x = (1 +
  2)

# c
if x:
  pass
