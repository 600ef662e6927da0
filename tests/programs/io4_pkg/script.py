print('main ran', __name__)
