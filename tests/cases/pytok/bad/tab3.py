if x:
        a
    	b
