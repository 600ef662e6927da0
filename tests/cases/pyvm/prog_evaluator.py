# a tiny expression evaluator: tokenizer (generator), parser (recursive
# descent), evaluator (dispatch on node types), errors as exceptions
class Token:
    __slots__ = ("kind", "text")

    def __init__(self, kind, text):
        self.kind = kind
        self.text = text

    def __repr__(self):
        return f"{self.kind}:{self.text}"

    def __eq__(self, other):
        return (self.kind, self.text) == (other.kind, other.text)

    def __hash__(self):
        return hash((self.kind, self.text))


class ParseError(Exception):
    def __init__(self, msg, pos):
        super().__init__(f"{msg} at {pos}")
        self.pos = pos


def tokenize(src):
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(src) and src[j].isdigit():
                j += 1
            yield Token("num", src[i:j])
            i = j
        elif c.isalpha():
            j = i
            while j < len(src) and src[j].isalnum():
                j += 1
            yield Token("name", src[i:j])
            i = j
        elif c in "+-*/()=":
            yield Token("op", c)
            i += 1
        else:
            raise ParseError(f"bad character {c!r}", i)
    yield Token("end", "")


class Parser:
    def __init__(self, src):
        self.toks = list(tokenize(src))
        self.pos = 0

    @property
    def cur(self):
        return self.toks[self.pos]

    def eat(self, kind, text=None):
        t = self.cur
        if t.kind != kind or (text is not None and t.text != text):
            raise ParseError(f"expected {text or kind}, got {t.text or 'end'}", self.pos)
        self.pos += 1
        return t

    def expr(self):
        node = self.term()
        while self.cur.kind == "op" and self.cur.text in "+-":
            op = self.eat("op").text
            node = (op, node, self.term())
        return node

    def term(self):
        node = self.atom()
        while self.cur.kind == "op" and self.cur.text in "*/":
            op = self.eat("op").text
            node = (op, node, self.atom())
        return node

    def atom(self):
        t = self.cur
        if t.kind == "num":
            self.pos += 1
            return int(t.text)
        if t.kind == "name":
            self.pos += 1
            return t.text
        if t.text == "(":
            self.eat("op", "(")
            node = self.expr()
            self.eat("op", ")")
            return node
        if t.text == "-":
            self.eat("op")
            return ("neg", self.atom())
        raise ParseError("unexpected " + (t.text or "end"), self.pos)


def evaluate(node, env):
    match node:
        case int(n):
            return n
        case str(name):
            if name not in env:
                raise NameError(f"unknown variable {name}")
            return env[name]
        case ("neg", x):
            return -evaluate(x, env)
        case (op, a, b):
            x, y = evaluate(a, env), evaluate(b, env)
            if op == "+":
                return x + y
            if op == "-":
                return x - y
            if op == "*":
                return x * y
            return x // y


env = {"x": 6, "y": 7}
for src in ["1 + 2 * 3", "(1 + 2) * 3", "x * y - -4", "2 * (x + y) / 3", "10 / (y - 7)",
            "3 +", "a + 1", "4 $ 4", "((2))*((3))"]:
    try:
        tree = Parser(src).expr()
        print(f"{src!r:22} => {evaluate(tree, env)}")
    except ParseError as e:
        print(f"{src!r:22} parse error: {e} (pos {e.pos})")
    except (NameError, ZeroDivisionError) as e:
        print(f"{src!r:22} {type(e).__name__}: {e}")
toks = list(tokenize("a + a + b"))
print(toks, len(set(toks)), toks[0] == toks[2], Token("op", "+") in toks)
