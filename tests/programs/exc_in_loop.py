results = []
for v in ["1", "x", "3", None, "5.5", "6"]:
    try:
        results.append(int(v))
    except ValueError:
        results.append("bad:" + v)
        continue
    except TypeError as e:
        results.append("type:" + str(e)[:30])
        break
    finally:
        results.append("|")
print(results)
i = 0
while True:
    try:
        i += 1
        if i == 3:
            raise StopIteration
    except StopIteration:
        print("stopped at", i)
        break
