# genericpath imported before os: CPython has os loaded at start-up, so the
# os -> posixpath -> genericpath cycle must work whichever is imported first
import genericpath
import sys
print(genericpath.commonprefix(['abc', 'abd']), genericpath.isdir('.'))
print('os' in sys.modules, 'posixpath' in sys.modules)
import posixpath
print(posixpath.splitext('a/b.c'), posixpath.splitext.__doc__ == genericpath._splitext.__doc__)
