import sys


def main(argv):
    print("main", len(argv))
    if len(argv) < 5:
        return 2
    return 0


sys.exit(main(sys.argv))
