x = "éé"; y = [(z := 1) for z in q]
