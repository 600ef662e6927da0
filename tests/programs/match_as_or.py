def classify(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as d]:
            return "going " + d
        case ["pick", "up", item] | ["take", item]:
            return "taking " + item
        case ["drop", *items] if items:
            return "dropping " + " and ".join(items)
        case [("quit" | "exit")]:
            return "bye"
        case [verb, *_] as whole:
            return "unknown verb %s (%d words)" % (verb, len(whole))
        case []:
            return "nothing"


for c in ("go north", "go up", "pick up lamp", "take key", "drop a b", "drop",
          "quit", "exit", ""):
    print(repr(c), classify(c))
