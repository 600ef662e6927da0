s = """a
b\
c"""
t = '''x

''' + "ab\
cd"
u = "\\"
