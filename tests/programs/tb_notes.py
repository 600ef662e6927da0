def parse(line):
    try:
        return int(line)
    except ValueError as e:
        e.add_note("line was: " + repr(line))
        raise


print(parse("5"))
parse("five")
