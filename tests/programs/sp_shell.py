# shell=True, getoutput/getstatusoutput, signals as negative return codes
import subprocess
import signal

print(subprocess.run('echo $((1+2)) | tr 3 X', shell=True, capture_output=True,
                     text=True).stdout, end='')
print(subprocess.run('for i in 1 2 3; do printf $i; done', shell=True,
                     stdout=subprocess.PIPE).stdout)
print(subprocess.run(['echo $0-$1', 'zero', 'one'], shell=True, capture_output=True,
                     text=True).stdout, end='')
print(subprocess.run('echo "quoted  spaces"', shell=True, capture_output=True).stdout)
print(subprocess.run('exit 7', shell=True).returncode)
print(subprocess.run('echo via bash $BASH_VERSION | cut -c1-8', shell=True,
                     executable='/bin/bash', capture_output=True).stdout)
print(subprocess.getoutput('echo go; exit 2'))
print(subprocess.getstatusoutput('echo go; exit 2'))
print(subprocess.getstatusoutput('printf "no newline"'))
print(subprocess.getstatusoutput('/nonexistent/cmd 2>/dev/null'))
for sig in (signal.SIGTERM, signal.SIGKILL, signal.SIGINT, signal.SIGUSR1):
    r = subprocess.run('kill -%d $$' % sig, shell=True)
    print(r.returncode, signal.Signals(-r.returncode).name)
try:
    subprocess.run('kill -USR1 $$', shell=True, check=True)
except subprocess.CalledProcessError as e:
    print(e)
# the child gets SIGPIPE back at its default (restore_signals)
r = subprocess.run('yes | head -1', shell=True, capture_output=True, text=True)
print(repr(r.stdout), r.returncode)
r = subprocess.run('trap "" PIPE; yes | head -c 2', shell=True, capture_output=True)
print(r.stdout)
# (only the bits restore_signals is about: the harness may ignore others)
restored = (1 << (signal.SIGPIPE - 1)) | (1 << (signal.SIGXFSZ - 1))
r = subprocess.run(['/bin/sh', '-c', 'cat /proc/$$/status | grep SigIgn'],
                   capture_output=True, text=True)
print(int(r.stdout.split()[1], 16) & restored)
r = subprocess.run(['/bin/sh', '-c', 'cat /proc/$$/status | grep SigIgn'],
                   capture_output=True, text=True, restore_signals=False)
print(int(r.stdout.split()[1], 16) & (1 << (signal.SIGPIPE - 1)) != 0)
try:
    subprocess.run(pathlike := __import__('pathlib').Path('x'), shell=True)
except TypeError as e:
    print(e)
