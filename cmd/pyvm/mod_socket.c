/* cmd/pyvm/mod_socket.c: the _socket module: the socket type over a BSD
 * socket descriptor (AF_INET, AF_INET6, AF_UNIX addresses), socketpair,
 * the resolver (getaddrinfo, getnameinfo, gethostbyname, ...), the
 * address converters (inet_aton, inet_pton, ...), byte-order functions,
 * CMSG_LEN/CMSG_SPACE, and the integer constants (socket_consts.def).
 *
 * Stage: pyvm.  What /usr/lib/python3.11/socket.py builds on: its socket
 * class derives from _socket.socket (TF_SUBCONSTRUCT: our construct
 * allocates the subclass's instance, then its __init__ calls ours), and
 * turns the AF_*, SOCK_*, MSG_* constants into IntEnums.
 *
 * Timeouts as CPython's: a socket's timeout is None (blocking descriptor),
 * 0 (non-blocking: BlockingIOError) or a number of seconds (the descriptor
 * is non-blocking and each call first polls for readiness, raising
 * TimeoutError("timed out") when the deadline passes).  A call interrupted
 * by a signal runs the Python handlers (vm_signal_check) and is retried
 * (PEP 475).  Blocking system calls release the GIL (gil.h).
 */
/* accept4 (an accepted socket is close-on-exec from the start, as
 * CPython's) is a GNU extension */
#define _GNU_SOURCE
#include "cmd/pyvm/module.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <net/if.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "cmd/pyvm/bytearray.h"
#include "cmd/pyvm/bytes.h"
#include "cmd/pyvm/class.h"
#include "cmd/pyvm/clinic.h"
#include "cmd/pyvm/codecs.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/fileio.h"
#include "cmd/pyvm/float.h"
#include "cmd/pyvm/func.h"
#include "cmd/pyvm/gil.h"
#include "cmd/pyvm/import_frozen.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/memoryview.h"
#include "cmd/pyvm/mod_array.h"
#include "cmd/pyvm/mod_posix_proc.h"
#include "cmd/pyvm/mod_signal.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

/* A socket object (_socket.socket and the classes derived from it). */
typedef struct SockObj {
    Obj ob;
    int fd;                 /* the descriptor; -1 when closed or detached */
    int family;             /* AF_* */
    int type;               /* SOCK_* without SOCK_NONBLOCK and SOCK_CLOEXEC */
    int proto;              /* the protocol number */
    int64_t timeout;        /* nanoseconds; -1: none (blocking); 0: non-blocking */
} SockObj;

static Type sock_type;

/* setdefaulttimeout(): what new sockets start with (ns, -1: None). */
static int64_t default_timeout = -1;

/* socket.gaierror and socket.herror (made by the module's Python half). */
static Obj *gaierror_cls, *herror_cls;

/* An address of any family we speak. */
typedef union SockAddr {
    struct sockaddr sa;
    struct sockaddr_in in4;
    struct sockaddr_in6 in6;
    struct sockaddr_un un;
    struct sockaddr_storage ss;
} SockAddr;

/* CPython's default listen() backlog: min(SOMAXCONN, 128) */
#define DEFAULT_BACKLOG (SOMAXCONN < 128 ? SOMAXCONN : 128)

/* ---- small helpers ---- */

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static Obj *none(void)
{
    return vm_newref(VM_NONE);
}

/* An int argument (anything with __index__) as an int64. */
static int int_arg(Obj *o, int64_t *out)
{
    Obj *v = vm_number_index(o);
    if (!v)
        return -1;
    int rc = vm_int_as_i64(v, out);
    DECREF(v);
    return rc;
}

/* An int argument that must fit a C int ("i"). */
static int cint_arg(Obj *o, int *out)
{
    int64_t v;
    if (int_arg(o, &v) < 0)
        return -1;
    if (v < INT_MIN || v > INT_MAX) {
        vm_err_str(&vm_exc_OverflowError, v < 0 ? "signed integer is less than minimum"
                                                : "signed integer is greater than maximum");
        return -1;
    }
    *out = (int)v;
    return 0;
}

/* Raise gaierror(code, message) (EAI_SYSTEM: the OSError for errno). */
static Obj *raise_gai(int code)
{
    if (code == EAI_SYSTEM)
        return vm_err_errno(errno, NULL);
    Obj *args[2] = {vm_int_from_i64(code), vm_str_cstr(gai_strerror(code))};
    Obj *e = vm_call(gaierror_cls, args, 2, NULL);
    DECREF(args[0]);
    DECREF(args[1]);
    if (e) {
        vm_err_set(e);
        DECREF(e);
    }
    return NULL;
}

static Obj *raise_herr(int code)
{
    Obj *args[2] = {vm_int_from_i64(code), vm_str_cstr(hstrerror(code))};
    Obj *e = vm_call(herror_cls, args, 2, NULL);
    DECREF(args[0]);
    DECREF(args[1]);
    if (e) {
        vm_err_set(e);
        DECREF(e);
    }
    return NULL;
}

/* A read-only bytes-like argument; TypeError "a bytes-like object is
 * required, not 'str'" otherwise. */
static int buf_arg(Obj *o, const char **data, size_t *len)
{
    if (vm_bytes_buffer(o, data, len))
        return 0;
    return vm_bytes_buffer_error(o, "a bytes-like object is required, not '%s'");
}

/* A writable buffer argument: bytearray, array.array or a writable
 * memoryview; else TypeError naming the function. */
static int wbuf_arg(Obj *o, const char *fname, char **data, size_t *len)
{
    if (BYTEARRAY_CHECK(o)) {
        *data = ((ByteArrayObj *)o)->data;
        *len = (size_t)((ByteArrayObj *)o)->len;
        return 0;
    }
    if (vm_array_check(o)) {
        vm_array_buffer(o, data, len, NULL, NULL);
        return 0;
    }
    if (TYPE(o) == &vm_memoryview_type && vm_memoryview_writable(o, data, len))
        return 0;
    vm_err_fmt(&vm_exc_TypeError, "%s argument 1 must be read-write bytes-like object, not %s",
               fname, vm_tname(o));
    return -1;
}

/* Start (+1) or stop (-1) holding a bytearray's or array's buffer, which
 * a system call running without the GIL reads or fills: while held it
 * cannot change size (BufferError), as a CPython buffer export. */
static void hold(Obj *o, int delta)
{
    if (BYTEARRAY_CHECK(o))
        ((ByteArrayObj *)o)->exports += delta;
    else if (vm_array_check(o))
        vm_array_export(o, delta);
}

static void hold_all(Obj *list, int delta)
{
    for (ssize_t i = 0; i < LIST_LEN(list); i++)
        hold(LIST_ITEMS(list)[i], delta);
}

/* A host name argument (CPython's idna_converter): str (ASCII, or IDNA
 * encoded), bytes or bytearray, as a new bytes object. */
static Obj *host_arg(Obj *o)
{
    if (STR_CHECK(o)) {
        bool ascii = true;
        for (ssize_t i = 0; i < STR_LEN(o); i++)
            if ((unsigned char)STR_DATA(o)[i] >= 0x80)
                ascii = false;
        if (ascii)
            return vm_bytes_new(STR_DATA(o), (size_t)STR_LEN(o));
        Obj *enc = vm_str_cstr("idna");
        Obj *r = vm_str_encode(o, &enc, 1, NULL);
        DECREF(enc);
        return r;
    }
    if (BYTES_CHECK(o))
        return vm_newref(o);
    if (BYTEARRAY_CHECK(o))
        return vm_bytes_new(((ByteArrayObj *)o)->data ? ((ByteArrayObj *)o)->data : "",
                            (size_t)((ByteArrayObj *)o)->len);
    return vm_err_fmt(&vm_exc_TypeError, "str, bytes or bytearray expected, not %s",
                      vm_tname(o));
}

/* ---- waiting for readiness, the timeout and signal rules ---- */

/* Wait until s's descriptor is ready (for writing when wr), at most until
 * deadline (ns on the monotonic clock; -1: for ever).  1 ready, 0 timed
 * out, -1 error. */
static int sock_wait(SockObj *s, bool wr, int64_t deadline)
{
    for (;;) {
        int ms = -1;
        if (deadline >= 0) {
            int64_t left = deadline - now_ns();
            if (left < 0)
                left = 0;
            int64_t m = (left + 999999) / 1000000;
            ms = m > INT_MAX ? INT_MAX : (int)m;
        }
        struct pollfd p = {s->fd, (short)(wr ? POLLOUT : POLLIN), 0};
        vm_gil_release();
        int rc = poll(&p, 1, ms);
        int err = errno;
        vm_gil_acquire();
        if (rc > 0)
            return 1;
        if (rc == 0) {
            if (deadline >= 0 && now_ns() >= deadline)
                return 0;
            continue;
        }
        if (err != EINTR) {
            vm_err_errno(err, NULL);
            return -1;
        }
        if (vm_signal_check() < 0)
            return -1;
    }
}

/* One system call of a socket operation: its result (>= 0) or -1 with
 * errno set.  Runs without the GIL: touches no Python object. */
typedef ssize_t (*SockFn)(SockObj *s, void *arg);

/* Run fn as CPython's sock_call: with a timeout, poll first (deadline
 * is then shared by the caller's steps: -1 computes one); retry on EINTR
 * after the signal handlers, and on EAGAIN when a timeout is set.  The
 * result, or -1 with the exception set. */
static ssize_t sock_call(SockObj *s, bool wr, SockFn fn, void *arg, int64_t deadline)
{
    if (s->timeout > 0 && deadline < 0)
        deadline = now_ns() + s->timeout;
    for (;;) {
        if (s->timeout > 0 && s->fd >= 0) {
            int r = sock_wait(s, wr, deadline);
            if (r < 0)
                return -1;
            if (r == 0) {
                vm_err_str(&vm_exc_TimeoutError, "timed out");
                return -1;
            }
        }
        int err;
        for (;;) {
            vm_gil_release();
            ssize_t n = fn(s, arg);
            err = errno;
            vm_gil_acquire();
            if (n >= 0)
                return n;
            if (err != EINTR)
                break;
            if (vm_signal_check() < 0)
                return -1;
        }
        if (s->timeout > 0 && (err == EWOULDBLOCK || err == EAGAIN))
            continue;
        vm_err_errno(err, NULL);
        return -1;
    }
}

/* Make the descriptor blocking or not (O_NONBLOCK). */
static int set_blocking(int fd, bool block)
{
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0)
        goto fail;
    int nf = block ? fl & ~O_NONBLOCK : fl | O_NONBLOCK;
    if (nf != fl && fcntl(fd, F_SETFL, nf) < 0)
        goto fail;
    return 0;
fail:
    vm_err_errno(errno, NULL);
    return -1;
}

/* A timeout argument (None or seconds >= 0) as ns (-1 for None), rounded
 * up as CPython's _PyTime_ROUND_TIMEOUT. */
static int timeout_arg(Obj *o, int64_t *out)
{
    if (o == VM_NONE) {
        *out = -1;
        return 0;
    }
    double d;
    if (FLOAT_CHECK(o)) {
        d = FLOAT_VAL(o);
        if (isnan(d)) {
            vm_err_str(&vm_exc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
    } else {
        int64_t v;
        if (int_arg(o, &v) < 0) {
            if (vm_err_matches(&vm_exc_OverflowError)) {
                vm_err_clear();
                vm_err_str(&vm_exc_OverflowError,
                           "timestamp too large to convert to C _PyTime_t");
            }
            return -1;
        }
        d = (double)v;
    }
    d *= 1e9;
    if (!(fabs(d) < 9.2e18)) {
        vm_err_str(&vm_exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
        return -1;
    }
    int64_t ns = (int64_t)(d < 0 ? floor(d) : ceil(d));
    if (ns < 0) {
        vm_err_str(&vm_exc_ValueError, "Timeout value out of range");
        return -1;
    }
    *out = ns;
    return 0;
}

static Obj *timeout_obj(int64_t ns)
{
    if (ns < 0)
        return none();
    return vm_float_new((double)ns / 1e9);
}

/* ---- addresses ---- */

/* Resolve a host name (bytes) for family into *a: '' is the wildcard,
 * '<broadcast>' INADDR_BROADCAST, numeric forms directly, others through
 * getaddrinfo (gaierror). *len is the address's length. */
static int set_ipaddr(const char *name, int family, SockAddr *a, socklen_t *len)
{
    memset(a, 0, sizeof *a);
    if (name[0] == '\0') {
        struct addrinfo hints, *res;
        memset(&hints, 0, sizeof hints);
        hints.ai_family = family;
        hints.ai_socktype = SOCK_DGRAM;
        hints.ai_flags = AI_PASSIVE;
        int rc = getaddrinfo(NULL, "0", &hints, &res);
        if (rc) {
            raise_gai(rc);
            return -1;
        }
        if (res->ai_next) {
            freeaddrinfo(res);
            vm_err_str(&vm_exc_OSError, "wildcard resolved to multiple address");
            return -1;
        }
        memcpy(a, res->ai_addr, res->ai_addrlen < sizeof *a ? res->ai_addrlen : sizeof *a);
        *len = res->ai_addrlen;
        freeaddrinfo(res);
        return 0;
    }
    if (!strcmp(name, "<broadcast>") || !strcmp(name, "255.255.255.255")) {
        if (family != AF_INET && family != AF_UNSPEC) {
            vm_err_str(&vm_exc_OSError, "address family mismatched");
            return -1;
        }
        a->in4.sin_family = AF_INET;
        a->in4.sin_addr.s_addr = htonl(INADDR_BROADCAST);
        *len = sizeof a->in4;
        return 0;
    }
    if ((family == AF_INET || family == AF_UNSPEC)
        && inet_pton(AF_INET, name, &a->in4.sin_addr) == 1) {
        a->in4.sin_family = AF_INET;
        *len = sizeof a->in4;
        return 0;
    }
    if ((family == AF_INET6 || family == AF_UNSPEC)
        && inet_pton(AF_INET6, name, &a->in6.sin6_addr) == 1) {
        a->in6.sin6_family = AF_INET6;
        *len = sizeof a->in6;
        return 0;
    }
    struct addrinfo hints, *res;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = family;
    vm_gil_release();
    int rc = getaddrinfo(name, NULL, &hints, &res);
    vm_gil_acquire();
    if (rc) {
        raise_gai(rc);
        return -1;
    }
    memcpy(a, res->ai_addr, res->ai_addrlen < sizeof *a ? res->ai_addrlen : sizeof *a);
    *len = res->ai_addrlen;
    freeaddrinfo(res);
    return 0;
}

/* The host and port of an AF_INET or AF_INET6 address tuple's first
 * items, resolved into *a with the port set. */
static int inet_addr_arg(Obj *host, Obj *port, int family, const char *caller, SockAddr *a,
                         socklen_t *len)
{
    Obj *h = host_arg(host);
    if (!h)
        return -1;
    int64_t p;
    if (int_arg(port, &p) < 0) {
        DECREF(h);
        return -1;
    }
    if (strlen(((BytesObj *)h)->s) != (size_t)((BytesObj *)h)->len) {
        DECREF(h);
        vm_err_str(&vm_exc_TypeError, "host name must not contain null character");
        return -1;
    }
    int rc = set_ipaddr(((BytesObj *)h)->s, family, a, len);
    DECREF(h);
    if (rc < 0)
        return -1;
    if (p < 0 || p > 0xffff) {
        vm_err_fmt(&vm_exc_OverflowError, "%s(): port must be 0-65535.", caller);
        return -1;
    }
    if (family == AF_INET)
        a->in4.sin_port = htons((uint16_t)p);
    else
        a->in6.sin6_port = htons((uint16_t)p);
    return 0;
}

/* CPython's getsockaddrarg: the address argument of bind, connect,
 * sendto, ... for s's family.  caller names the method in messages. */
static int addr_arg(SockObj *s, Obj *o, const char *caller, SockAddr *a, socklen_t *len)
{
    memset(a, 0, sizeof *a);
    switch (s->family) {
    case AF_UNIX: {
        Obj *p = NULL;
        const char *data;
        size_t n;
        if (STR_CHECK(o) || (!BYTES_CHECK(o) && !BYTEARRAY_CHECK(o)
                             && TYPE(o) != &vm_memoryview_type)) {
            if (!STR_CHECK(o) && !vm_type_lookup(TYPE(o), vm_str_intern("__fspath__", 10))) {
                vm_err_fmt(&vm_exc_TypeError, "a bytes-like object is required, not '%s'",
                           vm_tname(o));
                return -1;
            }
            p = vm_posix_fsencode(o);
            if (!p)
                return -1;
            data = vm_posix_cstr(p);
            n = vm_posix_clen(p);
        } else if (buf_arg(o, &data, &n) < 0) {
            return -1;
        }
        if (n >= sizeof a->un.sun_path) {
            XDECREF(p);
            vm_err_str(&vm_exc_OSError, "AF_UNIX path too long");
            return -1;
        }
        a->un.sun_family = AF_UNIX;
        memcpy(a->un.sun_path, data, n);
        XDECREF(p);
        *len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n
                           + (n && data[0] == '\0' ? 0 : 1));
        return 0;
    }
    case AF_INET:
        if (!TUPLE_CHECK(o)) {
            vm_err_fmt(&vm_exc_TypeError, "%s(): AF_INET address must be tuple, not %s",
                       caller, vm_tname(o));
            return -1;
        }
        if (TUPLE_LEN(o) != 2) {
            vm_err_str(&vm_exc_TypeError, "AF_INET address must be a pair (host, port)");
            return -1;
        }
        return inet_addr_arg(TUPLE_ITEMS(o)[0], TUPLE_ITEMS(o)[1], AF_INET, caller, a, len);
    case AF_INET6: {
        if (!TUPLE_CHECK(o)) {
            vm_err_fmt(&vm_exc_TypeError, "%s(): AF_INET6 address must be tuple, not %s",
                       caller, vm_tname(o));
            return -1;
        }
        ssize_t n = TUPLE_LEN(o);
        if (n < 2 || n > 4) {
            vm_err_str(&vm_exc_TypeError,
                       "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
            return -1;
        }
        int64_t flow = 0, scope = 0;
        if ((n > 2 && int_arg(TUPLE_ITEMS(o)[2], &flow) < 0)
            || (n > 3 && int_arg(TUPLE_ITEMS(o)[3], &scope) < 0))
            return -1;
        if (inet_addr_arg(TUPLE_ITEMS(o)[0], TUPLE_ITEMS(o)[1], AF_INET6, caller, a, len) < 0)
            return -1;
        if (flow < 0 || flow > 0xfffff) {
            vm_err_fmt(&vm_exc_OverflowError, "%s(): flowinfo must be 0-1048575.", caller);
            return -1;
        }
        a->in6.sin6_flowinfo = htonl((uint32_t)flow);
        if (n > 3)
            a->in6.sin6_scope_id = (uint32_t)scope;
        return 0;
    }
    default:
        vm_err_fmt(&vm_exc_OSError, "%s(): bad family", caller);
        return -1;
    }
}

/* The numeric text of an IPv4 or IPv6 address. */
static Obj *ip_str(const SockAddr *a)
{
    char buf[INET6_ADDRSTRLEN + IF_NAMESIZE + 2];
    if (a->sa.sa_family == AF_INET)
        inet_ntop(AF_INET, &a->in4.sin_addr, buf, sizeof buf);
    else
        inet_ntop(AF_INET6, &a->in6.sin6_addr, buf, sizeof buf);
    return vm_str_cstr(buf);
}

/* CPython's makesockaddr: an address as Python sees it (None when the
 * system gave none). */
static Obj *addr_obj(const SockAddr *a, socklen_t len)
{
    if (len == 0)
        return none();
    switch (a->sa.sa_family) {
    case AF_INET: {
        Obj *v[2] = {ip_str(a), vm_int_from_i64(ntohs(a->in4.sin_port))};
        Obj *t = vm_tuple_from(v, 2);
        DECREF(v[0]);
        DECREF(v[1]);
        return t;
    }
    case AF_INET6: {
        Obj *v[4] = {ip_str(a), vm_int_from_i64(ntohs(a->in6.sin6_port)),
                     vm_int_from_i64(ntohl(a->in6.sin6_flowinfo)),
                     vm_int_from_i64(a->in6.sin6_scope_id)};
        Obj *t = vm_tuple_from(v, 4);
        for (int i = 0; i < 4; i++)
            DECREF(v[i]);
        return t;
    }
    case AF_UNIX: {
        size_t off = offsetof(struct sockaddr_un, sun_path);
        size_t n = len > off ? len - off : 0;
        if (n > sizeof a->un.sun_path)
            n = sizeof a->un.sun_path;
        if (n && a->un.sun_path[0] == '\0')        /* Linux's abstract namespace */
            return vm_bytes_new(a->un.sun_path, n);
        n = strnlen(a->un.sun_path, n);
        Obj *enc = vm_str_cstr("utf-8"), *errs = vm_str_cstr("surrogateescape");
        Obj *r = vm_codec_decode(a->un.sun_path, n, enc, errs);
        DECREF(enc);
        DECREF(errs);
        return r;
    }
    default: {
        Obj *v[2] = {vm_int_from_i64(a->sa.sa_family),
                     vm_bytes_new(a->sa.sa_data, sizeof a->sa.sa_data)};
        Obj *t = vm_tuple_from(v, 2);
        DECREF(v[0]);
        DECREF(v[1]);
        return t;
    }
    }
}

/* ---- the socket type ---- */

#define SOCK(o) ((SockObj *)(o))

/* Set a socket object up on descriptor fd (CPython's init_sockobject). */
static int sock_setup(SockObj *s, int fd, int family, int type, int proto)
{
    s->fd = fd;
    s->family = family;
    s->type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    s->proto = proto;
    if (type & SOCK_NONBLOCK) {
        s->timeout = 0;
    } else {
        s->timeout = default_timeout;
        if (default_timeout >= 0 && set_blocking(fd, false) < 0)
            return -1;
    }
    return 0;
}

static SockObj *sock_alloc(Type *t)
{
    SockObj *s = vm_alloc(t, 0);
    s->fd = -1;
    s->family = AF_INET;
    s->type = SOCK_STREAM;
    s->proto = 0;
    s->timeout = -1;
    return s;
}

/* socket.__init__(family=-1, type=-1, proto=-1, fileno=None) */
static Obj *sock_init(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"family", "type", "proto", "fileno"};
    static const ClinicSpec spec = {"socket", names, 4, 0, 4, 0};
    Obj *a[4];
    if (vm_clinic_args(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    int family = -1, type = -1, proto = -1;
    if ((a[0] && cint_arg(a[0], &family) < 0) || (a[1] && cint_arg(a[1], &type) < 0)
        || (a[2] && cint_arg(a[2], &proto) < 0))
        return NULL;
    SockObj *s = SOCK(self);
    int fd;
    if (a[3] && a[3] != VM_NONE) {
        int64_t v;
        if (int_arg(a[3], &v) < 0)
            return NULL;
        if (v < 0)
            return vm_err_str(&vm_exc_ValueError, "negative file descriptor");
        if (v > INT_MAX)
            return vm_err_str(&vm_exc_OverflowError, "file descriptor too large");
        fd = (int)v;
        /* what the descriptor is, for what was not given */
        int val;
        socklen_t l = sizeof val;
        SockAddr sa;
        socklen_t sl = sizeof sa;
        memset(&sa, 0, sizeof sa);
        if (getsockname(fd, &sa.sa, &sl) < 0 && errno == EBADF)
            return vm_err_errno(errno, NULL);
        if (family == -1) {
            if (getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &val, &l) < 0)
                return vm_err_errno(errno, NULL);
            family = val;
        }
        if (type == -1) {
            l = sizeof val;
            if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &val, &l) < 0)
                return vm_err_errno(errno, NULL);
            type = val;
        }
        if (proto == -1) {
            l = sizeof val;
            if (getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &val, &l) < 0)
                return vm_err_errno(errno, NULL);
            proto = val;
        }
    } else {
        if (family == -1)
            family = AF_INET;
        if (type == -1)
            type = SOCK_STREAM;
        if (proto == -1)
            proto = 0;
        fd = socket(family, type | SOCK_CLOEXEC, proto);
        if (fd < 0)
            return vm_err_errno(errno, NULL);
    }
    if (s->fd >= 0 && s->fd != fd)
        close(s->fd);
    if (sock_setup(s, fd, family, type, proto) < 0)
        return NULL;
    return none();
}

/* _socket.socket(...) builds and initialises; a derived class's call gets
 * the bare instance, then its __init__ runs. */
static Obj *sock_construct(Obj *cls, Obj *const *args, size_t nargs, Obj *kwnames)
{
    SockObj *s = sock_alloc((Type *)cls);
    if ((Type *)cls != &sock_type)
        return (Obj *)s;
    Obj *r = sock_init((Obj *)s, args, nargs, kwnames);
    if (!r) {
        DECREF(s);
        return NULL;
    }
    DECREF(r);
    return (Obj *)s;
}

static void sock_dealloc(Obj *o)
{
    SockObj *s = SOCK(o);
    if (s->fd >= 0)
        close(s->fd);
    s->fd = -1;
    vm_obj_free(o);
}

static Obj *sock_repr(Obj *o)
{
    SockObj *s = SOCK(o);
    char buf[128];
    snprintf(buf, sizeof buf, "<socket object, fd=%d, family=%d, type=%d, proto=%d>", s->fd,
             s->family, s->type, s->proto);
    return vm_str_cstr(buf);
}

/* Argument count and keyword checks of a method taking positional args. */
static int pos_args(const char *name, Obj *kwnames, size_t nargs, size_t min, size_t max)
{
    if (vm_nokw(name, kwnames) < 0 || vm_argc(name, nargs, min, max) < 0)
        return -1;
    return 0;
}

/* ---- the socket's methods ---- */

static Obj *sock_fileno(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("fileno", kwnames, nargs, 0, 0) < 0)
        return NULL;
    return vm_int_from_i64(SOCK(self)->fd);
}

static Obj *sock_close(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("close", kwnames, nargs, 0, 0) < 0)
        return NULL;
    SockObj *s = SOCK(self);
    if (s->fd >= 0) {
        int fd = s->fd;
        s->fd = -1;
        /* ECONNRESET: the peer's problem, not a failure to close */
        if (close(fd) < 0 && errno != ECONNRESET)
            return vm_err_errno(errno, NULL);
    }
    return none();
}

static Obj *sock_detach(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("detach", kwnames, nargs, 0, 0) < 0)
        return NULL;
    int fd = SOCK(self)->fd;
    SOCK(self)->fd = -1;
    return vm_int_from_i64(fd);
}

static Obj *sock_gettimeout(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("gettimeout", kwnames, nargs, 0, 0) < 0)
        return NULL;
    return timeout_obj(SOCK(self)->timeout);
}

static Obj *sock_settimeout(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("settimeout", kwnames, nargs, 1, 1) < 0)
        return NULL;
    int64_t ns;
    if (timeout_arg(args[0], &ns) < 0)
        return NULL;
    SOCK(self)->timeout = ns;
    if (set_blocking(SOCK(self)->fd, ns < 0) < 0)
        return NULL;
    return none();
}

static Obj *sock_setblocking(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("setblocking", kwnames, nargs, 1, 1) < 0)
        return NULL;
    int64_t t;  /* an int, as CPython's (a float is a TypeError) */
    if (int_arg(args[0], &t) < 0)
        return NULL;
    SOCK(self)->timeout = t ? -1 : 0;
    if (set_blocking(SOCK(self)->fd, t != 0) < 0)
        return NULL;
    return none();
}

static Obj *sock_getblocking(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("getblocking", kwnames, nargs, 0, 0) < 0)
        return NULL;
    return VM_BOOL(SOCK(self)->timeout != 0);
}

static Obj *sock_bind(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("bind", kwnames, nargs, 1, 1) < 0)
        return NULL;
    SockAddr a;
    socklen_t len;
    if (addr_arg(SOCK(self), args[0], "bind", &a, &len) < 0)
        return NULL;
    if (bind(SOCK(self)->fd, &a.sa, len) < 0)
        return vm_err_errno(errno, NULL);
    return none();
}

static Obj *sock_listen(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("listen", kwnames, nargs, 0, 1) < 0)
        return NULL;
    int backlog = DEFAULT_BACKLOG;
    if (nargs && cint_arg(args[0], &backlog) < 0)
        return NULL;
    if (backlog < 0)
        backlog = 0;
    if (listen(SOCK(self)->fd, backlog) < 0)
        return vm_err_errno(errno, NULL);
    return none();
}

/* connect(): 0, an errno value, or -1 with the exception (connect_ex
 * raises only what is not an errno: timeouts, signals' exceptions). */
static int do_connect(SockObj *s, const SockAddr *a, socklen_t len, bool ex)
{
    vm_gil_release();
    int rc = connect(s->fd, &a->sa, len);
    int err = errno;
    vm_gil_acquire();
    if (rc == 0)
        return 0;
    bool wait;
    if (err == EINTR) {
        if (vm_signal_check() < 0)
            return -1;
        wait = s->timeout != 0;
    } else {
        wait = s->timeout > 0 && err == EINPROGRESS;
    }
    if (!wait)
        return err;
    int64_t deadline = s->timeout > 0 ? now_ns() + s->timeout : -1;
    int r = sock_wait(s, true, deadline);
    if (r < 0)
        return -1;
    if (r == 0) {
        if (ex)
            return EWOULDBLOCK;
        vm_err_str(&vm_exc_TimeoutError, "timed out");
        return -1;
    }
    int soerr = 0;
    socklen_t sl = sizeof soerr;
    if (getsockopt(s->fd, SOL_SOCKET, SO_ERROR, &soerr, &sl) < 0)
        return errno;
    return soerr;
}

static Obj *connect_common(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames, bool ex)
{
    const char *name = ex ? "connect_ex" : "connect";
    if (pos_args(name, kwnames, nargs, 1, 1) < 0)
        return NULL;
    SockAddr a;
    socklen_t len;
    if (addr_arg(SOCK(self), args[0], name, &a, &len) < 0)
        return NULL;
    int err = do_connect(SOCK(self), &a, len, ex);
    if (err < 0)
        return NULL;
    if (ex)
        return vm_int_from_i64(err);
    if (err)
        return vm_err_errno(err, NULL);
    return none();
}

static Obj *sock_connect(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return connect_common(self, args, nargs, kwnames, false);
}

static Obj *sock_connect_ex(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return connect_common(self, args, nargs, kwnames, true);
}

/* The arguments and results of one system call (SockFn's arg). */
typedef struct IoArgs {
    void *buf;              /* data to send, or room to receive into */
    size_t len;             /* its size */
    int flags;              /* MSG_* */
    SockAddr addr;          /* sendto's destination; recvfrom's / accept's source */
    socklen_t addrlen;      /* its length (in and out) */
    struct msghdr *msg;     /* sendmsg / recvmsg */
} IoArgs;

static ssize_t fn_accept(SockObj *s, void *p)
{
    IoArgs *io = p;
    io->addrlen = sizeof io->addr;
    return accept4(s->fd, &io->addr.sa, &io->addrlen, SOCK_CLOEXEC);
}

static ssize_t fn_recv(SockObj *s, void *p)
{
    IoArgs *io = p;
    return recv(s->fd, io->buf, io->len, io->flags);
}

static ssize_t fn_recvfrom(SockObj *s, void *p)
{
    IoArgs *io = p;
    io->addrlen = sizeof io->addr;
    return recvfrom(s->fd, io->buf, io->len, io->flags, &io->addr.sa, &io->addrlen);
}

static ssize_t fn_send(SockObj *s, void *p)
{
    IoArgs *io = p;
    return send(s->fd, io->buf, io->len, io->flags | MSG_NOSIGNAL);
}

static ssize_t fn_sendto(SockObj *s, void *p)
{
    IoArgs *io = p;
    return sendto(s->fd, io->buf, io->len, io->flags | MSG_NOSIGNAL, &io->addr.sa, io->addrlen);
}

static ssize_t fn_sendmsg(SockObj *s, void *p)
{
    IoArgs *io = p;
    return sendmsg(s->fd, io->msg, io->flags | MSG_NOSIGNAL);
}

static ssize_t fn_recvmsg(SockObj *s, void *p)
{
    IoArgs *io = p;
    return recvmsg(s->fd, io->msg, io->flags);
}

/* _accept() -> (fd, address) */
static Obj *sock_accept(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("_accept", kwnames, nargs, 0, 0) < 0)
        return NULL;
    IoArgs io;
    memset(&io, 0, sizeof io);
    ssize_t fd = sock_call(SOCK(self), false, fn_accept, &io, -1);
    if (fd < 0)
        return NULL;
    Obj *v[2] = {vm_int_from_i64(fd), addr_obj(&io.addr, io.addrlen)};
    if (!v[1]) {
        close((int)fd);
        DECREF(v[0]);
        return NULL;
    }
    Obj *t = vm_tuple_from(v, 2);
    DECREF(v[0]);
    DECREF(v[1]);
    return t;
}

/* A buffer size argument: negative is ValueError "negative buffersize
 * in NAME". */
static int size_arg(Obj *o, const char *name, size_t *out)
{
    int64_t v;
    if (int_arg(o, &v) < 0)
        return -1;
    if (v < 0) {
        vm_err_fmt(&vm_exc_ValueError, "negative buffersize in %s", name);
        return -1;
    }
    *out = (size_t)v;
    return 0;
}

static int flags_arg(Obj *const *args, size_t nargs, size_t i, int *flags)
{
    *flags = 0;
    return nargs > i ? cint_arg(args[i], flags) : 0;
}

/* recv(bufsize[, flags]) */
static Obj *sock_recv(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("recv", kwnames, nargs, 1, 2) < 0)
        return NULL;
    IoArgs io;
    memset(&io, 0, sizeof io);
    if (size_arg(args[0], "recv", &io.len) < 0 || flags_arg(args, nargs, 1, &io.flags) < 0)
        return NULL;
    io.buf = malloc(io.len ? io.len : 1);
    if (!io.buf)
        return vm_err_nomem();
    ssize_t n = sock_call(SOCK(self), false, fn_recv, &io, -1);
    Obj *r = n < 0 ? NULL : vm_bytes_new(io.buf, (size_t)n);
    free(io.buf);
    return r;
}

/* recv_into(buffer, nbytes=0, flags=0) */
static Obj *sock_recv_into(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"buffer", "nbytes", "flags"};
    static const ClinicSpec spec = {"recv_into", names, 3, 0, 3, 1};
    Obj *a[3];
    if (vm_clinic_args(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    IoArgs io;
    memset(&io, 0, sizeof io);
    char *data;
    size_t room, want = 0;
    if (wbuf_arg(a[0], "recv_into()", &data, &room) < 0)
        return NULL;
    if (a[1] && size_arg(a[1], "recv_into", &want) < 0)
        return NULL;
    if (a[2] && cint_arg(a[2], &io.flags) < 0)
        return NULL;
    if (want == 0)
        want = room;
    else if (want > room)
        return vm_err_str(&vm_exc_ValueError, "buffer too small for requested bytes");
    io.buf = data;
    io.len = want;
    hold(a[0], 1);
    ssize_t n = sock_call(SOCK(self), false, fn_recv, &io, -1);
    hold(a[0], -1);
    return n < 0 ? NULL : vm_int_from_i64(n);
}

static Obj *pair_obj(Obj *a, Obj *b)
{
    if (!a || !b) {
        XDECREF(a);
        XDECREF(b);
        return NULL;
    }
    Obj *v[2] = {a, b};
    Obj *t = vm_tuple_from(v, 2);
    DECREF(a);
    DECREF(b);
    return t;
}

/* recvfrom(bufsize[, flags]) -> (data, address) */
static Obj *sock_recvfrom(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("recvfrom", kwnames, nargs, 1, 2) < 0)
        return NULL;
    IoArgs io;
    memset(&io, 0, sizeof io);
    if (size_arg(args[0], "recvfrom", &io.len) < 0 || flags_arg(args, nargs, 1, &io.flags) < 0)
        return NULL;
    io.buf = malloc(io.len ? io.len : 1);
    if (!io.buf)
        return vm_err_nomem();
    ssize_t n = sock_call(SOCK(self), false, fn_recvfrom, &io, -1);
    Obj *r = n < 0 ? NULL : pair_obj(vm_bytes_new(io.buf, (size_t)n),
                                     addr_obj(&io.addr, io.addrlen));
    free(io.buf);
    return r;
}

/* recvfrom_into(buffer, nbytes=0, flags=0) -> (nbytes, address) */
static Obj *sock_recvfrom_into(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"buffer", "nbytes", "flags"};
    static const ClinicSpec spec = {"recvfrom_into", names, 3, 0, 3, 1};
    Obj *a[3];
    if (vm_clinic_args(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    IoArgs io;
    memset(&io, 0, sizeof io);
    char *data;
    size_t room, want = 0;
    if (wbuf_arg(a[0], "recvfrom_into()", &data, &room) < 0)
        return NULL;
    if (a[1] && size_arg(a[1], "recvfrom_into", &want) < 0)
        return NULL;
    if (a[2] && cint_arg(a[2], &io.flags) < 0)
        return NULL;
    if (want == 0)
        want = room;
    else if (want > room)
        return vm_err_str(&vm_exc_ValueError, "nbytes is greater than the length of the buffer");
    io.buf = data;
    io.len = want;
    hold(a[0], 1);
    ssize_t n = sock_call(SOCK(self), false, fn_recvfrom, &io, -1);
    hold(a[0], -1);
    if (n < 0)
        return NULL;
    return pair_obj(vm_int_from_i64(n), addr_obj(&io.addr, io.addrlen));
}

/* send(data[, flags]) -> bytes sent */
static Obj *sock_send(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("send", kwnames, nargs, 1, 2) < 0)
        return NULL;
    IoArgs io;
    memset(&io, 0, sizeof io);
    const char *data;
    if (buf_arg(args[0], &data, &io.len) < 0 || flags_arg(args, nargs, 1, &io.flags) < 0)
        return NULL;
    io.buf = (void *)data;
    hold(args[0], 1);
    ssize_t n = sock_call(SOCK(self), true, fn_send, &io, -1);
    hold(args[0], -1);
    return n < 0 ? NULL : vm_int_from_i64(n);
}

/* sendall(data[, flags]): everything, or an exception; with a timeout,
 * the whole transfer shares one deadline. */
static Obj *sock_sendall(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("sendall", kwnames, nargs, 1, 2) < 0)
        return NULL;
    IoArgs io;
    memset(&io, 0, sizeof io);
    const char *data;
    size_t len;
    if (buf_arg(args[0], &data, &len) < 0 || flags_arg(args, nargs, 1, &io.flags) < 0)
        return NULL;
    /* copy: a signal handler may change a bytearray we point into */
    char *copy = malloc(len ? len : 1);
    if (!copy)
        return vm_err_nomem();
    memcpy(copy, data, len);
    SockObj *s = SOCK(self);
    int64_t deadline = s->timeout > 0 ? now_ns() + s->timeout : -1;
    size_t done = 0;
    while (done < len || (len == 0 && done == 0)) {
        io.buf = copy + done;
        io.len = len - done;
        ssize_t n = sock_call(s, true, fn_send, &io, deadline);
        if (n < 0) {
            free(copy);
            return NULL;
        }
        done += (size_t)n;
        if (len == 0)
            break;
    }
    free(copy);
    return none();
}

/* sendto(data[, flags], address) */
static Obj *sock_sendto(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("sendto", kwnames) < 0)
        return NULL;
    if (nargs < 2 || nargs > 3)
        return vm_err_fmt(&vm_exc_TypeError, "sendto() takes 2 or 3 arguments (%zu given)",
                          nargs);
    IoArgs io;
    memset(&io, 0, sizeof io);
    const char *data;
    if (buf_arg(args[0], &data, &io.len) < 0 || (nargs == 3 && cint_arg(args[1], &io.flags) < 0))
        return NULL;
    if (addr_arg(SOCK(self), args[nargs - 1], "sendto", &io.addr, &io.addrlen) < 0)
        return NULL;
    io.buf = (void *)data;
    hold(args[0], 1);
    ssize_t n = sock_call(SOCK(self), true, fn_sendto, &io, -1);
    hold(args[0], -1);
    return n < 0 ? NULL : vm_int_from_i64(n);
}

/* sendmsg(buffers[, ancdata[, flags[, address]]]) -> bytes sent */
static Obj *sock_sendmsg(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("sendmsg", kwnames, nargs, 1, 4) < 0)
        return NULL;
    SockObj *s = SOCK(self);
    IoArgs io;
    memset(&io, 0, sizeof io);
    struct msghdr msg;
    memset(&msg, 0, sizeof msg);
    Obj *bufs = NULL, *anc = NULL, *result = NULL;
    struct iovec *iov = NULL;
    char *control = NULL;
    bufs = vm_list_from_iter(args[0]);
    if (!bufs) {
        if (vm_err_matches(&vm_exc_TypeError)) {
            vm_err_clear();
            vm_err_str(&vm_exc_TypeError, "sendmsg() argument 1 must be an iterable");
        }
        return NULL;
    }
    if (nargs > 1 && args[1] != VM_NONE) {
        anc = vm_list_from_iter(args[1]);
        if (!anc) {
            if (vm_err_matches(&vm_exc_TypeError)) {
                vm_err_clear();
                vm_err_str(&vm_exc_TypeError, "sendmsg() argument 2 must be an iterable");
            }
            goto done;
        }
    }
    if (flags_arg(args, nargs, 2, &io.flags) < 0)
        goto done;
    if (nargs > 3 && args[3] != VM_NONE) {
        if (addr_arg(s, args[3], "sendmsg", &io.addr, &io.addrlen) < 0)
            goto done;
        msg.msg_name = &io.addr;
        msg.msg_namelen = io.addrlen;
    }
    size_t niov = (size_t)LIST_LEN(bufs);
    iov = calloc(niov + 1, sizeof *iov);
    if (!iov) {
        vm_err_nomem();
        goto done;
    }
    for (size_t i = 0; i < niov; i++) {
        const char *d;
        size_t n;
        if (buf_arg(LIST_ITEMS(bufs)[i], &d, &n) < 0)
            goto done;
        iov[i].iov_base = (void *)d;
        iov[i].iov_len = n;
    }
    msg.msg_iov = iov;
    msg.msg_iovlen = niov;
    if (anc && LIST_LEN(anc)) {
        /* first the sizes, then the messages */
        size_t space = 0;
        for (ssize_t i = 0; i < LIST_LEN(anc); i++) {
            Obj *item = LIST_ITEMS(anc)[i];
            if (!TUPLE_CHECK(item) || TUPLE_LEN(item) != 3) {
                vm_err_fmt(&vm_exc_TypeError, "[sendmsg() ancillary data items]() argument "
                           "must be 3-item sequence, not %s", vm_tname(item));
                goto done;
            }
            int lv, ty;
            const char *d;
            size_t n;
            if (cint_arg(TUPLE_ITEMS(item)[0], &lv) < 0 || cint_arg(TUPLE_ITEMS(item)[1], &ty) < 0
                || buf_arg(TUPLE_ITEMS(item)[2], &d, &n) < 0)
                goto done;
            space += CMSG_SPACE(n);
        }
        control = calloc(1, space);
        if (!control) {
            vm_err_nomem();
            goto done;
        }
        msg.msg_control = control;
        msg.msg_controllen = space;
        struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
        for (ssize_t i = 0; i < LIST_LEN(anc) && c; i++) {
            Obj *item = LIST_ITEMS(anc)[i];
            int lv = 0, ty = 0;
            const char *d = "";
            size_t n = 0;
            if (cint_arg(TUPLE_ITEMS(item)[0], &lv) < 0 || cint_arg(TUPLE_ITEMS(item)[1], &ty) < 0
                || buf_arg(TUPLE_ITEMS(item)[2], &d, &n) < 0)
                goto done;
            c->cmsg_level = lv;
            c->cmsg_type = ty;
            c->cmsg_len = CMSG_LEN(n);
            memcpy(CMSG_DATA(c), d, n);
            c = CMSG_NXTHDR(&msg, c);
        }
    }
    io.msg = &msg;
    hold_all(bufs, 1);
    ssize_t n = sock_call(s, true, fn_sendmsg, &io, -1);
    hold_all(bufs, -1);
    if (n >= 0)
        result = vm_int_from_i64(n);
done:
    free(iov);
    free(control);
    XDECREF(bufs);
    XDECREF(anc);
    return result;
}

/* The ancillary data of a received message: [(level, type, data), ...] */
static Obj *anc_list(struct msghdr *msg)
{
    Obj *l = vm_list_new(0);
    if (!msg->msg_control)
        return l;
    char *end = (char *)msg->msg_control + msg->msg_controllen;
    for (struct cmsghdr *c = CMSG_FIRSTHDR(msg); c; c = CMSG_NXTHDR(msg, c)) {
        char *d = (char *)CMSG_DATA(c);
        size_t n = c->cmsg_len > CMSG_LEN(0) ? c->cmsg_len - CMSG_LEN(0) : 0;
        if (d + n > end)
            n = d < end ? (size_t)(end - d) : 0;
        Obj *v[3] = {vm_int_from_i64(c->cmsg_level), vm_int_from_i64(c->cmsg_type),
                     vm_bytes_new(d, n)};
        Obj *t = vm_tuple_from(v, 3);
        for (int i = 0; i < 3; i++)
            DECREF(v[i]);
        vm_list_append(l, t);
        DECREF(t);
    }
    return l;
}

/* The ancbufsize and flags arguments of recvmsg / recvmsg_into. */
static int recvmsg_opts(Obj *const *args, size_t nargs, size_t i, size_t *ancsize, int *flags)
{
    *ancsize = 0;
    *flags = 0;
    if (nargs > i) {
        int64_t v;
        if (int_arg(args[i], &v) < 0)
            return -1;
        if (v < 0) {
            vm_err_str(&vm_exc_ValueError, "negative buffer size in recvmsg()");
            return -1;
        }
        *ancsize = (size_t)v;
    }
    return nargs > i + 1 ? cint_arg(args[i + 1], flags) : 0;
}

/* recvmsg's result after the first item: (ancdata, msg_flags, address) */
static Obj *recvmsg_result(Obj *first, struct msghdr *msg, IoArgs *io)
{
    Obj *v[4] = {first, anc_list(msg), vm_int_from_i64(msg->msg_flags),
                 addr_obj(&io->addr, msg->msg_namelen)};
    if (!v[0] || !v[3]) {
        for (int i = 0; i < 4; i++)
            XDECREF(v[i]);
        return NULL;
    }
    Obj *t = vm_tuple_from(v, 4);
    for (int i = 0; i < 4; i++)
        DECREF(v[i]);
    return t;
}

/* recvmsg(bufsize[, ancbufsize[, flags]]) -> (data, ancdata, msg_flags, address) */
static Obj *sock_recvmsg(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("recvmsg", kwnames, nargs, 1, 3) < 0)
        return NULL;
    IoArgs io;
    memset(&io, 0, sizeof io);
    size_t size, ancsize;
    int64_t v;
    if (int_arg(args[0], &v) < 0)
        return NULL;
    if (v < 0)
        return vm_err_str(&vm_exc_ValueError, "negative buffer size in recvmsg()");
    size = (size_t)v;
    if (recvmsg_opts(args, nargs, 1, &ancsize, &io.flags) < 0)
        return NULL;
    char *data = malloc(size ? size : 1), *control = ancsize ? calloc(1, ancsize) : NULL;
    if (!data || (ancsize && !control)) {
        free(data);
        free(control);
        return vm_err_nomem();
    }
    struct iovec iov = {data, size};
    struct msghdr msg;
    memset(&msg, 0, sizeof msg);
    msg.msg_name = &io.addr;
    msg.msg_namelen = sizeof io.addr;
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control;
    msg.msg_controllen = ancsize;
    io.msg = &msg;
    ssize_t n = sock_call(SOCK(self), false, fn_recvmsg, &io, -1);
    Obj *r = NULL;
    if (n >= 0)
        r = recvmsg_result(vm_bytes_new(data, (size_t)n), &msg, &io);
    free(data);
    free(control);
    return r;
}

/* recvmsg_into(buffers[, ancbufsize[, flags]]) -> (nbytes, ancdata, msg_flags, address) */
static Obj *sock_recvmsg_into(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("recvmsg_into", kwnames, nargs, 1, 3) < 0)
        return NULL;
    IoArgs io;
    memset(&io, 0, sizeof io);
    size_t ancsize;
    if (recvmsg_opts(args, nargs, 1, &ancsize, &io.flags) < 0)
        return NULL;
    Obj *bufs = vm_list_from_iter(args[0]);
    if (!bufs) {
        if (vm_err_matches(&vm_exc_TypeError)) {
            vm_err_clear();
            vm_err_str(&vm_exc_TypeError, "recvmsg_into() argument 1 must be an iterable");
        }
        return NULL;
    }
    size_t niov = (size_t)LIST_LEN(bufs);
    struct iovec *iov = calloc(niov + 1, sizeof *iov);
    char *control = ancsize ? calloc(1, ancsize) : NULL;
    Obj *r = NULL;
    if (!iov || (ancsize && !control)) {
        vm_err_nomem();
        goto done;
    }
    for (size_t i = 0; i < niov; i++) {
        char *d;
        size_t n;
        if (wbuf_arg(LIST_ITEMS(bufs)[i], "recvmsg_into()", &d, &n) < 0)
            goto done;
        iov[i].iov_base = d;
        iov[i].iov_len = n;
    }
    struct msghdr msg;
    memset(&msg, 0, sizeof msg);
    msg.msg_name = &io.addr;
    msg.msg_namelen = sizeof io.addr;
    msg.msg_iov = iov;
    msg.msg_iovlen = niov;
    msg.msg_control = control;
    msg.msg_controllen = ancsize;
    io.msg = &msg;
    hold_all(bufs, 1);
    ssize_t n = sock_call(SOCK(self), false, fn_recvmsg, &io, -1);
    hold_all(bufs, -1);
    if (n >= 0)
        r = recvmsg_result(vm_int_from_i64(n), &msg, &io);
done:
    free(iov);
    free(control);
    DECREF(bufs);
    return r;
}

static Obj *sock_shutdown(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("shutdown", kwnames, nargs, 1, 1) < 0)
        return NULL;
    int how;
    if (cint_arg(args[0], &how) < 0)
        return NULL;
    if (shutdown(SOCK(self)->fd, how) < 0)
        return vm_err_errno(errno, NULL);
    return none();
}

static Obj *name_common(Obj *self, bool peer)
{
    SockAddr a;
    memset(&a, 0, sizeof a);
    socklen_t len = sizeof a;
    int rc = peer ? getpeername(SOCK(self)->fd, &a.sa, &len)
                  : getsockname(SOCK(self)->fd, &a.sa, &len);
    if (rc < 0)
        return vm_err_errno(errno, NULL);
    return addr_obj(&a, len);
}

static Obj *sock_getsockname(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("getsockname", kwnames, nargs, 0, 0) < 0)
        return NULL;
    return name_common(self, false);
}

static Obj *sock_getpeername(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("getpeername", kwnames, nargs, 0, 0) < 0)
        return NULL;
    return name_common(self, true);
}

/* setsockopt(level, option, value: int | buffer)
 * setsockopt(level, option, None, optlen: int) */
static Obj *sock_setsockopt(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("setsockopt", kwnames, nargs, 3, 4) < 0)
        return NULL;
    int level, opt, rc;
    if (cint_arg(args[0], &level) < 0 || cint_arg(args[1], &opt) < 0)
        return NULL;
    if (nargs == 4) {
        if (args[2] != VM_NONE)
            return vm_err_str(&vm_exc_TypeError, "setsockopt() argument 3 must be None");
        int64_t optlen;
        if (int_arg(args[3], &optlen) < 0)
            return NULL;
        rc = setsockopt(SOCK(self)->fd, level, opt, NULL, (socklen_t)optlen);
    } else if (INT_CHECK(args[2])) {
        int v;
        if (cint_arg(args[2], &v) < 0)
            return NULL;
        rc = setsockopt(SOCK(self)->fd, level, opt, &v, sizeof v);
    } else {
        const char *d;
        size_t n;
        if (buf_arg(args[2], &d, &n) < 0)
            return NULL;
        rc = setsockopt(SOCK(self)->fd, level, opt, d, (socklen_t)n);
    }
    if (rc < 0)
        return vm_err_errno(errno, NULL);
    return none();
}

/* getsockopt(level, option[, buflen]): an int, or buflen bytes */
static Obj *sock_getsockopt(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("getsockopt", kwnames, nargs, 2, 3) < 0)
        return NULL;
    int level, opt, buflen = 0;
    if (cint_arg(args[0], &level) < 0 || cint_arg(args[1], &opt) < 0
        || (nargs > 2 && cint_arg(args[2], &buflen) < 0))
        return NULL;
    if (buflen == 0) {
        int v = 0;
        socklen_t l = sizeof v;
        if (getsockopt(SOCK(self)->fd, level, opt, &v, &l) < 0)
            return vm_err_errno(errno, NULL);
        return vm_int_from_i64(v);
    }
    if (buflen < 0 || buflen > 1024)
        return vm_err_str(&vm_exc_OSError, "getsockopt buflen out of range");
    char buf[1024];
    memset(buf, 0, sizeof buf);
    socklen_t l = (socklen_t)buflen;
    if (getsockopt(SOCK(self)->fd, level, opt, buf, &l) < 0)
        return vm_err_errno(errno, NULL);
    return vm_bytes_new(buf, l);
}

/* the family, type, proto and timeout properties */
static Obj *get_family(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_int_from_i64(SOCK(args[0])->family);
}

static Obj *get_type(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_int_from_i64(SOCK(args[0])->type);
}

static Obj *get_proto(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_int_from_i64(SOCK(args[0])->proto);
}

static Obj *get_timeout(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return timeout_obj(SOCK(args[0])->timeout);
}

static const MethodDef sock_props[] = {
    {"family", get_family},
    {"type", get_type},
    {"proto", get_proto},
    {"timeout", get_timeout},
    {NULL, NULL},
};

static const MethodDef sock_methods[] = {
    {"__init__", sock_init},
    {"_accept", sock_accept},
    {"bind", sock_bind},
    {"close", sock_close},
    {"connect", sock_connect},
    {"connect_ex", sock_connect_ex},
    {"detach", sock_detach},
    {"fileno", sock_fileno},
    {"getblocking", sock_getblocking},
    {"getpeername", sock_getpeername},
    {"getsockname", sock_getsockname},
    {"getsockopt", sock_getsockopt},
    {"gettimeout", sock_gettimeout},
    {"listen", sock_listen},
    {"recv", sock_recv},
    {"recv_into", sock_recv_into},
    {"recvfrom", sock_recvfrom},
    {"recvfrom_into", sock_recvfrom_into},
    {"recvmsg", sock_recvmsg},
    {"recvmsg_into", sock_recvmsg_into},
    {"send", sock_send},
    {"sendall", sock_sendall},
    {"sendmsg", sock_sendmsg},
    {"sendto", sock_sendto},
    {"setblocking", sock_setblocking},
    {"setsockopt", sock_setsockopt},
    {"settimeout", sock_settimeout},
    {"shutdown", sock_shutdown},
    {NULL, NULL},
};

static Type sock_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "socket",
    .base = &vm_object_type,
    .flags = TF_SUBCONSTRUCT,
    .basicsize = sizeof(SockObj),
    .dealloc = sock_dealloc,
    .repr = sock_repr,
    .construct = sock_construct,
    .methods = sock_methods,
};

/* ---- module functions ---- */

/* socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0) */
static Obj *m_socketpair(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("socketpair", kwnames, nargs, 0, 3) < 0)
        return NULL;
    int family = AF_UNIX, type = SOCK_STREAM, proto = 0;
    if ((nargs > 0 && cint_arg(args[0], &family) < 0) || (nargs > 1 && cint_arg(args[1], &type) < 0)
        || (nargs > 2 && cint_arg(args[2], &proto) < 0))
        return NULL;
    int sv[2];
    if (socketpair(family, type | SOCK_CLOEXEC, proto, sv) < 0)
        return vm_err_errno(errno, NULL);
    SockObj *a = sock_alloc(&sock_type), *b = sock_alloc(&sock_type);
    if (sock_setup(a, sv[0], family, type, proto) < 0 || sock_setup(b, sv[1], family, type, proto) < 0) {
        DECREF(a);
        DECREF(b);
        return NULL;
    }
    return pair_obj((Obj *)a, (Obj *)b);
}

/* getaddrinfo(host, port, family=0, type=0, proto=0, flags=0) */
static Obj *m_getaddrinfo(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"host", "port", "family", "type", "proto", "flags"};
    static const ClinicSpec spec = {"getaddrinfo", names, 6, 0, 6, 2};
    Obj *a[6];
    if (vm_clinic_args(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    Obj *host = NULL, *port = NULL;
    if (a[0] != VM_NONE) {
        if (STR_CHECK(a[0]) || BYTES_CHECK(a[0])) {
            host = STR_CHECK(a[0]) ? host_arg(a[0]) : vm_newref(a[0]);
            if (!host)
                return NULL;
        } else {
            return vm_err_str(&vm_exc_TypeError, "getaddrinfo() argument 1 must be string or None");
        }
    }
    char pbuf[32];
    const char *pstr = NULL;
    if (INT_CHECK(a[1])) {
        int64_t v;
        if (vm_int_as_i64(a[1], &v) < 0) {
            XDECREF(host);
            return NULL;
        }
        snprintf(pbuf, sizeof pbuf, "%lld", (long long)v);
        pstr = pbuf;
    } else if (STR_CHECK(a[1])) {
        port = vm_newref(a[1]);
        pstr = STR_DATA(port);
    } else if (BYTES_CHECK(a[1])) {
        port = vm_newref(a[1]);
        pstr = ((BytesObj *)port)->s;
    } else if (a[1] != VM_NONE) {
        XDECREF(host);
        return vm_err_str(&vm_exc_OSError, "Int or String expected");
    }
    int iv[4] = {0, 0, 0, 0};
    for (int i = 0; i < 4; i++)
        if (a[2 + i] && cint_arg(a[2 + i], &iv[i]) < 0) {
            XDECREF(host);
            XDECREF(port);
            return NULL;
        }
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = iv[0];
    hints.ai_socktype = iv[1];
    hints.ai_protocol = iv[2];
    hints.ai_flags = iv[3];
    const char *hstr = host ? ((BytesObj *)host)->s : NULL;
    vm_gil_release();
    int rc = getaddrinfo(hstr, pstr, &hints, &res);
    int err = errno;
    vm_gil_acquire();
    XDECREF(host);
    XDECREF(port);
    if (rc) {
        errno = err;
        return raise_gai(rc);
    }
    Obj *l = vm_list_new(0);
    for (struct addrinfo *r = res; r; r = r->ai_next) {
        SockAddr sa;
        memset(&sa, 0, sizeof sa);
        memcpy(&sa, r->ai_addr, r->ai_addrlen < sizeof sa ? r->ai_addrlen : sizeof sa);
        Obj *addr = addr_obj(&sa, r->ai_addrlen);
        if (!addr) {
            freeaddrinfo(res);
            DECREF(l);
            return NULL;
        }
        Obj *v[5] = {vm_int_from_i64(r->ai_family), vm_int_from_i64(r->ai_socktype),
                     vm_int_from_i64(r->ai_protocol),
                     vm_str_cstr(r->ai_canonname ? r->ai_canonname : ""), addr};
        Obj *t = vm_tuple_from(v, 5);
        for (int i = 0; i < 5; i++)
            DECREF(v[i]);
        vm_list_append(l, t);
        DECREF(t);
    }
    freeaddrinfo(res);
    return l;
}

/* getnameinfo(sockaddr, flags) -> (host, port) */
static Obj *m_getnameinfo(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("getnameinfo", kwnames, nargs, 2, 2) < 0)
        return NULL;
    Obj *sa = args[0];
    if (!TUPLE_CHECK(sa))
        return vm_err_str(&vm_exc_TypeError, "getnameinfo() argument 1 must be a tuple");
    ssize_t n = TUPLE_LEN(sa);
    if (n < 2 || n > 4 || !STR_CHECK(TUPLE_ITEMS(sa)[0]) || !INT_CHECK(TUPLE_ITEMS(sa)[1]))
        return vm_err_str(&vm_exc_TypeError, "getnameinfo(): illegal sockaddr argument");
    int flags;
    int64_t port, flow = 0, scope = 0;
    if (cint_arg(args[1], &flags) < 0 || int_arg(TUPLE_ITEMS(sa)[1], &port) < 0
        || (n > 2 && int_arg(TUPLE_ITEMS(sa)[2], &flow) < 0)
        || (n > 3 && int_arg(TUPLE_ITEMS(sa)[3], &scope) < 0))
        return NULL;
    if (flow < 0 || flow > 0xfffff)
        return vm_err_str(&vm_exc_OverflowError, "getnameinfo(): flowinfo must be 0-1048575.");
    char pbuf[32];
    snprintf(pbuf, sizeof pbuf, "%lld", (long long)port);
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_DGRAM;
    hints.ai_flags = AI_NUMERICHOST;
    int rc = getaddrinfo(STR_DATA(TUPLE_ITEMS(sa)[0]), pbuf, &hints, &res);
    if (rc)
        return raise_gai(rc);
    if (res->ai_next) {
        freeaddrinfo(res);
        return vm_err_str(&vm_exc_OSError, "sockaddr resolved to multiple addresses");
    }
    SockAddr a;
    memset(&a, 0, sizeof a);
    memcpy(&a, res->ai_addr, res->ai_addrlen < sizeof a ? res->ai_addrlen : sizeof a);
    socklen_t alen = res->ai_addrlen;
    freeaddrinfo(res);
    if (a.sa.sa_family == AF_INET) {
        if (n != 2)
            return vm_err_str(&vm_exc_OSError, "IPv4 sockaddr must be 2 tuple");
    } else if (a.sa.sa_family == AF_INET6) {
        a.in6.sin6_flowinfo = htonl((uint32_t)flow);
        a.in6.sin6_scope_id = (uint32_t)scope;
    }
    char hbuf[NI_MAXHOST], sbuf[NI_MAXSERV];
    vm_gil_release();
    rc = getnameinfo(&a.sa, alen, hbuf, sizeof hbuf, sbuf, sizeof sbuf, flags);
    vm_gil_acquire();
    if (rc)
        return raise_gai(rc);
    return pair_obj(vm_str_cstr(hbuf), vm_str_cstr(sbuf));
}

static Obj *m_gethostname(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("gethostname", kwnames, nargs, 0, 0) < 0)
        return NULL;
    char buf[1024];
    if (gethostname(buf, sizeof buf - 1) < 0)
        return vm_err_errno(errno, NULL);
    buf[sizeof buf - 1] = '\0';
    return vm_str_cstr(buf);
}

static Obj *m_sethostname(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("sethostname", kwnames, nargs, 1, 1) < 0)
        return NULL;
    Obj *h = vm_posix_fsencode(args[0]);
    if (!h)
        return NULL;
    int rc = sethostname(vm_posix_cstr(h), vm_posix_clen(h));
    DECREF(h);
    if (rc < 0)
        return vm_err_errno(errno, NULL);
    return none();
}

/* A one-argument host name function's argument, as bytes. */
static Obj *name_arg(const char *fname, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args(fname, kwnames, nargs, 1, 1) < 0)
        return NULL;
    return host_arg(args[0]);
}

static Obj *m_gethostbyname(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *h = name_arg("gethostbyname", args, nargs, kwnames);
    if (!h)
        return NULL;
    SockAddr a;
    socklen_t len;
    int rc = set_ipaddr(((BytesObj *)h)->s, AF_INET, &a, &len);
    DECREF(h);
    if (rc < 0)
        return NULL;
    return ip_str(&a);
}

/* (name, aliases, addresses) of a struct hostent */
static Obj *hostent_obj(struct hostent *he)
{
    Obj *aliases = vm_list_new(0), *addrs = vm_list_new(0);
    for (char **p = he->h_aliases; p && *p; p++) {
        Obj *s = vm_str_cstr(*p);
        vm_list_append(aliases, s);
        DECREF(s);
    }
    for (char **p = he->h_addr_list; p && *p; p++) {
        char buf[INET6_ADDRSTRLEN];
        inet_ntop(he->h_addrtype, *p, buf, sizeof buf);
        Obj *s = vm_str_cstr(buf);
        vm_list_append(addrs, s);
        DECREF(s);
    }
    Obj *v[3] = {vm_str_cstr(he->h_name), aliases, addrs};
    Obj *t = vm_tuple_from(v, 3);
    for (int i = 0; i < 3; i++)
        DECREF(v[i]);
    return t;
}

static Obj *m_gethostbyname_ex(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *h = name_arg("gethostbyname_ex", args, nargs, kwnames);
    if (!h)
        return NULL;
    /* resolve first, for gaierror as CPython's setipaddr gives */
    SockAddr a;
    socklen_t len;
    if (set_ipaddr(((BytesObj *)h)->s, AF_INET, &a, &len) < 0) {
        DECREF(h);
        return NULL;
    }
    struct hostent he, *res = NULL;
    char buf[16384];
    int herr = 0;
    vm_gil_release();
    gethostbyname_r(((BytesObj *)h)->s, &he, buf, sizeof buf, &res, &herr);
    vm_gil_acquire();
    DECREF(h);
    if (!res)
        return raise_herr(herr);
    return hostent_obj(res);
}

static Obj *m_gethostbyaddr(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *h = name_arg("gethostbyaddr", args, nargs, kwnames);
    if (!h)
        return NULL;
    SockAddr a;
    socklen_t len;
    int rc = set_ipaddr(((BytesObj *)h)->s, AF_UNSPEC, &a, &len);
    DECREF(h);
    if (rc < 0)
        return NULL;
    struct hostent he, *res = NULL;
    char buf[16384];
    int herr = 0;
    vm_gil_release();
    if (a.sa.sa_family == AF_INET)
        gethostbyaddr_r(&a.in4.sin_addr, sizeof a.in4.sin_addr, AF_INET, &he, buf, sizeof buf,
                        &res, &herr);
    else
        gethostbyaddr_r(&a.in6.sin6_addr, sizeof a.in6.sin6_addr, AF_INET6, &he, buf,
                        sizeof buf, &res, &herr);
    vm_gil_acquire();
    if (!res)
        return raise_herr(herr);
    return hostent_obj(res);
}

/* A str argument for a name lookup, as a C string */
static const char *cstr_arg(Obj *o, const char *fname, int argno)
{
    if (!STR_CHECK(o)) {
        vm_err_fmt(&vm_exc_TypeError, "%s() argument %d must be str, not %s", fname, argno,
                   vm_tname(o));
        return NULL;
    }
    return STR_DATA(o);
}

static Obj *m_getservbyname(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("getservbyname", kwnames, nargs, 1, 2) < 0)
        return NULL;
    const char *name = cstr_arg(args[0], "getservbyname", 1), *proto = NULL;
    if (!name || (nargs > 1 && !(proto = cstr_arg(args[1], "getservbyname", 2))))
        return NULL;
    struct servent se, *res = NULL;
    char buf[4096];
    getservbyname_r(name, proto, &se, buf, sizeof buf, &res);
    if (!res)
        return vm_err_str(&vm_exc_OSError, "service/proto not found");
    return vm_int_from_i64(ntohs((uint16_t)res->s_port));
}

static Obj *m_getservbyport(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("getservbyport", kwnames, nargs, 1, 2) < 0)
        return NULL;
    int port;
    const char *proto = NULL;
    if (cint_arg(args[0], &port) < 0 || (nargs > 1 && !(proto = cstr_arg(args[1], "getservbyport", 2))))
        return NULL;
    if (port < 0 || port > 0xffff)
        return vm_err_str(&vm_exc_OverflowError, "getservbyport: port must be 0-65535.");
    struct servent se, *res = NULL;
    char buf[4096];
    getservbyport_r(htons((uint16_t)port), proto, &se, buf, sizeof buf, &res);
    if (!res)
        return vm_err_str(&vm_exc_OSError, "port/proto not found");
    return vm_str_cstr(res->s_name);
}

static Obj *m_getprotobyname(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("getprotobyname", kwnames, nargs, 1, 1) < 0)
        return NULL;
    const char *name = cstr_arg(args[0], "getprotobyname", 1);
    if (!name)
        return NULL;
    struct protoent pe, *res = NULL;
    char buf[4096];
    getprotobyname_r(name, &pe, buf, sizeof buf, &res);
    if (!res)
        return vm_err_str(&vm_exc_OSError, "protocol not found");
    return vm_int_from_i64(res->p_proto);
}

/* ntohs / htons: a 16-bit unsigned value */
static Obj *swap16(const char *fname, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args(fname, kwnames, nargs, 1, 1) < 0)
        return NULL;
    int64_t v;
    if (int_arg(args[0], &v) < 0) {
        if (vm_err_matches(&vm_exc_OverflowError)) {
            vm_err_clear();
            vm_err_fmt(&vm_exc_OverflowError, "%s: Python int too large to convert to C 16-bit "
                       "unsigned integer", fname);
        }
        return NULL;
    }
    if (v < 0)
        return vm_err_fmt(&vm_exc_OverflowError, "%s: can't convert negative Python int to C "
                          "16-bit unsigned integer", fname);
    if (v > 0xffff)
        return vm_err_fmt(&vm_exc_OverflowError, "%s: Python int too large to convert to C "
                          "16-bit unsigned integer", fname);
    return vm_int_from_i64(htons((uint16_t)v));
}

static Obj *m_htons(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return swap16("htons", args, nargs, kwnames);
}

static Obj *m_ntohs(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return swap16("ntohs", args, nargs, kwnames);
}

static Obj *swap32(const char *fname, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args(fname, kwnames, nargs, 1, 1) < 0)
        return NULL;
    if (!INT_CHECK(args[0]))
        return vm_err_fmt(&vm_exc_TypeError, "expected int, %s found", vm_tname(args[0]));
    int64_t v;
    if (vm_int_as_i64(args[0], &v) < 0) {
        vm_err_clear();
        if (vm_int_cmp(args[0], VM_FALSE) < 0)
            return vm_err_str(&vm_exc_OverflowError, "can't convert negative value to unsigned int");
        return vm_err_str(&vm_exc_OverflowError, "int larger than 32 bits");
    }
    if (v < 0)
        return vm_err_str(&vm_exc_OverflowError, "can't convert negative value to unsigned int");
    if (v > 0xffffffffLL)
        return vm_err_str(&vm_exc_OverflowError, "int larger than 32 bits");
    return vm_int_from_i64(htonl((uint32_t)v));
}

static Obj *m_htonl(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return swap32("htonl", args, nargs, kwnames);
}

static Obj *m_ntohl(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return swap32("ntohl", args, nargs, kwnames);
}

static Obj *m_inet_aton(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("inet_aton", kwnames, nargs, 1, 1) < 0)
        return NULL;
    const char *s = cstr_arg(args[0], "inet_aton", 1);
    if (!s)
        return NULL;
    struct in_addr a;
    if (!inet_aton(s, &a))
        return vm_err_str(&vm_exc_OSError, "illegal IP address string passed to inet_aton");
    return vm_bytes_new((const char *)&a, sizeof a);
}

static Obj *m_inet_ntoa(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("inet_ntoa", kwnames, nargs, 1, 1) < 0)
        return NULL;
    const char *d;
    size_t n;
    if (buf_arg(args[0], &d, &n) < 0)
        return NULL;
    if (n != 4)
        return vm_err_str(&vm_exc_OSError, "packed IP wrong length for inet_ntoa");
    char buf[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, d, buf, sizeof buf);
    return vm_str_cstr(buf);
}

static Obj *m_inet_pton(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("inet_pton", kwnames, nargs, 2, 2) < 0)
        return NULL;
    int af;
    if (cint_arg(args[0], &af) < 0)
        return NULL;
    const char *s = cstr_arg(args[1], "inet_pton", 2);
    if (!s)
        return NULL;
    unsigned char buf[16];
    int rc = inet_pton(af, s, buf);
    if (rc < 0)
        return vm_err_errno(errno, NULL);
    if (rc == 0)
        return vm_err_str(&vm_exc_OSError, "illegal IP address string passed to inet_pton");
    return vm_bytes_new((const char *)buf, af == AF_INET ? 4 : 16);
}

static Obj *m_inet_ntop(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("inet_ntop", kwnames, nargs, 2, 2) < 0)
        return NULL;
    int af;
    const char *d;
    size_t n;
    if (cint_arg(args[0], &af) < 0 || buf_arg(args[1], &d, &n) < 0)
        return NULL;
    if (af == AF_INET) {
        if (n != 4)
            return vm_err_str(&vm_exc_ValueError, "invalid length of packed IP address string");
    } else if (af == AF_INET6) {
        if (n != 16)
            return vm_err_str(&vm_exc_ValueError, "invalid length of packed IP address string");
    } else {
        return vm_err_fmt(&vm_exc_ValueError, "unknown address family %d", af);
    }
    char buf[INET6_ADDRSTRLEN];
    if (!inet_ntop(af, d, buf, sizeof buf))
        return vm_err_errno(errno, NULL);
    return vm_str_cstr(buf);
}

static Obj *cmsg_common(const char *fname, Obj *const *args, size_t nargs, Obj *kwnames,
                        bool space)
{
    if (pos_args(fname, kwnames, nargs, 1, 1) < 0)
        return NULL;
    int64_t v;
    if (int_arg(args[0], &v) < 0)
        return NULL;
    if (v < 0 || v > INT_MAX - (int64_t)CMSG_SPACE(0))
        return vm_err_fmt(&vm_exc_OverflowError, "%s() argument out of range", fname);
    return vm_int_from_i64(space ? (int64_t)CMSG_SPACE((size_t)v) : (int64_t)CMSG_LEN((size_t)v));
}

static Obj *m_cmsg_len(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return cmsg_common("CMSG_LEN", args, nargs, kwnames, false);
}

static Obj *m_cmsg_space(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return cmsg_common("CMSG_SPACE", args, nargs, kwnames, true);
}

static Obj *m_getdefaulttimeout(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("getdefaulttimeout", kwnames, nargs, 0, 0) < 0)
        return NULL;
    return timeout_obj(default_timeout);
}

static Obj *m_setdefaulttimeout(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("setdefaulttimeout", kwnames, nargs, 1, 1) < 0)
        return NULL;
    int64_t ns;
    if (timeout_arg(args[0], &ns) < 0)
        return NULL;
    default_timeout = ns;
    return none();
}

static Obj *m_close(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("close", kwnames, nargs, 1, 1) < 0)
        return NULL;
    int fd;
    if (cint_arg(args[0], &fd) < 0)
        return NULL;
    if (close(fd) < 0 && errno != ECONNRESET)
        return vm_err_errno(errno, NULL);
    return none();
}

static Obj *m_dup(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("dup", kwnames, nargs, 1, 1) < 0)
        return NULL;
    int fd;
    if (cint_arg(args[0], &fd) < 0)
        return NULL;
    int nfd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (nfd < 0)
        return vm_err_errno(errno, NULL);
    return vm_int_from_i64(nfd);
}

static Obj *m_if_nameindex(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("if_nameindex", kwnames, nargs, 0, 0) < 0)
        return NULL;
    struct if_nameindex *ni = if_nameindex();
    if (!ni)
        return vm_err_errno(errno, NULL);
    Obj *l = vm_list_new(0);
    for (struct if_nameindex *p = ni; p->if_index; p++) {
        Obj *t = pair_obj(vm_int_from_i64(p->if_index), vm_str_cstr(p->if_name));
        vm_list_append(l, t);
        DECREF(t);
    }
    if_freenameindex(ni);
    return l;
}

static Obj *m_if_nametoindex(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("if_nametoindex", kwnames, nargs, 1, 1) < 0)
        return NULL;
    Obj *n = vm_posix_fsencode(args[0]);
    if (!n)
        return NULL;
    unsigned idx = if_nametoindex(vm_posix_cstr(n));
    DECREF(n);
    if (!idx)
        return vm_err_str(&vm_exc_OSError, "no interface with this name");
    return vm_int_from_i64(idx);
}

static Obj *m_if_indextoname(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (pos_args("if_indextoname", kwnames, nargs, 1, 1) < 0)
        return NULL;
    int64_t v;
    if (int_arg(args[0], &v) < 0)
        return NULL;
    if (v < 0 || v > UINT_MAX)
        return vm_err_str(&vm_exc_OverflowError, "index is too large");
    char buf[IF_NAMESIZE + 1];
    if (!if_indextoname((unsigned)v, buf))
        return vm_err_errno(errno, NULL);
    return vm_str_cstr(buf);
}

static const MethodDef socket_funcs[] = {
    {"socketpair", m_socketpair},
    {"getaddrinfo", m_getaddrinfo},
    {"getnameinfo", m_getnameinfo},
    {"gethostname", m_gethostname},
    {"sethostname", m_sethostname},
    {"gethostbyname", m_gethostbyname},
    {"gethostbyname_ex", m_gethostbyname_ex},
    {"gethostbyaddr", m_gethostbyaddr},
    {"getservbyname", m_getservbyname},
    {"getservbyport", m_getservbyport},
    {"getprotobyname", m_getprotobyname},
    {"htons", m_htons},
    {"ntohs", m_ntohs},
    {"htonl", m_htonl},
    {"ntohl", m_ntohl},
    {"inet_aton", m_inet_aton},
    {"inet_ntoa", m_inet_ntoa},
    {"inet_pton", m_inet_pton},
    {"inet_ntop", m_inet_ntop},
    {"CMSG_LEN", m_cmsg_len},
    {"CMSG_SPACE", m_cmsg_space},
    {"getdefaulttimeout", m_getdefaulttimeout},
    {"setdefaulttimeout", m_setdefaulttimeout},
    {"close", m_close},
    {"dup", m_dup},
    {"if_nameindex", m_if_nameindex},
    {"if_nametoindex", m_if_nametoindex},
    {"if_indextoname", m_if_indextoname},
    {NULL, NULL},
};

#define SOCK_CONST(name, value) {#name, (long)(value)},
static const VmIntConst socket_consts[] = {
#include "cmd/pyvm/socket_consts.def"
};
#undef SOCK_CONST

/* The module's Python half: the resolver's exception classes. */
static const char socket_src[] =
    "class gaierror(OSError):\n"
    "    __module__ = 'socket'\n"
    "class herror(OSError):\n"
    "    __module__ = 'socket'\n"
    "BDADDR_ANY = '00:00:00:00:00:00'\n"
    "BDADDR_LOCAL = '00:00:00:FF:FF:FF'\n";

/* Put the family, type, proto and timeout properties into the type. */
static int add_props(void)
{
    for (const MethodDef *p = sock_props; p->name; p++) {
        Obj *f = vm_builtin_new(p->name, p->fn, NULL);
        Obj *prop = vm_call((Obj *)&vm_property_type, &f, 1, NULL);
        DECREF(f);
        if (!prop || vm_dict_set_cstr(sock_type.dict, p->name, prop) < 0) {
            XDECREF(prop);
            return -1;
        }
        DECREF(prop);
    }
    return 0;
}

Obj *vm_mod__socket(void)
{
    Obj *m = vm_module_new("_socket");
    if (!m)
        return NULL;
    static bool ready;
    if (!ready) {
        vm_type_ready(&sock_type);
        sock_type.module = vm_str_cstr("_socket");
        if (add_props() < 0) {
            DECREF(m);
            return NULL;
        }
        ready = true;
    }
    for (const MethodDef *f = socket_funcs; f->name; f++)
        vm_module_add_func(m, f->name, f->fn);
    vm_module_add_ints(m, socket_consts, sizeof socket_consts / sizeof *socket_consts);
    vm_module_add(m, "socket", (Obj *)&sock_type);
    vm_module_add(m, "SocketType", (Obj *)&sock_type);
    vm_module_add(m, "error", (Obj *)&vm_exc_OSError);
    vm_module_add(m, "timeout", (Obj *)&vm_exc_TimeoutError);
    vm_module_add(m, "has_ipv6", VM_TRUE);
    if (vm_frozen_exec(m, "_socket", socket_src) < 0) {
        DECREF(m);
        return NULL;
    }
    Obj *d = ((ModuleObj *)m)->dict;
    XDECREF(gaierror_cls);
    XDECREF(herror_cls);
    gaierror_cls = vm_newref(vm_dict_get_str(d, vm_str_intern("gaierror", 8)));
    herror_cls = vm_newref(vm_dict_get_str(d, vm_str_intern("herror", 6)));
    return m;
}
