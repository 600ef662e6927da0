a b c if d
