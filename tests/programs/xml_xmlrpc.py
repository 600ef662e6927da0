# xmlrpc.client dumps/loads over pyexpat: calls, responses, faults, every
# marshallable type, use_builtin_types, errors for bad responses.
import datetime
import xmlrpc.client as xc

params = (1, -2, 'text <&>', 3.5, True, None, [1, [2, 3]], {'k': 'v', 'n': {'x': 1}},
          xc.Binary(b'\x00\xffbytes'), xc.DateTime(datetime.datetime(2020, 5, 17, 8, 30, 0)))
call = xc.dumps(params, 'do.thing', allow_none=True)
print(call)
args, name = xc.loads(call)
print(name, args[:8], args[8].data, args[9].value, type(args[8]).__name__)
print(xc.loads(call, use_builtin_types=True))
resp = xc.dumps(({'result': [1, 2, 3]},), methodresponse=True)
print(resp)
print(xc.loads(resp))
fault = xc.dumps(xc.Fault(42, 'It broke'), methodresponse=True)
print(fault)
try:
    xc.loads(fault)
except xc.Fault as f:
    print('Fault', f.faultCode, f.faultString, repr(f))
print(xc.loads('<?xml version="1.0"?><methodResponse><params><param>'
               '<value>bare string</value></param></params></methodResponse>'))
print(xc.loads('<methodResponse><params><param><value><i8>9000000000</i8>'
               '</value></param></params></methodResponse>'))
for bad in ['<methodResponse><params><param><value><int>x</int></value>'
            '</param></params></methodResponse>',
            '<methodResponse><params>', 'not xml at all']:
    try:
        print(xc.loads(bad))
    except Exception as e:
        print(type(e).__name__, e)
