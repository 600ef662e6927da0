# inspect's view of built-in descriptors: ismethoddescriptor, isbuiltin,
# isdatadescriptor, isgetsetdescriptor, ismemberdescriptor, getmembers
import inspect, types
objs = [('int.__add__', int.__add__), ('(1).__add__', (1).__add__), ('list.append', list.append),
        ('[].append', [].append), ('int.real', int.real), ('slice.start', slice.start),
        ('len', len), ('object.__init__', object.__init__), ('str.join', str.join),
        ('BaseException.args', BaseException.args), ('property.fget', property.fget),
        ('types.FunctionType.__code__', types.FunctionType.__dict__['__code__'])]
for name, o in objs:
    print(name, type(o).__name__, inspect.ismethoddescriptor(o), inspect.isbuiltin(o),
          inspect.isdatadescriptor(o), inspect.isgetsetdescriptor(o), inspect.ismemberdescriptor(o),
          inspect.isroutine(o), inspect.ismethodwrapper(o) if hasattr(inspect, 'ismethodwrapper') else '-',
          callable(o))
print(types.WrapperDescriptorType is type(int.__add__), types.MethodWrapperType is type((1).__add__))
print(types.MethodDescriptorType is type(list.append), types.GetSetDescriptorType is type(int.real))
print(types.MemberDescriptorType is type(slice.start), types.BuiltinFunctionType is type(len))
print([n for n, v in inspect.getmembers(int) if not n.startswith('_')])
print([(n, type(v).__name__) for n, v in inspect.getmembers(slice) if n in ('start', 'indices', '__eq__', '__hash__')])
print([n for n, v in inspect.getmembers(5) if n in ('real', 'imag', 'numerator', 'denominator')],
      dict(inspect.getmembers(5))['denominator'])
print(sorted(n for n, v in vars(int).items() if inspect.isdatadescriptor(v)))
print(sorted(n for n, v in vars(BaseException).items() if inspect.isgetsetdescriptor(v)))
print(sorted(n for n, v in vars(OSError).items() if inspect.ismemberdescriptor(v)))
print(inspect.getattr_static(5, 'real'), inspect.getattr_static(slice(1), 'stop'))
print(inspect.getdoc(int.real), '|', inspect.getdoc(StopIteration.value))
class C:
    __slots__ = ('a',)
print(inspect.ismemberdescriptor(C.a), type(C.a).__name__)
