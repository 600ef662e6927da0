if x:
	y = 1
	if y:
		z = 2

# c
  # indented comment
w = 3
