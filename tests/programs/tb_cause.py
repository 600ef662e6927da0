class ConfigError(Exception):
    pass


def load():
    try:
        {}["port"]
    except KeyError as e:
        raise ConfigError("missing port") from e


load()
