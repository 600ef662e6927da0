# python -m MODULE: runpy runs the module as __main__ with sys.argv[0] its
# path and the working directory first on sys.path; errors come through
# "<frozen runpy>" frames; the stdlib modules CPython freezes (os, runpy,
# ...) name their code "<frozen NAME>"
import os
import subprocess
import sys
import tempfile


def run(args, cwd=None, stdin=None):
    p = subprocess.run([sys.executable] + args, capture_output=True, text=True, cwd=cwd,
                       input=stdin)
    out = p.stdout + p.stderr
    out = out.replace(sys.executable, 'PY')
    if cwd:
        out = out.replace(os.path.realpath(cwd), 'TMP').replace(cwd, 'TMP')
    print('$', ' '.join(args), '->', p.returncode)
    print(out, end='')


with tempfile.TemporaryDirectory() as d:
    with open(os.path.join(d, 'mod.py'), 'w') as f:
        f.write('import sys\nprint(__name__, sys.argv, sys.path[0] == __import__("os").getcwd())\n'
                'print(__spec__.name, __file__.endswith("mod.py"))\n')
    os.mkdir(os.path.join(d, 'pkg'))
    with open(os.path.join(d, 'pkg', '__init__.py'), 'w') as f:
        f.write('print("pkg init", __name__)\n')
    with open(os.path.join(d, 'pkg', '__main__.py'), 'w') as f:
        f.write('import sys\nprint("pkg main", __name__, __package__, sys.argv[1:])\n')
    with open(os.path.join(d, 'boom.py'), 'w') as f:
        f.write('def f():\n    raise ValueError("boom")\nf()\n')
    run(['-m', 'mod', 'a', 'b'], cwd=d)
    run(['-mmod'], cwd=d)
    run(['-m', 'pkg', 'x'], cwd=d)
    run(['-m', 'boom'], cwd=d)
    run(['-m', 'no_such_module_xyz'], cwd=d)
    run(['-m', 'json'], cwd=d)
    run(['-m', 'calendar', '2024', '2'])
    run(['-m', 'json.tool', '--sort-keys'], stdin='{"b": [1, 2.5, null], "a": "x"}')
    run(['-m', 'base64', '-e'], stdin='hello')
    run(['-m', 'this'])
    run(['-c', 'import os\nos.environ["NO_SUCH_VARIABLE_XYZ"]'])

import runpy
import stat
for m in (os, runpy, stat):
    print(m.__name__, m.__spec__.origin, m.__spec__.has_location, m.__spec__.cached,
          hasattr(m, '__cached__'), m.__file__ == os.path.join(os.path.dirname(os.__file__),
                                                               m.__name__ + '.py'))
print(os.getenv.__code__.co_filename, runpy.run_path.__code__.co_filename)
import json
print(json.__spec__.origin == json.__file__, json.__spec__.has_location)
