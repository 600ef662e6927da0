# finalizers on long chains: refcount deaths, a collected cycle, nested lists
import gc
count = 0
class Node:
    def __init__(self, nxt): self.nxt = nxt
    def __del__(self):
        global count
        count += 1
head = None
for i in range(100000):
    head = Node(head)
del head
print(count)
# a deep chain in a cycle
head = Node(None)
tail = head
for i in range(50000):
    head = Node(head)
tail.nxt = head
del head, tail
print(gc.collect() > 0, count)
# nested lists of finalizable objects
x = None
for i in range(100000):
    x = [Node(None), x]
del x
print(count)
