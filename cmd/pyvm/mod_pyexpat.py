# cmd/pyvm/mod_pyexpat.py: the Python half of pyvm's pyexpat module, a
# non-validating XML 1.0 parser written from the XML 1.0 specification and
# shaped like Expat 2.5 as CPython's pyexpat wraps it (events, their
# positions, how character data is split, error codes and messages).
#
# Stage: pyvm.  mod_pyexpat_gen.sh turns this file into mod_pyexpat_src.inc,
# which mod_pyexpat.c runs as the module's body (import_frozen.c).
#
# How it works: Parse() decodes the bytes it gets (holding back a split
# character) into a text buffer; _run() takes complete tokens off the front
# of the buffer and calls the handlers.  A token that is not complete waits
# for the next Parse() unless that one is final.  Character data is reported
# as far as it goes at the end of each piece of input, split at newlines and
# references as Expat does.  Positions (line, column, byte index) are worked
# out only when a handler or an error asks for them.

import re as _re

EXPAT_VERSION = 'expat_2.5.0'
version_info = (2, 5, 0)
native_encoding = 'UTF-8'
features = [('sizeof(XML_Char)', 1), ('sizeof(XML_LChar)', 1), ('XML_DTD', 0),
            ('XML_CONTEXT_BYTES', 1024), ('XML_NS', 0),
            ('XML_BLAP_MAX_AMP', 100), ('XML_BLAP_ACT_THRES', 8388608)]
XML_PARAM_ENTITY_PARSING_NEVER = 0
XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE = 1
XML_PARAM_ENTITY_PARSING_ALWAYS = 2

_MESSAGES = (
    None, 'out of memory', 'syntax error', 'no element found',
    'not well-formed (invalid token)', 'unclosed token', 'partial character',
    'mismatched tag', 'duplicate attribute', 'junk after document element',
    'illegal parameter entity reference', 'undefined entity',
    'recursive entity reference', 'asynchronous entity',
    'reference to invalid character number', 'reference to binary entity',
    'reference to external entity in attribute',
    'XML or text declaration not at start of entity', 'unknown encoding',
    'encoding specified in XML declaration is incorrect',
    'unclosed CDATA section', 'error in processing external entity reference',
    'document is not standalone',
    'unexpected parser state - please send a bug report',
    'entity declared in parameter entity',
    'requested feature requires XML_DTD support in Expat',
    'cannot change setting once parsing has begun', 'unbound prefix',
    'must not undeclare prefix', 'incomplete markup in parameter entity',
    'XML declaration not well-formed', 'text declaration not well-formed',
    'illegal character(s) in public id', 'parser suspended',
    'parser not suspended', 'parsing aborted', 'parsing finished',
    'cannot suspend in external parameter entity',
    'reserved prefix (xml) must not be undeclared or bound to another namespace name',
    'reserved prefix (xmlns) must not be declared or undeclared',
    'prefix must not be bound to one of the reserved namespace names',
    'invalid argument',
    'a successful prior call to function XML_GetBuffer is required',
    'limit on input amplification factor (from DTD and entities) breached')
_NAMES = (
    None, 'NO_MEMORY', 'SYNTAX', 'NO_ELEMENTS', 'INVALID_TOKEN',
    'UNCLOSED_TOKEN', 'PARTIAL_CHAR', 'TAG_MISMATCH', 'DUPLICATE_ATTRIBUTE',
    'JUNK_AFTER_DOC_ELEMENT', 'PARAM_ENTITY_REF', 'UNDEFINED_ENTITY',
    'RECURSIVE_ENTITY_REF', 'ASYNC_ENTITY', 'BAD_CHAR_REF',
    'BINARY_ENTITY_REF', 'ATTRIBUTE_EXTERNAL_ENTITY_REF', 'MISPLACED_XML_PI',
    'UNKNOWN_ENCODING', 'INCORRECT_ENCODING', 'UNCLOSED_CDATA_SECTION',
    'EXTERNAL_ENTITY_HANDLING', 'NOT_STANDALONE', 'UNEXPECTED_STATE',
    'ENTITY_DECLARED_IN_PE', 'FEATURE_REQUIRES_XML_DTD',
    'CANT_CHANGE_FEATURE_ONCE_PARSING', 'UNBOUND_PREFIX',
    'UNDECLARING_PREFIX', 'INCOMPLETE_PE', 'XML_DECL', 'TEXT_DECL',
    'PUBLICID', 'SUSPENDED', 'NOT_SUSPENDED', 'ABORTED', 'FINISHED',
    'SUSPEND_PE', 'RESERVED_PREFIX_XML', 'RESERVED_PREFIX_XMLNS',
    'RESERVED_NAMESPACE_URI', 'INVALID_ARGUMENT', 'NO_BUFFER',
    'AMPLIFICATION_LIMIT_BREACH')


def _make_errors():
    m = type(_re)('pyexpat.errors')
    m.__doc__ = 'Constants used to describe error conditions.'
    m.codes = {}
    m.messages = {}
    for i in range(1, len(_MESSAGES)):
        setattr(m, 'XML_ERROR_' + _NAMES[i], _MESSAGES[i])
        m.codes[_MESSAGES[i]] = i
        m.messages[i] = _MESSAGES[i]
    return m


def _make_model():
    m = type(_re)('pyexpat.model')
    m.__doc__ = 'Constants used to interpret content model information.'
    for k, v in (('XML_CQUANT_NONE', 0), ('XML_CQUANT_OPT', 1),
                 ('XML_CQUANT_PLUS', 3), ('XML_CQUANT_REP', 2),
                 ('XML_CTYPE_ANY', 2), ('XML_CTYPE_CHOICE', 5),
                 ('XML_CTYPE_EMPTY', 1), ('XML_CTYPE_MIXED', 3),
                 ('XML_CTYPE_NAME', 4), ('XML_CTYPE_SEQ', 6)):
        setattr(m, k, v)
    return m


errors = _make_errors()
model = _make_model()


class ExpatError(Exception):
    pass


ExpatError.__module__ = 'xml.parsers.expat'
error = ExpatError


def ErrorString(code):
    """Returns string error for given number."""
    if isinstance(code, int) and 0 < code < len(_MESSAGES):
        return _MESSAGES[code]
    return None


class _Fail(Exception):
    # internal: a well-formedness error at buffer offset pos
    def __init__(self, code, pos):
        self.code = code
        self.pos = pos


class _Partial(Exception):
    # internal: the token at the front of the buffer is not complete yet
    pass


_NS = ('A-Z_a-z:\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d'
       '\u037f-\u1fff\u200c-\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff'
       '\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff')
_NC = _NS + '\\-.0-9\u00b7\u0300-\u036f\u203f-\u2040'
_NAME = '[' + _NS + '][' + _NC + ']*'
_name_re = _re.compile(_NAME)
_nmtoken_re = _re.compile('[' + _NC + ']+')
_S = '[ \t\r\n]'
_ws_re = _re.compile(_S + '+')
_run_re = _re.compile('[^<&\r\n]+')
_bad_re = _re.compile('[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]')
_attr_re = _re.compile(_S + '+(' + _NAME + ')' + _S + '*=' + _S +
                       '*(?:"([^<"]*)"|\'([^<\']*)\')')
_stag_fast_re = _re.compile(
    '<(' + _NAME + ')((?:' + _S + '+' + _NAME + _S + '*=' + _S +
    '*(?:"[^<"]*"|\'[^<\']*\'))*)' + _S + '*(/?)>')
_attr_find_re = _re.compile(_S + '+(' + _NAME + ')' + _S + '*=' + _S +
                            '*(?:"([^<"]*)"|\'([^<\']*)\')')
_stag_end_re = _re.compile(_S + '*(/?)>')
_etag_re = _re.compile('</(' + _NAME + ')' + _S + '*>')
_ref_re = _re.compile('&(?:(' + _NAME + ')|#([0-9]+)|#x([0-9a-fA-F]+));')
_pubid_ok_re = _re.compile("[-'()+,./:=?;!*#@$_%a-zA-Z0-9 \r\n]*")
_pubid_re = _re.compile("[-'()+,./:=?;!*#@$_%a-zA-Z0-9 \r\n]*\\Z")
_xmldecl_re = _re.compile(
    '<\\?xml' + _S + '+version' + _S + '*=' + _S +
    '*(?:"([-a-zA-Z0-9_.]*)"|\'([-a-zA-Z0-9_.]*)\')'
    '(?:' + _S + '+encoding' + _S + '*=' + _S +
    '*(?:"([A-Za-z][-A-Za-z0-9._]*)"|\'([A-Za-z][-A-Za-z0-9._]*)\'))?'
    '(?:' + _S + '+standalone' + _S + '*=' + _S +
    '*(?:"(yes|no)"|\'(yes|no)\'))?' + _S + '*\\?>')
_enc_in_decl_re = _re.compile(
    b'<\\?xml[^>]*encoding[ \t\r\n]*=[ \t\r\n]*["\']([A-Za-z][-A-Za-z0-9._]*)["\']')

_PREDEF = {'lt': '<', 'gt': '>', 'amp': '&', 'quot': '"', 'apos': "'"}
_HANDLERS = (
    'StartElementHandler', 'EndElementHandler',
    'ProcessingInstructionHandler', 'CharacterDataHandler',
    'UnparsedEntityDeclHandler', 'NotationDeclHandler',
    'StartNamespaceDeclHandler', 'EndNamespaceDeclHandler', 'CommentHandler',
    'StartCdataSectionHandler', 'EndCdataSectionHandler', 'DefaultHandler',
    'DefaultHandlerExpand', 'NotStandaloneHandler', 'ExternalEntityRefHandler',
    'StartDoctypeDeclHandler', 'EndDoctypeDeclHandler', 'EntityDeclHandler',
    'XmlDeclHandler', 'ElementDeclHandler', 'AttlistDeclHandler',
    'SkippedEntityHandler')
_XMLNS_URI = 'http://www.w3.org/2000/xmlns/'
_XML_URI = 'http://www.w3.org/XML/1998/namespace'
_BLAP_THRES = 8388608
# CPython's multi-byte codecs (which pyexpat refuses) by normalised name,
# for when this interpreter does not have them
_MULTIBYTE = frozenset((
    'big5', 'big5hkscs', 'cp932', 'cp949', 'cp950', 'eucjis2004',
    'eucjisx0213', 'eucjp', 'euckr', 'gb18030', 'gb2312', 'gbk', 'hz',
    'iso2022jp', 'iso2022jp1', 'iso2022jp2', 'iso2022jp2004',
    'iso2022jp3', 'iso2022jpext', 'iso2022kr', 'johab', 'shiftjis',
    'shiftjis2004', 'shiftjisx0213', 'sjis', 'mskanji', 'uhc', 'ksc5601',
    'cseuckr', 'utf32', 'utf32le', 'utf32be', 'utf7', 'cp936', 'ms936',
    'euccn', 'eucgb2312cn', 'big5tw', 'csbig5'))


def _utf8_tail(raw):
    # how many bytes at the end of raw start a character not complete yet
    n = len(raw)
    for back in range(1, 4):
        if back > n:
            break
        c = raw[n - back]
        if c < 0x80:
            return 0
        if c >= 0xc0:
            need = 2 if c < 0xe0 else 3 if c < 0xf0 else 4
            return back if back < need else 0
    return 0


def _utf8_pieces(data):
    # data cut greedily into pieces of at most 1024 bytes in UTF-8
    if data.isascii():
        return [data[k:k + 1024] for k in range(0, len(data), 1024)]
    out = []
    start = 0
    size = 0
    for k, ch in enumerate(data):
        c = ord(ch)
        w = 1 if c < 0x80 else 2 if c < 0x800 else 3 if c < 0x10000 else 4
        if size + w > 1024:
            out.append(data[start:k])
            start = k
            size = 0
        size += w
    out.append(data[start:])
    return out


def _is_char(cp):
    return (cp == 9 or cp == 10 or cp == 13 or 0x20 <= cp <= 0xd7ff
            or 0xe000 <= cp <= 0xfffd or 0x10000 <= cp <= 0x10ffff)


class _Entity:
    # an entity declared in the internal subset
    __slots__ = ('name', 'value', 'system', 'public', 'notation', 'open',
                 'size')

    def __init__(self, name, value, system, public, notation):
        self.name = name        # the entity's name
        self.value = value      # replacement text, or None if external
        self.system = system    # system id of an external entity
        self.public = public    # public id of an external entity
        self.notation = notation  # NDATA name of an unparsed entity
        self.open = False       # being expanded now (recursion check)
        self.size = None        # bytes of its full expansion, once known


class xmlparser:
    """XML parser"""

    # the handlers (CharacterDataHandler is a property) and the state
    __slots__ = tuple(h for h in _HANDLERS if h != 'CharacterDataHandler') + (
        '_encoding',
        '_sep',
        'intern',
        '_buffer_size',
        '_pending',
        '_pending_len',
        'ordered_attributes',
        'specified_attributes',
        '_ns_prefixes',
        '_raw',
        '_codec',
        '_buf',
        '_state',
        '_stack',
        '_nsmap',
        '_final',
        '_finished',
        '_error',
        '_started',
        '_first',
        '_base',
        '_cur',
        '_evpos',
        '_evfix',
        '_entities',
        '_pentities',
        '_attdefaults',
        '_atttypes',
        '_dtd_ext',
        '_standalone',
        '_doctype',
        '_direct',
        '_indirect',
        '_base_uri',
        '_foreign',
        '_pe_parsing',
        '_entbase',
        '_inent',
        '_strinput',
        '_badenc',
        '_partial_char',
        '_ext_ids',
        '_in_parse',
        '_external',
        '_cdh',
        '_buffer_text',
        '__weakref__')

    def __init__(self, encoding, sep, intern):
        for h in _HANDLERS:
            if h != 'CharacterDataHandler':
                setattr(self, h, None)
        self._cdh = None               # CharacterDataHandler
        self._encoding = encoding      # ParserCreate's encoding, or None
        self._sep = sep                # namespace separator or None
        self.intern = intern
        self._buffer_text = False
        self._buffer_size = 8192
        self._pending = []             # buffered character data
        self._pending_len = 0
        self.ordered_attributes = False
        self.specified_attributes = False
        self._ns_prefixes = False
        self._raw = b''                # bytes not decoded yet
        self._codec = None             # chosen codec name, once known
        self._buf = ''                 # decoded text not consumed yet
        self._state = 0    # 0 prolog, 1 content, 2 epilog, 3 cdata, 4 dtd
        self._stack = []               # open elements: (qname, nsdecls)
        self._nsmap = {}               # prefix -> list of uris
        self._final = False
        self._finished = False
        self._error = None
        self._started = False
        self._first = True             # at the very start of the input
        # position of buffer offset 0, and a cursor that moves forward
        self._base = [1, 0, 0]         # line, column, byte index
        self._cur = [0, 1, 0, 0]       # offset, line, column, byte index
        self._evpos = 0                # offset of the current event
        self._evfix = None             # fixed position (inside an entity)
        self._entities = {}
        self._pentities = {}
        self._attdefaults = {}         # element -> list of (name, value)
        self._atttypes = {}            # (element, attr) -> declared type
        self._dtd_ext = False          # external subset or PE reference
        self._standalone = -1
        self._doctype = None
        self._direct = 0               # bytes of input seen (BLAP)
        self._indirect = 0             # bytes from entity expansion
        self._base_uri = None
        self._foreign = False
        self._pe_parsing = 0
        self._entbase = 0              # stack depth where an entity began
        self._inent = 0                # entity expansions under way
        self._strinput = False         # Parse() was given str first
        self._badenc = False           # declared encoding is unknown
        self._partial_char = False     # the input ended inside a character
        self._ext_ids = (None, None)   # the DOCTYPE's system and public ids
        self._in_parse = False         # inside Parse() (GetInputContext)
        self._external = False         # ExternalEntityParserCreate made it

    # -- attributes ---------------------------------------------------------

    @property
    def CharacterDataHandler(self):
        return self._cdh

    @CharacterDataHandler.setter
    def CharacterDataHandler(self, value):
        if self._pending:
            self._flush()
        self._cdh = value

    @property
    def buffer_text(self):
        return self._buffer_text

    @buffer_text.setter
    def buffer_text(self, value):
        value = bool(value)
        if not value and self._pending:
            self._flush()
        self._buffer_text = value

    @property
    def buffer_size(self):
        return self._buffer_size

    @buffer_size.setter
    def buffer_size(self, value):
        if not isinstance(value, int):
            raise TypeError('buffer_size must be an integer')
        if value <= 0:
            raise ValueError('buffer_size must be greater than zero')
        if self._pending:
            self._flush()
        self._buffer_size = value

    @property
    def namespace_prefixes(self):
        return self._ns_prefixes

    @namespace_prefixes.setter
    def namespace_prefixes(self, value):
        self._ns_prefixes = bool(value)

    buffer_used = property(lambda self: self._pending_len)

    def _where(self):
        if self._evfix is not None:
            return self._evfix
        return self._pos_of(self._evpos)

    @property
    def CurrentLineNumber(self):
        return self._where()[0]

    @property
    def CurrentColumnNumber(self):
        return self._where()[1]

    @property
    def CurrentByteIndex(self):
        if not self._started:
            return -1
        return self._where()[2]

    @property
    def ErrorCode(self):
        return self._error[0] if self._error else 0

    @property
    def ErrorLineNumber(self):
        return self._error[1] if self._error else self._where()[0]

    @property
    def ErrorColumnNumber(self):
        return self._error[2] if self._error else self._where()[1]

    @property
    def ErrorByteIndex(self):
        return self._error[3] if self._error else self.CurrentByteIndex

    def _pos_of(self, off):
        # line, column, byte index of buffer offset off
        cur = self._cur
        if off < cur[0]:
            cur[0] = 0
            cur[1], cur[2], cur[3] = self._base
        buf = self._buf
        start = cur[0]
        if off > start:
            line, col = cur[1], cur[2]
            seg = buf[start:off]
            nl = seg.count('\n') + seg.count('\r') - seg.count('\r\n')
            if nl:
                line += nl
                k = max(seg.rfind('\n'), seg.rfind('\r'))
                col = off - (start + k + 1)
            else:
                col += off - start
            # a CR whose LF starts the next segment was counted as a newline
            if start > 0 and buf[start - 1] == '\r' and seg[:1] == '\n':
                line -= 1
                if nl == 1:
                    col = cur[2] + off - start
            cur[0], cur[1], cur[2] = off, line, col
            cur[3] += self._blen(seg)
        return cur[1], cur[2], cur[3]

    def _blen(self, s):
        c = self._codec
        if c == 'utf-8' or c is None:
            if s.isascii():
                return len(s)
            return len(s.encode('utf-8', 'surrogatepass'))
        if c in ('utf-16-le', 'utf-16-be'):
            return 2 * len(s) + 2 * sum(1 for ch in s if ord(ch) > 0xffff)
        return len(s)

    def _consume(self, n):
        # drop the first n characters of the buffer
        if n <= 0:
            return
        line, col, bidx = self._pos_of(n)
        self._base = [line, col, bidx]
        self._cur = [0, line, col, bidx]
        self._buf = self._buf[n:]
        self._evpos = 0

    # -- errors and handlers --------------------------------------------------

    def _raise(self, code, pos):
        if isinstance(pos, tuple):
            line, col, bidx = pos
        else:
            line, col, bidx = self._pos_of(pos)
        self._error = (code, line, col, bidx)
        err = ExpatError('%s: line %d, column %d' % (_MESSAGES[code], line, col))
        err.code = code
        err.lineno = line
        err.offset = col
        raise err

    def _flush(self):
        p = self._pending
        if p:
            data = ''.join(p)
            p.clear()
            h = self._cdh
            try:
                if h is not None:
                    h(data)
            finally:
                self._pending_len = 0

    def _chardata(self, data, pos):
        self._evpos = pos
        h = self._cdh
        if h is None:
            self._default(data, pos)
            return
        if not self._buffer_text:
            h(data)
            return
        n = len(data)
        if self._pending_len + n > self._buffer_size:
            self._flush()
            if n > self._buffer_size:
                self.CharacterDataHandler(data)
                return
        self._pending.append(data)
        self._pending_len += n

    def _call(self, name, pos, *args):
        # (buffered character data is flushed first, as pyexpat does)
        # call handler name (if set) as of buffer offset pos; True if called
        h = getattr(self, name)
        if h is None:
            return False
        self._evpos = pos
        if self._pending:
            self._flush()
            h = getattr(self, name)
            if h is None:
                return False
        h(*args)
        return True

    def _default(self, text, pos, expand=False):
        # hand markup nobody else handles to the default handler
        h = self.DefaultHandler
        if h is None:
            h = self.DefaultHandlerExpand
        if h is None or not text:
            return
        self._evpos = pos
        if self._pending:
            self._flush()
        h(text)

    # -- public methods -------------------------------------------------------

    def Parse(self, data, isfinal=False):
        """Parse XML data.

        `isfinal' should be true at end of input."""
        if self._error is not None or self._finished:
            if self._finished and self._error is None:
                self._raise(36, self._where())
            self._raise(self._error[0], self._error[1:])
        self._started = True
        if isinstance(data, str) and self._codec is None and not self._raw and (
                len(data) >= 2 and (data[0] == '\x00') != (data[1] == '\x00')):
            # Expat sees UTF-16 in the UTF-8 it is given for a str that
            # starts with a NUL next to a character
            data = data.encode('utf-8', 'surrogatepass')
        if isinstance(data, str):
            if self._codec is None:
                self._codec = 'utf-8'
                self._strinput = True
            self._direct += len(data)
            self._add_text(data, isfinal)
        else:
            if not isinstance(data, (bytes, bytearray)):
                try:
                    data = memoryview(data).tobytes()
                except TypeError:
                    raise TypeError("a bytes-like object is required, not '%s'"
                                    % type(data).__name__) from None
            self._direct += len(data)
            self._add_bytes(bytes(data), isfinal)
        self._final = bool(isfinal)
        self._in_parse = True
        try:
            self._run()
        finally:
            self._in_parse = False
        self._evpos = 0
        self._flush()
        if isfinal:
            self._finished = True
        return 1

    def ParseFile(self, file):
        """Parse XML data from file-like object."""
        read = getattr(file, 'read', None)
        if read is None:
            raise TypeError('argument must have \'read\' attribute')
        while True:
            buf = read(2048)
            if not isinstance(buf, (bytes, bytearray, str)):
                raise TypeError('read() did not return a bytes object '
                                '(type=%.400s)' % type(buf).__name__)
            if not buf:
                break
            self.Parse(buf, False)
        return self.Parse(b'', True)

    def SetBase(self, base):
        """Set the base URL for the parser."""
        self._base_uri = base

    def GetBase(self):
        """Return base URL string for the parser."""
        return self._base_uri

    def GetInputContext(self):
        """Return the untranslated text of the input that caused the current event."""
        if self._in_parse and self._buf:
            return self._buf.encode('utf-8', 'surrogatepass')
        return None

    def ExternalEntityParserCreate(self, context, encoding=None):
        """Create a parser for parsing an external entity based on the information passed to the ExternalEntityRefHandler."""
        p = xmlparser(encoding, self._sep, self.intern)
        for h in _HANDLERS:
            setattr(p, h, getattr(self, h))
        p._external = True
        p._state = 1
        p._entities = self._entities
        return p

    def SetParamEntityParsing(self, flag):
        """Controls parsing of parameter entities (including the external DTD subset)."""
        self._pe_parsing = flag
        return 1

    def UseForeignDTD(self, flag=True):
        """Allows the application to provide an artificial external subset if one is not specified as part of the document instance."""
        if self._started:
            raise ExpatError(_MESSAGES[26])
        self._foreign = bool(flag)

    def __getstate__(self):
        raise TypeError("cannot pickle 'pyexpat.xmlparser' object")

    # -- input and decoding ---------------------------------------------------

    def _add_text(self, text, final):
        if self._raw:
            # bytes came first: decode what is left as UTF-8
            self._add_bytes(text.encode('utf-8', 'surrogatepass'), final)
            return
        self._buf = self._buf + text

    def _add_bytes(self, data, final):
        raw = self._raw + data
        if self._codec is None:
            codec = self._detect(raw, final)
            if codec is None:
                self._raw = raw
                return
            self._codec = codec
        codec = self._codec
        if codec == 'utf-8':
            try:
                text = raw.decode('utf-8')
                rest = b''
            except UnicodeDecodeError as e:
                if e.end >= len(raw) and e.reason == 'unexpected end of data' and not final:
                    text = raw[:e.start].decode('utf-8')
                    rest = raw[e.start:]
                elif final and e.end >= len(raw) and e.reason == 'unexpected end of data':
                    # the input ends inside a character
                    text = raw[:e.start].decode('utf-8')
                    rest = b''
                    self._partial_char = True
                else:
                    # bad bytes become lone surrogates: invalid characters
                    k = len(raw)
                    if not final:
                        k -= _utf8_tail(raw)
                    text = raw[:k].decode('utf-8', 'surrogateescape')
                    rest = raw[k:]
        elif codec in ('utf-16-le', 'utf-16-be'):
            n = len(raw) & ~1
            # do not split a surrogate pair
            if n >= 2 and not final:
                last = raw[n - 2:n]
                hi = last[1] if codec == 'utf-16-le' else last[0]
                if 0xd8 <= hi <= 0xdb:
                    n -= 2
            text = raw[:n].decode(codec, 'surrogatepass')
            rest = raw[n:]
            if final and rest:
                # the input ends inside a character
                self._partial_char = 5
                rest = b''
        else:
            text = raw.decode(codec)
            rest = b''
        self._raw = rest
        self._buf = self._buf + text

    def _detect(self, raw, final):
        # choose the input's encoding from ParserCreate, a BOM or the XML
        # declaration; None: need more bytes
        if len(raw) < 4 and not final and raw[:2] not in (b'\xfe\xff', b'\xff\xfe'):
            return None
        if raw[:2] == b'\xfe\xff':
            return 'utf-16-be'
        if raw[:2] == b'\xff\xfe':
            return 'utf-16-le'
        if raw[:1] == b'\x00' and raw[1:2] != b'\x00' and self._encoding is None:
            return 'utf-16-be'
        if raw[1:2] == b'\x00' and raw[:1] != b'\x00' and self._encoding is None:
            return 'utf-16-le'
        enc = self._encoding
        if enc is None:
            if raw[:5] == b'<?xml':
                end = raw.find(b'?>')
                if end < 0 and not final:
                    return None
                m = _enc_in_decl_re.match(raw, 0, end + 2 if end >= 0 else len(raw))
                if m:
                    enc = m.group(1).decode('ascii')
        if enc is None:
            return 'utf-8'
        return self._codec_for(enc)

    def _codec_for(self, enc):
        e = enc.lower().replace('_', '-')
        if e in ('utf-8', 'utf8'):
            return 'utf-8'
        if e in ('utf-16', 'utf16'):
            return 'utf-16-le'
        if e == 'utf-16le':
            return 'utf-16-le'
        if e == 'utf-16be':
            return 'utf-16-be'
        if e in ('iso-8859-1', 'latin-1', 'latin1', 'l1'):
            return 'latin-1'
        if e in ('us-ascii', 'ascii'):
            return 'ascii'
        try:
            t = bytes(range(256)).decode(enc, 'replace')
        except LookupError:
            if e.replace('-', '') in _MULTIBYTE:
                t = ''
            else:
                self._badenc = LookupError('unknown encoding: ' + enc)
                return 'latin-1'
        if len(t) != 256:
            self._badenc = ValueError('multi-byte encodings are not supported')
            return 'latin-1'
        return enc

    # -- the token loop -------------------------------------------------------

    def _run(self):
        # take tokens off the buffer (offsets into it: it is cut once, at
        # the end) until it is empty or holds only part of a token
        buf = self._buf
        pos = 0
        try:
            while True:
                st = self._state
                if st == 1:
                    n = self._content(buf, pos, False)
                elif st == 3:
                    n = self._cdata(buf, pos)
                elif st == 4:
                    n = self._dtd(buf, pos)
                else:
                    n = self._prolog(buf, pos)
                if n is None:
                    break
                pos = n
        except _Fail as f:
            # (character data buffered for buffer_text is dropped, as
            # pyexpat does)
            self._pending.clear()
            self._pending_len = 0
            self._raise(f.code, f.pos)
        except _Partial:
            pass
        except ExpatError:
            raise
        except BaseException:
            self._error = None
            self._finished = True
            raise
        self._consume(pos)
        if self._final:
            self._at_end()

    def _at_end(self):
        buf = self._buf
        if self._partial_char:
            self._raise(6 if self._partial_char is True else self._partial_char, len(buf))
        st = self._state
        if st == 3:
            self._raise(20, len(buf))
        if st == 1:
            if buf:
                if st == 3:
                    raise_code = 20
                    self._raise(raise_code, 0)
                self._raise(5, 0)
            self._raise(3, len(buf))
        if st == 0 or st == 4:
            if buf.strip(' \t\r\n'):
                self._raise(5, 0)
            if st == 4:
                self._raise(3, len(buf))
            if not self._started or (self._direct == 0):
                self._error = (3, 1, 0, -1)
                err = ExpatError('%s: line %d, column %d' % (_MESSAGES[3], 1, 0))
                err.code, err.lineno, err.offset = 3, 1, 0
                raise err
            self._raise(3, len(buf))
        if st == 2 and buf.strip(' \t\r\n'):
            self._raise(5, 0)

    def _need(self, buf, i):
        # the token starting at offset i runs to the end of the input (a
        # character not allowed in it is an error already)
        b = _bad_re.search(buf, i)
        if b:
            raise _Fail(4, b.start())
        if self._final:
            raise _Fail(5, i)
        raise _Partial()

    # -- prolog and epilog ----------------------------------------------------

    def _prolog(self, buf, i):
        # one token before (state 0) or after (state 2) the root element;
        # returns the offset after it, or None when the buffer is empty
        n = len(buf)
        if i >= n:
            return None
        c = buf[i]
        if self._first:
            if c == '\ufeff' and i == 0:
                return i + 1
            if buf.startswith('<?xml', i) and (n - i < 6 or buf[i + 5] in ' \t\r\n?'):
                if n - i < 6 and not self._final:
                    raise _Partial()
                j = self._xmldecl(buf, i)
                self._first = False
                return j
            if n - i < 5 and '<?xml'.startswith(buf[i:]) and not self._final:
                raise _Partial()
            self._first = False
        if c in ' \t\r\n':
            m = _ws_re.match(buf, i)
            j = m.end()
            if j == n and not self._final:
                raise _Partial()
            self._default(buf[i:j], i)
            return j
        if c != '<':
            self._prolog_junk(buf, i, 9 if self._state == 2 else 2)
        if n - i < 2:
            self._need(buf, i)
        c2 = buf[i + 1]
        if c2 == '?':
            return self._pi(buf, i)
        if c2 == '/':
            raise _Fail(4, i + 1)
        if c2 == '!':
            if buf.startswith('<!--', i):
                return self._comment(buf, i)
            if n - i < 4 and '<!--'.startswith(buf[i:]):
                self._need(buf, i)
            kw = self._decl_open(buf, i)
            if kw == 'DOCTYPE' and self._state == 0 and self._doctype is None:
                return self._doctype_start(buf, i)
            raise _Fail(9 if self._state == 2 else 2, i)
        if self._state == 2:
            raise _Fail(9, i)
        self._state = 1
        return self._content(buf, i, False)

    def _prolog_junk(self, buf, i, code):
        # text outside the root element that is not markup: a token of the
        # prolog that is out of place (code: syntax error or junk), or not
        # a token (invalid token where it goes wrong)
        n = len(buf)
        c = buf[i]
        if c in '"\'':
            q = buf.find(c, i + 1)
            if q < 0:
                self._need(buf, i)
            if q + 1 < n and buf[q + 1] not in ' \t\r\n>%[':
                raise _Fail(4, q + 1)
            raise _Fail(code, i)
        if c in '[]()|,>':
            raise _Fail(code, i)
        if c == '%':
            if i + 1 >= n:
                self._need(buf, i)
            if not _name_re.match(buf, i + 1):
                raise _Fail(4, i + 1)
            raise _Fail(code, i)
        if c == '#':
            if i + 1 >= n:
                self._need(buf, i)
            if not _name_re.match(buf, i + 1):
                raise _Fail(4, i + 1)
            i += 1
        m = _nmtoken_re.match(buf, i)
        if m:
            j = m.end()
            if j >= n:
                if not self._final:
                    raise _Partial()
                raise _Fail(code, i)
            if buf[j] in ' \t\r\n>[]()|,%?*+=':
                raise _Fail(code, i)
            raise _Fail(4, j)
        raise _Fail(4, i)

    def _decl_open(self, buf, i):
        # '<!' letters then white space or '%': the keyword of a
        # declaration ('<!--' and '<![' are handled before)
        n = len(buf)
        j = i + 2
        while j < n and ('A' <= buf[j] <= 'Z' or 'a' <= buf[j] <= 'z'):
            j += 1
        if j >= n:
            self._need(buf, i)
        if j == i + 2:
            if buf[j] == '-' and j + 1 >= n:
                self._need(buf, i)
            raise _Fail(4, j + 1 if buf[j] == '-' else j)
        if buf[j] not in ' \t\r\n%':
            raise _Fail(4, j)
        return buf[i + 2:j]

    def _xmldecl(self, buf, i):
        if i + 5 >= len(buf):
            self._need(buf, i)
        if buf[i + 5] == '?':
            if i + 6 >= len(buf):
                self._need(buf, i)
            if buf[i + 6] != '>':
                raise _Fail(4, i + 6)
        j = buf.find('?>', i)
        if j < 0:
            self._need(buf, i)
        j += 2
        text = buf[i:j]
        b = _bad_re.search(text)
        if b:
            raise _Fail(4, i + b.start())
        m = _xmldecl_re.match(text)
        if not m:
            raise _Fail(30, self._xmldecl_errpos(text, i))
        version = m.group(1) if m.group(1) is not None else m.group(2)
        enc = m.group(3) or m.group(4)
        sa = m.group(5) or m.group(6)
        standalone = -1 if sa is None else (1 if sa == 'yes' else 0)
        self._standalone = standalone
        if getattr(self, '_strinput', False) is False and enc is not None:
            c = self._codec
            e = enc.lower()
            if c in ('utf-16-le', 'utf-16-be') and not e.startswith('utf-16') and not e.startswith('utf16'):
                raise _Fail(19, i + text.find(enc))
        if not self._call('XmlDeclHandler', i, version, enc, standalone):
            self._default(text, i)
        if self._badenc:
            raise self._badenc
        return j

    def _xmldecl_errpos(self, text, i):
        # the offset where an XML declaration goes wrong, found as Expat
        # reads pseudo-attributes: a name up to white space or '=', then
        # '=', then a quoted value (version, encoding, standalone in order)
        k = 5
        n = len(text) - 2
        want = ['version', 'encoding', 'standalone']
        while True:
            j = k
            while j < n and text[j] in ' \t\r\n':
                j += 1
            if j >= n:
                return i + j
            if j == k:
                return i + j
            e = j
            while e < n and text[e] not in ' \t\r\n=':
                e += 1
            name = text[j:e]
            while e < n and text[e] in ' \t\r\n':
                e += 1
            if e >= n or text[e] != '=':
                return i + e
            e += 1
            while e < n and text[e] in ' \t\r\n':
                e += 1
            if e >= n or text[e] not in '"\'':
                return i + e
            # the value: letters, digits, '.', '-', '_' up to the quote
            q = e + 1
            while q < n and text[q] != text[e]:
                c = text[q]
                if not (c.isascii() and (c.isalnum() or c in '.-_')):
                    return i + q
                q += 1
            if q >= n:
                return i + n
            val = text[e + 1:q]
            if name not in want:
                return i + j
            while want and want[0] != name:
                if want[0] == 'version':
                    return i + j
                want.pop(0)
            want.pop(0)
            if name == 'standalone':
                if val not in ('yes', 'no'):
                    return i + e + 1
            elif name == 'encoding':
                if not val or not val[0].isalpha():
                    return i + e + 1
            k = q + 1

    def _pi(self, buf, i):
        n = len(buf)
        m = _name_re.match(buf, i + 2)
        if not m:
            if i + 2 >= n:
                self._need(buf, i)
            raise _Fail(4, i + 2)
        target = m.group()
        j = m.end()
        if j >= n:
            self._need(buf, i)
        if buf.startswith('?>', j):
            body_start = j
            end = j
        else:
            if buf[j] not in ' \t\r\n':
                if buf[j] == '?':
                    if j + 1 >= n:
                        self._need(buf, i)
                    raise _Fail(4, j + 1)
                raise _Fail(4, j)
            body_start = _ws_re.match(buf, j).end()
            end = buf.find('?>', body_start)
            if end < 0:
                self._need(buf, i)
        if target.lower() == 'xml':
            if target == 'xml' and self._state in (1, 3):
                raise _Fail(17, i)
            if self._state == 2:
                raise _Fail(9, i)
            raise _Fail(17, i) if target == 'xml' else _Fail(4, i + 2)
        data = buf[body_start:end]
        b = _bad_re.search(data)
        if b:
            raise _Fail(4, body_start + b.start())
        data = data.replace('\r\n', '\n').replace('\r', '\n')
        if not self._call('ProcessingInstructionHandler', i, target, data):
            self._default(buf[i:end + 2], i)
        return end + 2

    def _comment(self, buf, i):
        j = buf.find('--', i + 4)
        if j < 0:
            self._need(buf, i)
        if j + 2 >= len(buf):
            self._need(buf, i)
        if buf[j + 2] != '>':
            raise _Fail(4, j + 2)
        data = buf[i + 4:j]
        b = _bad_re.search(data)
        if b:
            raise _Fail(4, i + 4 + b.start())
        data = data.replace('\r\n', '\n').replace('\r', '\n')
        if not self._call('CommentHandler', i, data):
            self._default(buf[i:j + 3], i)
        return j + 3

    # -- content --------------------------------------------------------------

    def _content(self, buf, i, inent):
        # one token of element content; inent: buf is an entity's text
        n = len(buf)
        if i >= n:
            return None
        c = buf[i]
        if c == '<':
            if i + 1 >= n:
                self._need(buf, i)
            c2 = buf[i + 1]
            if c2 == '/':
                return self._etag(buf, i, inent)
            if c2 == '?':
                return self._pi(buf, i)
            if c2 == '!':
                if buf.startswith('<!--', i):
                    return self._comment(buf, i)
                if buf.startswith('<![CDATA[', i):
                    if not self._call('StartCdataSectionHandler', i):
                        self._default('<![CDATA[', i)
                    if inent:
                        return self._cdata_ent(buf, i + 9)
                    self._state = 3
                    return i + 9
                if n - i < 9 and ('<![CDATA['.startswith(buf[i:]) or '<!--'.startswith(buf[i:])):
                    self._need(buf, i)
                raise _Fail(4, i + 2 if not buf.startswith('<!-', i) else i + 3)
            return self._stag(buf, i, inent)
        if c == '&':
            return self._ref(buf, i, inent)
        if c == '\n' or c == '\r':
            if c == '\r':
                if i + 1 >= n and not inent:
                    if not self._final:
                        raise _Partial()
                    # a CR ending the input: Expat reports it, and the end
                    # of the input, where it starts
                    self._text('\n', i, '\r')
                    if self._stack:
                        raise _Fail(3, i)
                    return i + 1
                j = i + 2 if buf.startswith('\r\n', i) else i + 1
            else:
                j = i + 1
            self._text('\n', i, buf[i:j])
            return j
        # a run of data up to markup, a reference or a newline; ']]>' in
        # it is an error (at its '>'), reported before any of the run
        m = _run_re.match(buf, i)
        j = m.end()
        data = m.group()
        k = data.find(']]>')
        if k >= 0:
            raise _Fail(4, i + k + 2)
        if j == n and not inent and not self._final and data[-1] == ']':
            # the ']'s at the end may begin ']]>': wait for more
            keep = len(data) - len(data.rstrip(']'))
            if keep > 2:
                keep = 2
            if keep == len(data):
                raise _Partial()
            j -= keep
            data = data[:-keep]
        b = _bad_re.search(data)
        if b:
            k = i + b.start()
            if k > i:
                self._text(buf[i:k], i, None)
                return k
            raise _Fail(4, k)
        self._text(data, i, None)
        return j

    def _text(self, data, pos, raw):
        if self._cdh is None and self.DefaultHandler is None and self.DefaultHandlerExpand is None:
            return
        if len(data) > 256 and self._codec not in ('utf-8', 'ascii'):
            # Expat converts other encodings to UTF-8 through a buffer of
            # 1024 bytes, which cuts long character data into pieces
            for piece in _utf8_pieces(data):
                self._chardata(piece, pos)
                pos += len(piece)
            return
        self._chardata(data, pos)

    def _cdata(self, buf, i):
        # inside a CDATA section (state 3)
        n = len(buf)
        if i >= n:
            return None
        if buf.startswith(']]>', i):
            if not self._call('EndCdataSectionHandler', i):
                self._default(']]>', i)
            self._state = 1
            return i + 3
        c = buf[i]
        if c == '\n' or c == '\r':
            if c == '\r' and i + 1 >= n and not self._final:
                raise _Partial()
            j = i + 2 if buf.startswith('\r\n', i) else i + 1
            self._text('\n', i, None)
            return j
        # Expat's runs: a ']' alone when another follows, else the ']'
        # and the characters up to the next ']' or newline
        j = i
        if c == ']':
            if i + 1 >= n:
                self._need(buf, i)
            if buf[i + 1] == ']':
                if i + 2 >= n:
                    self._need(buf, i)
                self._text(']', i, None)
                return i + 1
            j = i + 1
        while j < n:
            c = buf[j]
            if c == '\n' or c == '\r' or c == ']':
                break
            j += 1
        data = buf[i:j]
        b = _bad_re.search(data)
        if b:
            k = i + b.start()
            if k == i:
                raise _Fail(4, k)
            data = buf[i:k]
            j = k
        self._text(data, i, None)
        return j

    def _cdata_ent(self, buf, i):
        # a CDATA section inside an entity's replacement text
        end = buf.find(']]>', i)
        if end < 0:
            raise _Fail(13, 0)
        while i < end:
            k = i
            while k < end and buf[k] not in '\r\n':
                k += 1
            if k > i:
                self._text(buf[i:k], i, None)
                i = k
            else:
                j = i + 2 if buf.startswith('\r\n', i) else i + 1
                self._text('\n', i, None)
                i = j
        if not self._call('EndCdataSectionHandler', end):
            self._default(']]>', end)
        return end + 3

    def _foreign_dtd(self, i):
        # UseForeignDTD without a DOCTYPE: the handler reads the DTD
        self._foreign = False
        if self._doctype is None and self._pe_parsing and self.ExternalEntityRefHandler is not None:
            self._evpos = i
            if not self.ExternalEntityRefHandler(None, self._base_uri, None, None):
                raise _Fail(21, i)

    def _stag(self, buf, i, inent):
        if self._foreign:
            self._foreign_dtd(i)
        # the common case first: a whole start tag whose attribute values
        # need no work, no namespaces, no DTD
        m = _stag_fast_re.match(buf, i)
        if m is not None and not self._atttypes and (
                self._sep is None or ':' not in m.group(2)
                and 'xmlns' not in m.group(2)):
            text = m.group()
            if '&' not in text and not _bad_re.search(text):
                qname = m.group(1)
                if self._sep is not None and ':' in qname:
                    self._check_qname(qname, i + 1)
                ename = qname if self._sep is None else self._split(qname, i, False)
                alist = _attr_find_re.findall(m.group(2))
                if len(alist) < 2 or len(set(a[0] for a in alist)) == len(alist):
                    if self._state != 1:
                        self._state = 1
                    end = m.end()
                    h = self.StartElementHandler
                    if alist and ('\t' in text or '\n' in text or '\r' in text):
                        alist = [(a, v.replace('\r\n', ' ').replace('\r', ' ').replace('\n', ' ').replace('\t', ' '), w.replace('\r\n', ' ').replace('\r', ' ').replace('\n', ' ').replace('\t', ' ')) for a, v, w in alist]
                    if h is not None:
                        self._evpos = i
                        if self._pending:
                            self._flush()
                            h = self.StartElementHandler
                        if self.ordered_attributes:
                            a = []
                            for an, v1, v2 in alist:
                                a.append(an)
                                a.append(v1 or v2)
                        else:
                            a = {}
                            for an, v1, v2 in alist:
                                a[an] = v1 or v2
                        self._stack.append((qname, None))
                        h(self.intern.setdefault(ename, ename), a)
                    else:
                        self._stack.append((qname, None))
                        self._default(text, i)
                    if m.group(3):
                        self._end_element(end, ename, None)
                    return end
        n = len(buf)
        m = _name_re.match(buf, i + 1)
        if not m:
            if i + 1 >= n:
                self._need(buf, i)
            raise _Fail(4, i + 1)
        qname = m.group()
        if self._sep is not None and ':' in qname:
            try:
                self._check_qname(qname, i + 1, m.end() < n)
            except _Partial:
                self._need(buf, i)
        j = m.end()
        attrs = []
        seen = set()
        dup = None
        while True:
            me = _stag_end_re.match(buf, j)
            if me:
                empty = me.group(1) == '/'
                end = me.end()
                break
            ma = _attr_re.match(buf, j)
            if ma:
                an = ma.group(1)
                if self._sep is not None and ':' in an:
                    self._check_qname(an, ma.start(1))
                av = ma.group(2)
                if av is None:
                    av = ma.group(3)
                b = _bad_re.search(av)
                if b:
                    raise _Fail(4, ma.end() - len(av) - 1 + b.start())
                if '&' in av:
                    vs = ma.end() - len(av) - 1
                    k = av.find('&')
                    while k >= 0:
                        if not _ref_re.match(av, k):
                            raise _Fail(4, vs + self._ref_errpos(av, k))
                        k = av.find('&', k + 1)
                if an in seen and dup is None:
                    # (reported once the whole tag is known to be a token)
                    dup = (an, j + len(ma.group()) - len(ma.group().lstrip(' \t\r\n')), list(attrs))
                seen.add(an)
                vstart = ma.end() - len(av) - 1
                attrs.append((an, av, vstart))
                j = ma.end()
                continue
            self._stag_error(buf, j, i)
        if dup is not None:
            if self._sep is not None:
                self._dup_ns(dup[2], dup[0], i, dup[1])
            raise _Fail(8, dup[1])
        if self._state == 0 or self._state == 2:
            self._state = 1
        self._evpos = i
        names = [a[0] for a in attrs]
        values = []
        for an, av, vstart in attrs:
            if '&' in av or '\t' in av or '\n' in av or '\r' in av:
                av = self._attvalue(av, i if inent else vstart, i)
            t = self._atttypes.get((qname, an))
            if t is not None and t != 'CDATA':
                av = ' '.join(av.split(' ')).strip(' ')
                while '  ' in av:
                    av = av.replace('  ', ' ')
            values.append(av)
        nspecified = len(names)
        dflt = self._attdefaults.get(qname)
        if dflt:
            for an, av in dflt:
                if an not in seen:
                    names.append(an)
                    values.append(av)
        self._start_element(qname, names, values, nspecified, i, end, empty)
        return end

    def _stag_error(self, buf, j, i):
        # find where a start tag goes wrong, or wait for more input
        n = len(buf)
        k = j
        # skip white space
        while k < n and buf[k] in ' \t\r\n':
            k += 1
        if k >= n:
            self._need(buf, i)
        c = buf[k]
        if c == '/':
            if k + 1 >= n:
                self._need(buf, i)
            raise _Fail(4, k + 1)
        if k == j and c not in '>':
            raise _Fail(4, k)
        m = _name_re.match(buf, k)
        if not m:
            raise _Fail(4, k)
        if self._sep is not None and ':' in m.group():
            try:
                self._check_qname(m.group(), k, m.end() < n)
            except _Partial:
                self._need(buf, i)
        k = m.end()
        while k < n and buf[k] in ' \t\r\n':
            k += 1
        if k >= n:
            self._need(buf, i)
        if buf[k] != '=':
            raise _Fail(4, k)
        k += 1
        while k < n and buf[k] in ' \t\r\n':
            k += 1
        if k >= n:
            self._need(buf, i)
        q = buf[k]
        if q not in '"\'':
            raise _Fail(4, k)
        k += 1
        while k < n and buf[k] != q:
            if buf[k] == '<' or _bad_re.match(buf, k):
                raise _Fail(4, k)
            if buf[k] == '&':
                mr = _ref_re.match(buf, k)
                if not mr:
                    e = k + 1
                    while e < n and buf[e] != ';' and buf[e] != q:
                        e += 1
                    if e >= n:
                        self._need(buf, i)
                    self._ref_error(buf, k)
            k += 1
        if k >= n:
            self._need(buf, i)
        k += 1
        if k >= n:
            self._need(buf, i)
        raise _Fail(4, k)

    def _ref_error(self, buf, k, base=0):
        # the reference at k is malformed: where does it go wrong (buf
        # starts at buffer offset base)
        raise _Fail(4, base + self._ref_errpos(buf, k))

    def _ref_errpos(self, buf, k):
        n = len(buf)
        if k + 1 < n and buf[k + 1] == '#':
            j = k + 2
            if j < n and buf[j] == 'x':
                j += 1
                while j < n and buf[j] in '0123456789abcdefABCDEF':
                    j += 1
            else:
                while j < n and buf[j].isdigit() and buf[j].isascii():
                    j += 1
            return j
        m = _name_re.match(buf, k + 1)
        if not m:
            return k + 1
        return m.end()

    def _attvalue(self, av, pos, tagpos, depth=0):
        # normalise an attribute value: references, white space
        out = []
        i = 0
        n = len(av)
        while i < n:
            k = av.find('&', i)
            seg = av[i:] if k < 0 else av[i:k]
            if seg:
                out.append(seg.replace('\r\n', ' ').replace('\r', ' ').replace('\n', ' ').replace('\t', ' ')
                           if depth == 0 else seg.replace('\r', ' ').replace('\n', ' ').replace('\t', ' '))
            if k < 0:
                break
            m = _ref_re.match(av, k)
            if not m:
                if depth:
                    raise _Fail(4, pos)
                self._ref_error(av, k, pos)
            name, dec, hexa = m.groups()
            if name is None:
                cp = int(dec) if dec is not None else int(hexa, 16)
                if not _is_char(cp):
                    raise _Fail(14, pos + k)
                out.append(chr(cp))
            elif name in _PREDEF:
                out.append(_PREDEF[name])
            else:
                ent = self._entities.get(name)
                if ent is None:
                    # (skipped, not an error, when there is an external DTD)
                    if not self._dtd_ext or self._standalone == 1:
                        raise _Fail(11, pos + k if depth == 0 else pos)
                elif ent.value is None:
                    raise _Fail(16, pos + k if depth == 0 else pos)
                elif ent.open:
                    raise _Fail(12, pos + k if depth == 0 else pos)
                else:
                    if '<' in ent.value:
                        raise _Fail(4, tagpos)
                    self._account(ent, pos + k if depth == 0 else pos)
                    ent.open = True
                    try:
                        out.append(self._attvalue(ent.value, pos + k if depth == 0 else pos, tagpos, depth + 1))
                    finally:
                        ent.open = False
            i = m.end()
        return ''.join(out)

    def _dup_ns(self, attrs, dup, pos, dpos):
        # a repeated attribute with namespaces: Expat has reported the
        # declarations before it; unless the repeated one is a declaration
        # it reports their ends too
        decls = []
        for an, av, vstart in attrs:
            if an == 'xmlns' or an.startswith('xmlns:'):
                prefix = an[6:] if an != 'xmlns' else None
                self._nsmap.setdefault(prefix, []).append(av or None)
                decls.append(prefix)
                self._call('StartNamespaceDeclHandler', pos, prefix, av or None)
        if dup == 'xmlns' or dup.startswith('xmlns:'):
            return
        for prefix in reversed(decls):
            self._nsmap[prefix].pop()
            self._call('EndNamespaceDeclHandler', dpos, prefix)

    def _check_qname(self, name, pos, more=True):
        # with namespaces a name is NCName or NCName ':' NCName; name is
        # at buffer offset pos; more: something follows it in the buffer
        k = name.find(':')
        if k == 0:
            raise _Fail(4, pos)
        k2 = name.find(':', k + 1)
        if k2 >= 0:
            raise _Fail(4, pos + k2)
        if k == len(name) - 1 and not more:
            raise _Partial()
        if k == len(name) - 1 or not _name_re.match(name, k + 1) or name[k + 1] in '-.0123456789':
            raise _Fail(4, pos + k + 1)

    def _split(self, qname, pos, isattr):
        # namespace processing: the expanded name of qname
        k = qname.find(':')
        if k < 0:
            if isattr:
                return qname
            uris = self._nsmap.get(None)
            if uris and uris[-1]:
                return uris[-1] + self._sep + qname
            return qname
        prefix = qname[:k]
        local = qname[k + 1:]
        if prefix == 'xml':
            uri = _XML_URI
        else:
            uris = self._nsmap.get(prefix)
            if not uris or uris[-1] is None:
                raise _Fail(27, pos)
            uri = uris[-1]
        if self._ns_prefixes:
            return uri + self._sep + local + self._sep + prefix
        return uri + self._sep + local

    def _start_element(self, qname, names, values, nspecified, pos, end, empty):
        decls = None
        if self._sep is not None:
            decls = []
            keep_n = []
            keep_v = []
            for idx in range(len(names)):
                an = names[idx]
                if an == 'xmlns' or an.startswith('xmlns:'):
                    prefix = an[6:] if an != 'xmlns' else None
                    uri = values[idx]
                    if prefix == 'xmlns':
                        raise _Fail(39, pos)
                    if prefix == 'xml':
                        if uri != _XML_URI:
                            raise _Fail(38, pos)
                    elif uri == _XML_URI or uri == _XMLNS_URI:
                        raise _Fail(40, pos)
                    if prefix is not None and uri == '':
                        raise _Fail(28, pos)
                    # (declared and reported one by one, as Expat does)
                    decls.append((prefix, uri or None))
                    self._nsmap.setdefault(prefix, []).append(uri or None)
                    self._call('StartNamespaceDeclHandler', pos, prefix, uri or None)
                else:
                    keep_n.append(an)
                    keep_v.append(values[idx])
            nspecified -= len(names) - len(keep_n) if nspecified >= len(names) else sum(
                1 for a in names[:nspecified] if a == 'xmlns' or a.startswith('xmlns:'))
            ename = self._split(qname, pos, False)
            names = [self._split(a, pos, True) for a in keep_n]
            values = keep_v
            if self._ns_prefixes:
                keys = [a.rsplit(self._sep, 1)[0] if a.count(self._sep) == 2 else a for a in names]
            else:
                keys = names
            if len(set(keys)) != len(keys):
                for prefix, uri in reversed(decls):
                    self._nsmap[prefix].pop()
                    self._call('EndNamespaceDeclHandler', pos, prefix)
                raise _Fail(8, pos)
        else:
            ename = qname
        self._stack.append((qname, decls))
        h = self.StartElementHandler
        if h is not None:
            if self.specified_attributes:
                names = names[:nspecified]
                values = values[:nspecified]
            if self.ordered_attributes:
                a = []
                for k in range(len(names)):
                    a.append(names[k])
                    a.append(values[k])
            else:
                a = {}
                for k in range(len(names)):
                    a[names[k]] = values[k]
            self._call('StartElementHandler', pos, self.intern.setdefault(ename, ename), a)
        else:
            self._default(self._buf[pos:end] if self._state != 9 else '', pos)
        if empty:
            self._end_element(end, ename if self._sep is not None else qname, None)

    def _end_element(self, pos, ename, raw):
        qname, decls = self._stack.pop()
        if not self._call('EndElementHandler', pos, ename):
            if raw is not None:
                self._default(raw, pos)
        if decls:
            for prefix, uri in reversed(decls):
                self._nsmap[prefix].pop()
                self._call('EndNamespaceDeclHandler', pos, prefix)
        if not self._stack and self._depth0():
            self._state = 2

    def _depth0(self):
        return not getattr(self, '_inent', 0)

    def _etag(self, buf, i, inent):
        m = _etag_re.match(buf, i)
        if not m:
            n = len(buf)
            mn = _name_re.match(buf, i + 2)
            if not mn:
                if i + 2 >= n:
                    self._need(buf, i)
                raise _Fail(4, i + 2)
            k = mn.end()
            while k < n and buf[k] in ' \t\r\n':
                k += 1
            if k >= n:
                self._need(buf, i)
            raise _Fail(4, k)
        name = m.group(1)
        if self._sep is not None and name[0] == ':':
            raise _Fail(4, i + 2)
        if not self._stack or (inent and len(self._stack) <= self._entbase):
            if inent:
                raise _Fail(13, 0)
            raise _Fail(7, i + 2)
        if self._stack[-1][0] != name:
            raise _Fail(7, i + 2)
        if self._sep is not None:
            ename = self._split(name, i, False)
        else:
            ename = name
        self._end_element(i, ename, m.group())
        return m.end()

    def _ref(self, buf, i, inent):
        m = _ref_re.match(buf, i)
        if not m:
            n = len(buf)
            k = i + 1
            if k < n and buf[k] == '#':
                k += 1
                if k < n and buf[k] == 'x':
                    k += 1
                    while k < n and buf[k] in '0123456789abcdefABCDEF':
                        k += 1
                else:
                    while k < n and buf[k] in '0123456789':
                        k += 1
            else:
                mn = _name_re.match(buf, k)
                if mn:
                    k = mn.end()
            if k >= n:
                self._need(buf, i)
            self._ref_error(buf, i)
        raw = m.group()
        name, dec, hexa = m.groups()
        if name is None:
            cp = int(dec) if dec is not None else int(hexa, 16)
            if not _is_char(cp):
                raise _Fail(14, i)
            if self._cdh is None:
                self._default(raw, i)
            else:
                self._text(chr(cp), i, raw)
            return m.end()
        if name in _PREDEF:
            if self._cdh is None:
                self._default(raw, i)
            else:
                self._text(_PREDEF[name], i, raw)
            return m.end()
        ent = self._entities.get(name)
        if ent is None:
            if self._dtd_ext and self._standalone != 1:
                if not self._call('SkippedEntityHandler', i, name, 0):
                    self._default(raw, i)
                return m.end()
            raise _Fail(11, i)
        if ent.open:
            raise _Fail(12, i)
        if ent.notation is not None:
            raise _Fail(15, i)
        if ent.value is None:
            if self.ExternalEntityRefHandler is not None:
                if self._pending:
                    self._flush()
                self._evpos = i
                r = self.ExternalEntityRefHandler(name, self._base_uri, ent.system, ent.public)
                if not r:
                    raise _Fail(21, i)
            else:
                self._default(raw, i)
            return m.end()
        if self.DefaultHandler is not None:
            if not self._call('SkippedEntityHandler', i, name, 0):
                self._default(raw, i)
            return m.end()
        self._expand(ent, i)
        return m.end()

    def _account(self, ent, pos):
        # billion laughs protection: count the bytes an expansion adds
        size = len(ent.value)
        self._indirect += size
        total = self._direct + self._indirect
        if total >= _BLAP_THRES and total > 100 * max(self._direct, 1):
            raise _Fail(43, pos)

    def _expand(self, ent, pos):
        # parse an internal entity's replacement text as content, every
        # event positioned at the reference
        self._account(ent, pos)
        fix = self._evfix
        if fix is None:
            self._evfix = self._pos_of(pos)
        ent.open = True
        old_base = getattr(self, '_entbase', 0)
        self._entbase = len(self._stack)
        self._inent = getattr(self, '_inent', 0) + 1
        try:
            text = ent.value
            k = 0
            while True:
                try:
                    r = self._content(text, k, True)
                except _Partial:
                    # a token cut off by the end of the replacement text
                    raise _Fail(5, pos if fix is None else fix)
                except _Fail as f:
                    f.pos = pos if self._evfix is not None and fix is None else f.pos
                    if fix is not None:
                        f.pos = fix
                    raise
                if r is None:
                    break
                k = r
            if len(self._stack) != self._entbase:
                raise _Fail(13, pos)
        finally:
            ent.open = False
            self._entbase = old_base
            self._inent -= 1
            self._evfix = fix

    # -- the document type declaration ----------------------------------------

    _dtd_tok_re = _re.compile(
        '(?P<s>[ \t\r\n]+)|(?P<lit>"[^"]*"|\'[^\']*\')|'
        '(?P<pe>%' + _NAME + ';)|(?P<name>[' + _NC + ']+[?*+]?)|'
        '(?P<pound>#' + _NAME + ')|(?P<cp>\\)[?*+]?)|(?P<p>[(|,\\[\\]>%])')

    def _need_dtd(self, n):
        # the input ends between tokens of a declaration
        if self._final:
            raise _Fail(3, n)
        raise _Partial()

    def _dtd_token(self, buf, j, i):
        # the declaration token at j (of the markup starting at i), checked
        # for what may follow it as Expat's prolog tokenizer does
        n = len(buf)
        if j >= n:
            self._need_dtd(n)
        m = self._dtd_tok_re.match(buf, j)
        if not m and buf[j] == '<':
            raise _Fail(2, j)
        if m and m.lastgroup == 'p' and buf[j] == '%':
            # '%' then a name must be a reference ending in ';'
            mn = _name_re.match(buf, j + 1)
            if mn:
                if mn.end() >= n:
                    self._need(buf, j)
                raise _Fail(4, mn.end())
        if not m:
            if buf[j] in '"\'' or (buf.find('>', j) < 0 and not self._final):
                self._need(buf, j)
            raise _Fail(4, j)
        e = m.end()
        kind = m.lastgroup
        if e >= n:
            if not self._final:
                raise _Partial()
            return m
        if kind == 'lit':
            b = _bad_re.search(buf, j, e)
            if b:
                raise _Fail(4, b.start())
            if buf[e] not in ' \t\r\n>%[':
                raise _Fail(4, e)
        elif kind == 'name' or kind == 'pound':
            if buf[e] not in ' \t\r\n>[]()|,%':
                raise _Fail(4, e)
        return m

    def _doctype_start(self, buf, i):
        # '<!DOCTYPE' S Name (S ExternalID)? S? ('[' intSubset ']' S?)? '>'
        toks = []
        j = i + 9
        n = len(buf)
        while True:
            m = self._dtd_token(buf, j, i)
            kind = m.lastgroup
            toks.append((kind, m.group(), j))
            j = m.end()
            if kind == 'p' and m.group() in '[>':
                break
        words = [t for t in toks if t[0] != 's']
        if not toks or toks[0][0] != 's' or len(words) < 2 or words[0][0] != 'name':
            raise _Fail(2, words[0][2] if words else j)
        name = words[0][1]
        sysid = pubid = None
        rest = words[1:-1]
        if rest:
            kw = rest[0][1]
            if kw == 'SYSTEM' and len(rest) == 2 and rest[1][0] == 'lit':
                sysid = rest[1][1][1:-1]
            elif kw == 'PUBLIC' and len(rest) == 3 and rest[1][0] == 'lit' and rest[2][0] == 'lit':
                pubid = rest[1][1][1:-1]
                if not _pubid_re.match(pubid):
                    raise _Fail(32, rest[1][2] + 1 + _pubid_ok_re.match(pubid).end())
                pubid = ' '.join(pubid.split())
                sysid = rest[2][1][1:-1]
            else:
                # the first token out of place
                want = {'SYSTEM': 2, 'PUBLIC': 3}.get(kw, 0)
                k = 1
                while k < want and k < len(rest) and rest[k][0] == 'lit':
                    k += 1
                raise _Fail(2, rest[min(k, len(rest) - 1)][2] if want else rest[0][2])
        last = words[-1]
        self._doctype = name
        if sysid is not None:
            self._dtd_ext = True
        internal = last[1] == '['
        self._ext_ids = (sysid, pubid)
        if not internal:
            self._not_standalone(last[2])
        called = self._call('StartDoctypeDeclHandler', last[2], name, sysid, pubid, 1 if internal else 0)
        if not called:
            self._default('<!DOCTYPE', i)
            for t in toks:
                self._default(t[1], t[2])
        if internal:
            self._state = 4
            return j
        self._end_doctype(last[2], called, last[2])
        return j

    def _not_standalone(self, pos):
        # an external subset that will not be read: ask NotStandaloneHandler
        if (self._ext_ids[0] is not None and self._standalone != 1
                and not (self._pe_parsing and self.ExternalEntityRefHandler is not None)):
            h = self.NotStandaloneHandler
            if h is not None:
                self._evpos = pos
                if not h():
                    raise _Fail(22, pos)

    def _end_doctype(self, pos, called, extpos):
        # the external subset goes to ExternalEntityRefHandler (context
        # None) when parameter entities are parsed
        self._state = 0
        sysid, pubid = self._ext_ids
        if (sysid is not None and self._pe_parsing
                and self.ExternalEntityRefHandler is not None):
            self._evpos = extpos
            if self._pending:
                self._flush()
            if not self.ExternalEntityRefHandler(None, self._base_uri, sysid, pubid):
                raise _Fail(21, extpos)
        self._call('EndDoctypeDeclHandler', pos)

    def _dtd(self, buf, i):
        # one token or declaration of the internal subset (state 4)
        n = len(buf)
        if i >= n:
            return None
        c = buf[i]
        if c in ' \t\r\n':
            m = _ws_re.match(buf, i)
            j = m.end()
            if j == n and not self._final:
                raise _Partial()
            self._default(buf[i:j], i)
            return j
        if c == ']':
            j = i + 1
            while j < n and buf[j] in ' \t\r\n':
                j += 1
            if j >= n:
                self._need_dtd(n)
            if buf[j] != '>':
                raise _Fail(2 if _nmtoken_re.match(buf, j) or buf[j] in '<[]()|,%"\'#' else 4, j)
            if self.EndDoctypeDeclHandler is None:
                self._default(buf[i:i + 1], i)
                if j > i + 1:
                    self._default(buf[i + 1:j], i + 1)
                self._default('>', j)
            self._not_standalone(j)
            self._end_doctype(j, True, j)
            return j + 1
        if c == '%':
            m = _re.compile('%(' + _NAME + ');').match(buf, i)
            if not m:
                if _name_re.match(buf, i + 1) and _name_re.match(buf, i + 1).end() >= n:
                    self._need(buf, i)
                raise _Fail(4, i + 1)
            self._dtd_ext = True
            self._default(m.group(), i)
            return m.end()
        if c != '<':
            self._prolog_junk(buf, i, 2)
        if n - i < 4:
            self._need(buf, i)
        if buf.startswith('<?', i):
            return self._pi(buf, i)
        if buf.startswith('<!--', i):
            return self._comment(buf, i)
        if not buf.startswith('<!', i):
            if _name_re.match(buf, i + 1):
                raise _Fail(2, i)
            raise _Fail(4, i + 1)
        kw = self._decl_open(buf, i)
        if kw not in ('ENTITY', 'ATTLIST', 'ELEMENT', 'NOTATION'):
            raise _Fail(2, i)
        toks = []
        j = i + 2 + len(kw)
        while True:
            try:
                mt = self._dtd_token(buf, j, i)
            except _Fail as f:
                if f.code == 3:
                    self._decl_partial(kw, buf, i, toks)
                raise
            kind = mt.lastgroup
            toks.append((kind, mt.group(), j))
            j = mt.end()
            if kind == 'p' and mt.group() == '>':
                break
        if kw == 'ENTITY':
            self._decl_entity(buf, i, toks)
        elif kw == 'ATTLIST':
            self._decl_attlist(buf, i, toks)
        elif kw == 'ELEMENT':
            self._decl_element(buf, i, toks)
        else:
            self._decl_notation(buf, i, toks)
        return j

    def _decl_partial(self, kw, buf, i, toks):
        # the input ends inside a declaration: Expat has reported what its
        # tokens so far declare, or found them wrong
        w = [t for t in toks if t[0] != 's']
        try:
            if kw == 'ATTLIST':
                self._decl_attlist(buf, i, toks, True)
            elif kw == 'ENTITY' and len(w) == 2 and w[0][0] == 'name' and w[1][0] == 'lit':
                value, fail = self._entity_value(w[1][1], w[1][2])
                if w[0][1] not in self._entities:
                    self._entities[w[0][1]] = _Entity(w[0][1], value, None, None, None)
                    self._call('EntityDeclHandler', w[1][2], w[0][1], 0, value,
                               self._base_uri, None, None, None)
        except IndexError:
            pass

    def _dtd_defaults(self, kw, i, toks, used):
        # pass the tokens of a declaration no handler took to the default one
        if used:
            return
        self._default('<!' + kw, i)
        for t in toks:
            self._default(t[1], t[2])

    def _entity_value(self, lit, pos):
        # the replacement text of an internal entity: character references
        # and parameter entities replaced, general entities kept; returns
        # it and None, or what comes before an error and the error (Expat
        # declares the entity with that text, then fails)
        v = lit[1:-1]
        if '&' not in v and '%' not in v and '\r' not in v:
            return v, None
        out = []
        i = 0
        n = len(v)
        while i < n:
            c = v[i]
            if c == '&':
                m = _ref_re.match(v, i)
                if not m:
                    return ''.join(out), _Fail(4, pos + 1 + self._ref_errpos(v, i))
                name, dec, hexa = m.groups()
                if name is None:
                    cp = int(dec) if dec is not None else int(hexa, 16)
                    if not _is_char(cp):
                        return ''.join(out), _Fail(14, pos + 1 + i)
                    out.append(chr(cp))
                else:
                    out.append(m.group())
                i = m.end()
            elif c == '%':
                return ''.join(out), _Fail(10, pos + 1 + i)
            elif c == '\r':
                out.append('\n')
                i += 2 if v.startswith('\r\n', i) else 1
            else:
                out.append(c)
                i += 1
        return ''.join(out), None

    def _decl_entity(self, buf, i, toks):
        w = [t for t in toks if t[0] != 's']
        pe = False
        if w and w[0][1] == '%':
            pe = True
            w = w[1:]
        if len(w) < 3 or w[0][0] != 'name':
            raise _Fail(2, w[0][2] if w else i)
        name = w[0][1]
        used = False
        if w[1][0] == 'lit':
            if len(w) != 3:
                raise _Fail(2, w[2][2])
            value, fail = self._entity_value(w[1][1], w[1][2])
            target = self._pentities if pe else self._entities
            if name not in target:
                target[name] = _Entity(name, value, None, None, None)
                used = self._call('EntityDeclHandler', w[1][2] if fail is None else fail.pos, name, 1 if pe else 0, value, self._base_uri, None, None, None)
            if fail is not None:
                raise fail
            self._evpos = w[1][2]
            self._dtd_defaults('ENTITY', i, toks, used)
            return
        kw = w[1][1]
        pubid = None
        if kw == 'SYSTEM' and len(w) >= 4 and w[2][0] == 'lit':
            sysid = w[2][1][1:-1]
            k = 3
        elif kw == 'PUBLIC' and len(w) >= 5 and w[2][0] == 'lit' and w[3][0] == 'lit':
            pubid = w[2][1][1:-1]
            if not _pubid_re.match(pubid):
                raise _Fail(32, w[2][2] + 1 + _pubid_ok_re.match(pubid).end())
            pubid = ' '.join(pubid.split())
            sysid = w[3][1][1:-1]
            k = 4
        else:
            raise _Fail(2, w[1][2])
        notation = None
        if len(w) - k == 3 and w[k][1] == 'NDATA' and not pe and w[k + 1][0] == 'name':
            notation = w[k + 1][1]
        elif len(w) - k != 1:
            raise _Fail(2, w[k][2])
        target = self._pentities if pe else self._entities
        if name not in target:
            target[name] = _Entity(name, None, sysid, pubid, notation)
            if notation is not None:
                pos = w[k + 1][2]
                used = self._call('UnparsedEntityDeclHandler', pos, name, self._base_uri, sysid, pubid, notation)
                if not used:
                    used = self._call('EntityDeclHandler', pos, name, 0, None, self._base_uri, sysid, pubid, notation)
            else:
                used = self._call('EntityDeclHandler', w[-1][2], name, 1 if pe else 0, None, self._base_uri, sysid, pubid, None)
        self._dtd_defaults('ENTITY', i, toks, used)

    def _decl_notation(self, buf, i, toks):
        w = [t for t in toks if t[0] != 's']
        if len(w) < 3 or w[0][0] != 'name':
            raise _Fail(2, i)
        name = w[0][1]
        sysid = pubid = None
        pos = w[-1][2]
        if w[1][1] == 'SYSTEM' and len(w) == 4 and w[2][0] == 'lit':
            sysid = w[2][1][1:-1]
            pos = w[2][2]
        elif w[1][1] == 'PUBLIC' and len(w) in (4, 5) and w[2][0] == 'lit':
            pubid = w[2][1][1:-1]
            if not _pubid_re.match(pubid):
                raise _Fail(32, w[2][2] + 1 + _pubid_ok_re.match(pubid).end())
            pubid = ' '.join(pubid.split())
            if len(w) == 5:
                if w[3][0] != 'lit':
                    raise _Fail(2, w[3][2])
                sysid = w[3][1][1:-1]
                pos = w[3][2]
        else:
            raise _Fail(2, w[1][2])
        used = self._call('NotationDeclHandler', pos, name, self._base_uri, sysid, pubid)
        self._dtd_defaults('NOTATION', i, toks, used)

    def _decl_attlist(self, buf, i, toks, partial=False):
        w = [t for t in toks if t[0] != 's']
        if not w or w[0][0] != 'name':
            raise _Fail(2, i)
        el = w[0][1]
        k = 1
        used = False
        while k < len(w) and w[k][1] != '>':
            if w[k][0] != 'name':
                raise _Fail(2, w[k][2])
            an = w[k][1]
            k += 1
            if k >= len(w):
                raise _Fail(2, i)
            t = w[k]
            if t[1] == '(' or t[1] == 'NOTATION':
                parts = []
                if t[1] == 'NOTATION':
                    parts.append('NOTATION')
                    k += 1
                    if w[k][1] != '(':
                        raise _Fail(2, w[k][2])
                parts.append('(')
                k += 1
                while True:
                    if w[k][0] != 'name':
                        raise _Fail(2, w[k][2])
                    parts.append(w[k][1])
                    k += 1
                    if w[k][1] == '|':
                        parts.append('|')
                        k += 1
                        continue
                    if w[k][1] == ')':
                        parts.append(')')
                        k += 1
                        break
                    raise _Fail(2, w[k][2])
                atype = ''.join(parts)
            elif t[1] in ('CDATA', 'ID', 'IDREF', 'IDREFS', 'ENTITY', 'ENTITIES', 'NMTOKEN', 'NMTOKENS'):
                atype = t[1]
                k += 1
            else:
                raise _Fail(2, t[2])
            d = w[k]
            required = 0
            dflt = None
            if d[0] == 'pound':
                if d[1] == '#REQUIRED':
                    required = 1
                elif d[1] == '#IMPLIED':
                    pass
                elif d[1] == '#FIXED':
                    required = 1
                    k += 1
                    d = w[k]
                    if d[0] != 'lit':
                        raise _Fail(2, d[2])
                    dflt = self._attvalue(d[1][1:-1], d[2] + 1, d[2])
                else:
                    raise _Fail(2, d[2])
            elif d[0] == 'lit':
                dflt = self._attvalue(d[1][1:-1], d[2] + 1, d[2])
            else:
                raise _Fail(2, d[2])
            if atype != 'CDATA' and dflt is not None:
                dflt = ' '.join(dflt.split(' ')).strip(' ')
                while '  ' in dflt:
                    dflt = dflt.replace('  ', ' ')
            k += 1
            key = (el, an)
            if key not in self._atttypes:
                self._atttypes[key] = atype
                if dflt is not None:
                    self._attdefaults.setdefault(el, []).append((an, dflt))
            if self._call('AttlistDeclHandler', d[2], el, an, atype, dflt, required):
                used = True
        if not partial:
            self._dtd_defaults('ATTLIST', i, toks, used)

    def _decl_element(self, buf, i, toks):
        w = [t for t in toks if t[0] != 's']
        if len(w) < 3 or w[0][0] != 'name':
            raise _Fail(2, i)
        name = w[0][1]
        if w[1][1] == 'EMPTY' and len(w) == 3:
            mdl = (1, 0, None, ())
        elif w[1][1] == 'ANY' and len(w) == 3:
            mdl = (2, 0, None, ())
        elif w[1][1] == '(':
            pos = [2]

            def group():
                # after '(': a choice or sequence, or mixed content
                items = []
                sepc = None
                if w[pos[0]][0] == 'pound':
                    if w[pos[0]][1] != '#PCDATA':
                        raise _Fail(2, w[pos[0]][2])
                    pos[0] += 1
                    while w[pos[0]][1] == '|':
                        pos[0] += 1
                        if w[pos[0]][0] != 'name':
                            raise _Fail(2, w[pos[0]][2])
                        items.append((4, 0, w[pos[0]][1], ()))
                        pos[0] += 1
                    t = w[pos[0]]
                    if t[1] == ')*':
                        pos[0] += 1
                        return (3, 2, None, tuple(items))
                    if t[1] == ')' and not items:
                        pos[0] += 1
                        return (3, 0, None, ())
                    raise _Fail(2, t[2])
                while True:
                    t = w[pos[0]]
                    if t[1] == '(':
                        pos[0] += 1
                        items.append(group())
                    elif t[0] == 'name':
                        nm = t[1]
                        q = 0
                        if nm[-1] in '?*+':
                            q = {'?': 1, '*': 2, '+': 3}[nm[-1]]
                            nm = nm[:-1]
                        items.append((4, q, nm, ()))
                        pos[0] += 1
                    else:
                        raise _Fail(2, t[2])
                    t = w[pos[0]]
                    if t[0] == 'cp':
                        pos[0] += 1
                        q = {')': 0, ')?': 1, ')*': 2, ')+': 3}[t[1]]
                        if len(items) == 1 and sepc is None:
                            typ = 6
                        else:
                            typ = 5 if sepc == '|' else 6
                        return (typ, q, None, tuple(items))
                    if t[1] in '|,' and (sepc is None or sepc == t[1]):
                        sepc = t[1]
                        pos[0] += 1
                        continue
                    raise _Fail(2, t[2])
            try:
                mdl = group()
            except IndexError:
                raise _Fail(2, i)
            if pos[0] != len(w) - 1:
                raise _Fail(2, w[pos[0]][2])
        else:
            raise _Fail(2, w[1][2])
        used = self._call('ElementDeclHandler', w[-2][2], name, mdl)
        self._dtd_defaults('ELEMENT', i, toks, used)


xmlparser.__module__ = 'pyexpat'
XMLParserType = xmlparser


def ParserCreate(encoding=None, namespace_separator=None, intern=None):
    """Return a new XML parser object."""
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError("ParserCreate() argument 'encoding' must be str or None, not %s" % type(encoding).__name__)
    if namespace_separator is not None:
        if not isinstance(namespace_separator, str):
            raise TypeError("ParserCreate() argument 'namespace_separator' must be str or None, not %s" % type(namespace_separator).__name__)
        if len(namespace_separator) > 1:
            raise ValueError('namespace_separator must be at most one character, omitted, or None')
    if intern is None:
        intern = {}
    elif not isinstance(intern, dict):
        raise TypeError('intern must be a dictionary')
    return xmlparser(encoding, namespace_separator, intern)


expat_CAPI = None
