# A SyntaxError in an imported module: traceback through the import.
print("before")
import imp_bad.syntax
print("not reached")
