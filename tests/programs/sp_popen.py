# os.popen (over subprocess) and os.system
import os
import sys

print(os.popen('echo popen; echo two').read(), end='')
f = os.popen('exit 3')
print(repr(f.read()), f.close())
f = os.popen('echo fine')
print(f.readline(), end='')
print(f.close())
f = os.popen('cat > /dev/null', 'w')
f.write('x' * 100)
print(f.close())
f = os.popen('cat; exit 2', 'w')
print(f.write('to cat\n'))
sys.stdout.flush()
print(f.close())
with os.popen('printf "a\\nb\\n"') as f:
    print(list(f))
f = os.popen('kill -9 $$')
print(f.read(), f.close())
for mode in ('rb', 'x', 'r+'):
    try:
        os.popen('true', mode)
    except ValueError as e:
        print('ValueError', e)
try:
    os.popen(5)
except TypeError as e:
    print('TypeError', e)
try:
    os.popen('true', 'r', 0)
except ValueError as e:
    print('ValueError', e)
f = os.popen('echo buffered', 'r', 1)
print(f.read(), end='')
f.close()
print(type(f).__name__)
print('system:', flush=True)
st = os.system('echo from system')
print(st, os.waitstatus_to_exitcode(st))
print(os.system('exit 4') >> 8)
print(os.waitstatus_to_exitcode(os.system('kill -15 $$')))
try:
    os.system(b'true')
except TypeError as e:
    print('TypeError', e)
try:
    os.system(5)
except TypeError as e:
    print('TypeError', e)
print(os.system(command='exit 1') >> 8)
