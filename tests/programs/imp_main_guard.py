# __name__ == "__main__" in the script, not in what it imports.
import sys
sys.path.append(__file__.rsplit("/", 1)[0] + "/imp_mods")
import plain
def main():
    print("main runs", __name__, plain.__name__, plain.counter)
if __name__ == "__main__":
    main()
print(sys.modules["__main__"].main is main)
print(sorted(k for k in globals() if k.startswith("__")))
