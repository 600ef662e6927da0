s = """abc
def"""