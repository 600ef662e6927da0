# pydoc's plain-text rendering of a small module, a class and a function
import os
import sys
import tempfile
import warnings
warnings.simplefilter("ignore", DeprecationWarning)
import pydoc
import cgitb
import importlib

SRC = '''"""A small module for pydoc.

It has a class and a function.
"""

__all__ = ['Shape', 'area', 'UNIT']
__version__ = '1.2'
UNIT = 'cm'


class Shape:
    """A shape with sides."""

    kind = "polygon"
    __slots__ = ("sides",)

    def __init__(self, sides):
        """Make a shape with this many sides."""
        self.sides = sides

    def describe(self, verbose=False):
        """Say what the shape is."""
        return '%d sides' % self.sides

    @property
    def double(self):
        """Twice the sides."""
        return 2 * self.sides

    @staticmethod
    def unit():
        return UNIT


class Square(Shape):
    """Four equal sides."""
    __slots__ = ()


def area(w, h=1, *, scale=1.0):
    """Return w * h * scale."""
    return w * h * scale
'''

with tempfile.TemporaryDirectory() as d:
    with open(os.path.join(d, 'pdmod.py'), 'w') as f:
        f.write(SRC)
    sys.path.insert(0, d)
    import pdmod
    text = pydoc.render_doc(pdmod, renderer=pydoc.plaintext)
    print(text.replace(d, '<D>'))
    print(pydoc.render_doc(pdmod.Shape, renderer=pydoc.plaintext))
    print(pydoc.render_doc(pdmod.area, renderer=pydoc.plaintext))
    print(pydoc.getdoc(pdmod.Square))
    print(pydoc.getdoc(pdmod.Shape.describe))
    print(pydoc.describe(pdmod), pydoc.describe(pdmod.Shape), pydoc.describe(pdmod.area))
    print(pydoc.splitdoc(pdmod.__doc__))
    print(pydoc.locate('pdmod.Shape') is pdmod.Shape, pydoc.locate('pdmod.nothing'))
    print(pydoc.synopsis(os.path.join(d, 'pdmod.py')))
    print(pydoc.classname(pdmod.Square, 'pdmod'), pydoc.isdata(pdmod.UNIT))
    print(pydoc.plain(pydoc.text.bold('bold')))
    sys.path.remove(d)
print(cgitb.__name__, callable(cgitb.enable))
