try:
    try:
        raise ValueError("bad input")
    except ValueError as e:
        e.add_note("while parsing line 3")
        e.add_note("hint: check the file")
        raise
except ValueError as e:
    print(e, e.__notes__)
try:
    ValueError().add_note(5)
except TypeError as e:
    print("TypeError:", e)
err = KeyError("k")
print(hasattr(err, "__notes__"))
err.add_note("n1")
print(err.__notes__)
