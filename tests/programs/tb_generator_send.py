def consumer():
    total = 0
    while True:
        item = yield total
        total += item


c = consumer()
next(c)
print(c.send(1), c.send(2))
c.send("three")
