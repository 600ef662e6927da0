# the characters with multi-character or context-sensitive case mappings
specials = "ßŉǰΐΰևẖẗẘẙẚὐὒὔὖᾀᾈᾳᾼῂῃῌῒΐῢΰῤῦῲῳῼﬀﬁﬂﬃﬄﬅﬆﬓﬔﬕﬖﬗİ"
for c in specials:
    print(ascii(c), ascii(c.upper()), ascii(c.lower()), ascii(c.title()), ascii(c.casefold()),
          ascii(c.swapcase()), ascii(c.capitalize()), len(c.upper()))
for w in ["ΣΑΣ", "ΟΔΟΣ ΟΔΟΣ.", "Σ", "aΣ", "aΣb", "aΣ.", "a.Σ", "ΑΣ'Σ", "İi", "ǆǅǄ", "ﬁne FLOW", "ʼn"]:
    print(ascii(w), ascii(w.lower()), ascii(w.upper()), ascii(w.title()), ascii(w.casefold()),
          ascii(w.capitalize()), ascii(w.swapcase()), w.istitle(), w.isupper(), w.islower())
