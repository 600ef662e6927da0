def f():
    s = "ééé"; global s
