# comments and blank lines

x = (  # comment
    1,
    2,
)
if x: y = 1; z = 2
s = 'héllo wörld ✓' + "日本語"
t = len('ü') + f"{'ü'}" + x
print(*[1], **{'a': 2})
