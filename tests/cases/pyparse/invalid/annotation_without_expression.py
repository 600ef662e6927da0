if not '|' in url:
    url[:4] == '////':
        pass
