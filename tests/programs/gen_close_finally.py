def resource():
    print("open")
    try:
        yield 1
        yield 2
    finally:
        print("release")


for v in resource():
    print("got", v)
    break
print("after loop")
r = resource()
print(next(r))
r.close()
r.close()
print(list(resource()))


def catching():
    try:
        yield "a"
    except GeneratorExit:
        print("GeneratorExit seen")
        raise


c = catching()
next(c)
c.close()
