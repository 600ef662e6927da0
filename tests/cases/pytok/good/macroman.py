#!/usr/bin/python3
# coding: mac-roman
s = "é•"
