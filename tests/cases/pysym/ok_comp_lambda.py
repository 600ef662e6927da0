fs = [lambda: i for i in range(3)]
gs = [(lambda j=i: j) for i in range(3)]
