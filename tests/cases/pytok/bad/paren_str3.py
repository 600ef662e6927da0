x = ("""abc
