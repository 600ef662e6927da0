import sys
print("code 256 wraps")
sys.exit(300)
