class InsufficientFunds(Exception):
    pass


class Account:
    _next_id = 1

    def __init__(self, owner, balance=0):
        self.id = Account._next_id
        Account._next_id += 1
        self.owner = owner
        self._balance = balance
        self.history = []

    @property
    def balance(self):
        return self._balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.history.append(("dep", amount))

    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(f"{self.owner}: need {amount}, have {self._balance}")
        self._balance -= amount
        self.history.append(("wd", amount))

    def __repr__(self):
        return f"Account({self.id}, {self.owner!r}, {self._balance})"


class Savings(Account):
    rate = 0.05

    def add_interest(self):
        self.deposit(round(self._balance * self.rate, 2))


accts = [Account("ann", 100), Savings("bob", 1000)]
accts[0].deposit(50)
accts[1].add_interest()
for a, amt in ((accts[0], 500), (accts[1], 20)):
    try:
        a.withdraw(amt)
    except InsufficientFunds as e:
        print("refused:", e)
try:
    accts[0].deposit(-1)
except ValueError as e:
    print("ValueError:", e)
print(accts, [a.history for a in accts])
print(sum(a.balance for a in accts), max(accts, key=lambda a: a.balance).owner)
