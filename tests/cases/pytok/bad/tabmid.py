x	= "abc
