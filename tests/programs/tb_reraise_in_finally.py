def work():
    try:
        print("working")
        raise OSError("disk full")
    finally:
        print("finally before propagation")


def main():
    try:
        work()
    except OSError:
        print("logging and re-raising")
        raise


main()
