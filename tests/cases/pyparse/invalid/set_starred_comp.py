s = {*a for a in b}
