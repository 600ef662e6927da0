class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next


n = Node(1, Node(2))
print(n.next.value)
print(n.next.next.value)
