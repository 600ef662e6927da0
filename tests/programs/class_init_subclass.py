class Plugin:
    registry = []

    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)


class Alpha(Plugin):
    pass


class Beta(Plugin, name="b"):
    pass


class Gamma(Beta):
    pass


print(Plugin.registry)
print(Alpha.plugin_name, Beta.plugin_name, Gamma.plugin_name)
try:
    class Bad(Plugin, nonsense=1, name="x"):
        pass
except TypeError as e:
    print("TypeError:", e)
