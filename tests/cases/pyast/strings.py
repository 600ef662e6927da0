a = 'plain' "double" '''triple
quoted''' """more"""
b = b'\x00\xff\n' rb'\d+' Rb"x"
c = u'unicode' 'é' "ü\u00e9\N{BULLET}"
d = r'\n\t' '\'' "\"" '\\'
e = f"{x!r:>{width}} {y=} {z:.3f} {{braces}}"
f = f'{a}' f"{b!s}" "tail" F'{c!a}'
g = '\0\1\12\123\x41\u1234\U0001F600'
h = f"""multi
{line
 + 1} end"""
i = f"{'nested'} {f'{inner}'}"
