x = [y for y in [w for w in (z := range(3))]]
