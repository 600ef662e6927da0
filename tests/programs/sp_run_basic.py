# subprocess.run / call / check_output with the real subprocess.py
import subprocess
import os

r = subprocess.run(['echo', 'hi'], capture_output=True, text=True)
print(r)
print(repr(r.stdout), repr(r.stderr), r.returncode, r.args)
r = subprocess.run(['/bin/echo', 'bytes', 'out'], stdout=subprocess.PIPE)
print(r.stdout, r.stderr)
print(subprocess.check_output(['/bin/echo', 'a', 'b']))
print(subprocess.check_output('echo $((6*7))', shell=True, text=True), end='')
print(subprocess.call(['/bin/false']), subprocess.call(['/bin/true']))
print(subprocess.check_call(['/bin/true']))
r = subprocess.run(['pwd'], cwd='/usr', capture_output=True, text=True)
print(r.stdout.strip())
r = subprocess.run(['/bin/sh', '-c', 'echo $FOO-$BAR'], env={'FOO': 'x', 'BAR': 'y'},
                   capture_output=True, text=True)
print(r.stdout.strip())
os.environ['SP_RUN_BASIC'] = 'inherited'
print(subprocess.run('echo $SP_RUN_BASIC', shell=True, capture_output=True, text=True).stdout,
      end='')
del os.environ['SP_RUN_BASIC']
print(repr(subprocess.run('echo "[$SP_RUN_BASIC]"', shell=True, capture_output=True,
                          text=True).stdout))
print(subprocess.run(['echo', 'via executable'], executable='/bin/echo',
                     capture_output=True).stdout)
import pathlib
print(subprocess.run([pathlib.Path('/bin/echo'), pathlib.Path('p')], capture_output=True).stdout)
print(subprocess.run(b'/bin/echo', capture_output=True).stdout)
print(subprocess.run('/bin/echo', capture_output=True).stdout)
print(subprocess.run(('/bin/echo', 'tuple', b'bytes'), capture_output=True).stdout)
print(subprocess.list2cmdline(['a b', 'c"d', '']))
r = subprocess.run(['/bin/sh', '-c', 'exit 3'])
print(r.returncode, r)
r.check_returncode() if r.returncode == 0 else print('nonzero')
# output of a child on the inherited stdout comes where it is written
print('before child', flush=True)
subprocess.run(['/bin/echo', 'child on inherited stdout'])
print('after child')
