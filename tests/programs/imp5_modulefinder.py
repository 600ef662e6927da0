# modulefinder on a small program and package
import modulefinder
import os
import tempfile

with tempfile.TemporaryDirectory() as d:
    os.makedirs(os.path.join(d, 'mfpkg'))
    with open(os.path.join(d, 'mfpkg', '__init__.py'), 'w') as f:
        f.write('from . import helper\n')
    with open(os.path.join(d, 'mfpkg', 'helper.py'), 'w') as f:
        f.write('import json\nVALUE = 1\n')
    with open(os.path.join(d, 'mfmain.py'), 'w') as f:
        f.write('import mfpkg\nimport mfpkg.helper\nfrom mfpkg import helper\n'
                'import not_a_real_module_xyz\nimport sys, os.path\n')
    finder = modulefinder.ModuleFinder(path=[d] + __import__('sys').path[1:])
    finder.run_script(os.path.join(d, 'mfmain.py'))
    names = sorted(finder.modules)
    print([n for n in names if n.startswith('mf') or n in ('json', 'sys', 'os', '__main__')])
    print(sorted(finder.badmodules))
    missing, maybe = finder.any_missing_maybe()
    print(missing, maybe)
    m = finder.modules['mfpkg']
    print(repr(m).replace(d, '<D>'))
    print(m.__path__ == [os.path.join(d, 'mfpkg')], finder.modules['mfpkg.helper'].__file__ == os.path.join(d, 'mfpkg', 'helper.py'))
    print(sorted(finder.modules['mfpkg.helper'].globalnames))
