


x = "\
abc
