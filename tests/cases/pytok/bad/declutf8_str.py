# -*- coding: utf-8 -*-
# a string literal with a Latin-1 byte in a file declared UTF-8
name = "café"
