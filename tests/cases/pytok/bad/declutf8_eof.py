# coding: utf-8
x = f"abà€z"