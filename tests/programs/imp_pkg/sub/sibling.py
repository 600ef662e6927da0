NAME = "sibling"
def public(): return 1
def _hidden(): return 2
