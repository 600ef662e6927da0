import sys
print('before')
try:
    input()
except EOFError as e:
    print('EOFError:', e, repr(e))
try:
    input('a prompt: ')
except EOFError as e:
    print('caught again')
try: input('a', 'b')
except TypeError as e: print(e)
print(sys.stdin.read() == '', sys.stdin.readline() == '', list(sys.stdin) == [])
x = input(12345)
