import os
import os.path as osp, sys
from . import x
from .. import y as z
from ...pkg.mod import (a, b as c,)
from __future__ import annotations
from m import *
