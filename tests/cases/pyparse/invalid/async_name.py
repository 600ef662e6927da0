async garbage = []
