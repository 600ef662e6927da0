g = (*a for a in b)
