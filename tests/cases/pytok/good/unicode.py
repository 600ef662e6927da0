café = "€"
αβ = 1  # — dash
print(café, αβ)
