# The real keyword module from /usr/lib/python3.11.
import keyword
print(len(keyword.kwlist), keyword.kwlist[:5], keyword.softkwlist)
print([w for w in ["if", "match", "case", "print", "None", "_", "async"] if keyword.iskeyword(w)])
print([w for w in ["if", "match", "case", "_", "type"] if keyword.issoftkeyword(w)])
print(keyword.__name__, keyword.__file__.endswith("keyword.py"), keyword.__all__)
