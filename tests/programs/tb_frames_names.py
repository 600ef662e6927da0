def key_fn(item):
    return item["rank"]


class Deck:
    def __init__(self, cards):
        self.cards = cards

    @property
    def ordered(self):
        return sorted(self.cards, key=lambda c: key_fn(c))


d = Deck([{"rank": 2}, {"rank": 1}])
print(d.ordered)
Deck([{"rank": 2}, {"suit": "x"}]).ordered
