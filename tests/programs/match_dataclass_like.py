class Cmd:
    __match_args__ = ("verb", "arg")

    def __init__(self, verb, arg=None):
        self.verb = verb
        self.arg = arg


class Move(Cmd):
    __match_args__ = ("direction", "steps")

    def __init__(self, direction, steps=1):
        super().__init__("move")
        self.direction = direction
        self.steps = steps


def run(c):
    match c:
        case Move("north", n) if n > 5:
            return "far north"
        case Move(d, steps=1):
            return "one step " + d
        case Move(d, s):
            return "%d steps %s" % (s, d)
        case Cmd("say", str(text)):
            return "saying " + text
        case Cmd("quit"):
            return "quit"
        case Cmd(verb=v):
            return "unknown " + v


for c in (Move("north", 9), Move("east"), Move("west", 3), Cmd("say", "hi"), Cmd("quit"), Cmd("dance")):
    print(run(c))
try:
    match Cmd("x"):
        case Cmd(1, 2, 3):
            pass
except TypeError as e:
    print("TypeError:", e)
