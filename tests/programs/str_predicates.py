samples = ["", "abc", "ABC", "Abc", "123", "12.5", "a1", " ", "\t\n", "½", "²", "x y"]
for s in samples:
    print(repr(s), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(),
          s.isspace(), s.islower(), s.isupper(), s.istitle())
