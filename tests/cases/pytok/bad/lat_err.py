# coding: latin-1
x = "é" + 0x
