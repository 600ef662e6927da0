name, _, suffix suffix = line[1:].partition(":")
