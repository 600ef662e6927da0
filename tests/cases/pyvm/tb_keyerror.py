values = {"a": 1}
print(values["a"] + values["b"])
