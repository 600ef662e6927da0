# running a directory and a zip file with __main__.py (python3 DIR, python3 APP.zip)
import os
import subprocess
import sys
import tempfile
import zipfile

MAIN = '''import sys, helper
print("main:", __name__, helper.twice(21), sys.argv[1:])
print(__file__.endswith("__main__.py"), __spec__.name, sys.path[0].endswith(("app", "app.zip")))
'''

with tempfile.TemporaryDirectory() as d:
    app = os.path.join(d, 'app')
    os.makedirs(app)
    with open(os.path.join(app, '__main__.py'), 'w') as f:
        f.write(MAIN)
    with open(os.path.join(app, 'helper.py'), 'w') as f:
        f.write('def twice(x):\n    return 2 * x\n')
    zpath = os.path.join(d, 'app.zip')
    with zipfile.ZipFile(zpath, 'w') as z:
        z.writestr('__main__.py', MAIN)
        z.writestr('helper.py', 'def twice(x):\n    return 2 * x\n')
    empty = os.path.join(d, 'empty')
    os.makedirs(empty)
    for target in (app, zpath):
        r = subprocess.run([sys.executable, target, 'x', 'y'], capture_output=True, text=True)
        print(r.returncode, r.stdout, r.stderr)
    r = subprocess.run([sys.executable, empty], capture_output=True, text=True)
    print(r.returncode, r.stdout, "can't find '__main__' module in" in r.stderr)
