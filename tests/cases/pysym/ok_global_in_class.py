class C:
    global gc
    gc = 1
    def m(self):
        return gc
