async def job(n):
    return n

print("start")
job(1)
def helper():
    job(2)
helper()
helper()
c = job(3)
c.close()
print("awaited properly:", end=" ")
try:
    job(4).send(None)
except StopIteration as e:
    print(e.value)
print("end")
