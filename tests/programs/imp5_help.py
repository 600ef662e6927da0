# help(obj) (site's builtin, pydoc's plain text on a non-tty stdout)
import pydoc


def area(w, h=1, *, scale=1.0):
    """Return w * h * scale.

    The scale is a float.
    """
    return w * h * scale


class Box:
    """A box with a size."""
    __slots__ = ('size',)
    LABEL = 'box'

    def __init__(self, size):
        """Make a box."""
        self.size = size

    def grow(self, by=1):
        """Make the box bigger."""
        self.size += by
        return self

    @classmethod
    def unit(cls):
        """A box of size 1."""
        return cls(1)


help(area)
help(Box)
help(Box.grow)
print(callable(help), 'help' in dir(__builtins__))
print(pydoc.render_doc(area, 'Doc for %s'))
