class BankError(Exception):
    def __init__(self, amount):
        super().__init__("insufficient funds for %d" % amount)
        self.amount = amount


class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, n):
        if n > self.balance:
            raise BankError(n)
        self.balance -= n


a = Account(10)
a.withdraw(5)
print(a.balance)
a.withdraw(50)
