# The real json package (pure Python: no _json).
import json
data = {"name": "pyvm", "list": [1, 2.5, None, True, False], "nested": {"a": "\u00e9\n"}}
s = json.dumps(data)
print(s)
print(json.dumps(data, indent=2, sort_keys=True))
print(json.loads(s) == data, json.loads('[1, "two", {"3": 4.0}, null]'))
print(json.dumps("é", ensure_ascii=False), json.dumps([1, 2], separators=(",", ":")))
try:
    json.loads("{bad json}")
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e)
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
print(json.dumps(Point(1, 2), default=lambda o: o.__dict__))
print(json.loads('{"a": 1}', object_hook=lambda d: sorted(d.items())))
