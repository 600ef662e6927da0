import sys


def cleanup():
    print("cleanup")


def main():
    try:
        print("working")
        sys.exit("stopped: code %d" % 12)
    finally:
        cleanup()


main()
