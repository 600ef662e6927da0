# objects still alive when the program ends are finalized after the atexit
# handlers, with the module's globals still readable
import atexit

class Res:
    def __init__(self, name):
        self.name = name
        print('open', name)
    def __del__(self):
        print('close', self.name, 'limit', LIMIT, 'class', type(self).__name__)

LIMIT = 3
first = Res('first')
second = Res('second')
_private = Res('_private')

def bye():
    print('atexit handler; first still open:', first.name)

atexit.register(bye)

class Cyc:
    def __del__(self):
        print('cycle finalized at exit')
c = Cyc()
c.me = c
del c

def work():
    local = Res('local')
    print('work done')
work()
print('main done')
