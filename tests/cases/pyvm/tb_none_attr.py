s = None
s.upper()
