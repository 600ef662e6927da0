# plistlib's XML format over pyexpat: dumps/loads round trips of every
# value type, sort_keys, dict_type, errors for bad plists.
import datetime
import plistlib
from collections import OrderedDict

value = {
    'str': 'hello <world> & é',
    'int': 42, 'neg': -7, 'big': 2 ** 62,
    'float': 3.25, 'true': True, 'false': False,
    'bytes': b'\x00\x01binary\xff' * 3,
    'date': datetime.datetime(2024, 2, 29, 13, 45, 6),
    'list': [1, 'two', [3.0], {'nested': 'dict'}],
    'empty': {}, 'emptylist': [],
}
data = plistlib.dumps(value)
print(data.decode())
back = plistlib.loads(data)
print(back == value)
print(plistlib.dumps(value, sort_keys=False)[:200])
print(plistlib.loads(data, dict_type=OrderedDict)['list'])
print(plistlib.loads(b'''<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0"><array><string>a</string><integer>0x10</integer>
<real>1e3</real><data>aGVsbG8=</data><date>2001-01-01T00:00:00Z</date>
<dict><key>k</key><true/></dict></array></plist>'''))
for bad in [b'<plist><dict><key>a</key></dict></plist>',
            b'<plist><integer>x</integer></plist>',
            b'<plist><array><string>a</string></plist>',
            b'<plist version="1.0"><unknown/></plist>']:
    try:
        print(plistlib.loads(bad, fmt=plistlib.FMT_XML))
    except Exception as e:
        print(type(e).__name__, e)
