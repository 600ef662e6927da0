import logging, sys

logging.basicConfig(stream=sys.stdout, format='%(levelname)s:%(name)s:%(message)s')
log = logging.getLogger('app')


def parse(text):
    return int(text)


try:
    parse('not a number')
except ValueError:
    log.exception('parse failed for %r', 'not a number')

try:
    try:
        [][3]
    except IndexError as e:
        raise KeyError('k') from e
except KeyError:
    logging.exception('chained')
    log.error('with exc_info', exc_info=True)

try:
    parse(None)
except TypeError as e:
    log.warning('caught', exc_info=e)
    log.info('not shown')
    print('done')
