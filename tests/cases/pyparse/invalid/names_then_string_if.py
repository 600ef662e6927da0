Optional arg 'annotate' if nonzero instructs
