# -*- coding: cp1253 -*-
x = 1
# ª
