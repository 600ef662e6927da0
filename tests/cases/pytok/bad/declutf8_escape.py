# coding: utf-8
x = "ab\nÿcd"
