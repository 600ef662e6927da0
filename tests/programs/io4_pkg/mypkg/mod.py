def hi(): return 'hi'
