/* cmd/pyvm/mod_select.c: the select module: select(), poll objects,
 * epoll objects, the POLL* and EPOLL* constants, PIPE_BUF, error.
 *
 * Stage: pyvm.  What subprocess (Popen.communicate with a timeout or more
 * than one pipe) and selectors (DefaultSelector is EpollSelector on Linux,
 * subprocess uses PollSelector) build on.  A system call interrupted by a
 * signal runs the Python handlers (vm_signal_check) and is retried with
 * what is left of the timeout (PEP 475).  Objects with a fileno() method
 * stand for their descriptor; select() returns the objects it was given.
 */
#include "cmd/pyvm/module.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

#include "cmd/pyvm/class.h"
#include "cmd/pyvm/clinic.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/fdarg.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/fileio.h"
#include "cmd/pyvm/float.h"
#include "cmd/pyvm/func.h"
#include "cmd/pyvm/gil.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/list.h"
#include "cmd/pyvm/mod_signal.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/tuple.h"

/* Linux's values; <poll.h> declares these only under _GNU_SOURCE. */
#ifndef POLLMSG
#define POLLMSG 0x400
#endif
#ifndef POLLRDHUP
#define POLLRDHUP 0x2000
#endif

/* ---- shared helpers ---- */

/* A timeout in seconds (int or float; None: NULL) as nanoseconds; *ns < 0
 * means "wait for ever".  msg is the TypeError for other types. */
static int timeout_ns(Obj *o, double scale, const char *msg, int64_t *ns)
{
    double d;
    if (!o || o == VM_NONE) {
        *ns = -1;
        return 0;
    }
    if (FLOAT_CHECK(o)) {
        d = FLOAT_VAL(o);
        if (isnan(d)) {
            vm_err_str(&vm_exc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
    } else if (INT_CHECK(o)) {
        if (vm_int_as_double(o, &d) < 0) {
            vm_err_clear();
            d = HUGE_VAL;
        }
    } else {
        vm_err_str(&vm_exc_TypeError, msg);
        return -1;
    }
    d *= scale;     /* now seconds */
    if (!(fabs(d) < 9.2e9)) {
        vm_err_str(&vm_exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
        return -1;
    }
    *ns = d < 0 ? -1 : (int64_t)ceil(d * 1e9);
    return 0;
}

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* What is left of a timeout of ns started at start (never negative);
 * stays -1 (for ever) when ns is. */
static int64_t remaining(int64_t ns, int64_t start)
{
    if (ns < 0)
        return -1;
    int64_t left = ns - (now_ns() - start);
    return left < 0 ? 0 : left;
}

static int ns_to_ms(int64_t ns)
{
    if (ns < 0)
        return -1;
    int64_t ms = (ns + 999999) / 1000000;
    return ms > INT_MAX ? INT_MAX : (int)ms;
}

/* An unsigned event mask argument: 'H' (poll, unsigned short) or 'I'
 * (epoll, unsigned int, not range-checked). */
static int mask_arg(Obj *o, bool ushort, unsigned *out)
{
    if (!INT_CHECK(o)) {
        if (ushort)
            vm_err_str(&vm_exc_TypeError, "an integer is required");
        else
            vm_err_fmt(&vm_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                       vm_tname(o));
        return -1;
    }
    int64_t v;
    if (vm_int_as_i64(o, &v) < 0) {
        if (!ushort)
            return -1;
        vm_err_clear();
        v = vm_int_cmp(o, VM_FALSE) < 0 ? -1 : 1 << 17;
    }
    if (ushort) {
        if (v < 0) {
            vm_err_str(&vm_exc_ValueError, "value must be positive");
            return -1;
        }
        if (v > 0xffff) {
            vm_err_str(&vm_exc_OverflowError, "Python int too large for C unsigned short");
            return -1;
        }
    }
    *out = (unsigned)(uint64_t)v;
    return 0;
}

static Obj *pair(int64_t a, int64_t b)
{
    Obj *v[2] = {vm_int_from_i64(a), vm_int_from_i64(b)};
    Obj *t = vm_tuple_from(v, 2);
    DECREF(v[0]);
    DECREF(v[1]);
    return t;
}

/* ---- select.select ---- */

/* One of select()'s three lists: the objects and their descriptors. */
typedef struct FdList {
    Obj *objs;              /* a list of the objects given */
    int *fds;               /* their descriptors */
} FdList;

static int fdlist_init(Obj *seq, FdList *l, fd_set *set, int *maxfd)
{
    l->fds = NULL;
    l->objs = vm_list_from_iter(seq);
    if (!l->objs) {
        if (vm_err_matches(&vm_exc_TypeError)) {
            vm_err_clear();
            vm_err_str(&vm_exc_TypeError, "arguments 1-3 must be sequences");
        }
        return -1;
    }
    size_t n = (size_t)LIST_LEN(l->objs);
    l->fds = calloc(n + 1, sizeof *l->fds);
    if (!l->fds) {
        vm_err_nomem();
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        if (vm_fd_arg(LIST_ITEMS(l->objs)[i], &l->fds[i]) < 0)
            return -1;
        if (l->fds[i] >= FD_SETSIZE) {
            vm_err_str(&vm_exc_ValueError, "filedescriptor out of range in select()");
            return -1;
        }
        FD_SET(l->fds[i], set);
        if (l->fds[i] > *maxfd)
            *maxfd = l->fds[i];
    }
    return 0;
}

/* The objects of l whose descriptor is in set, as a new list. */
static Obj *fdlist_ready(FdList *l, fd_set *set)
{
    Obj *r = vm_list_new(0);
    for (ssize_t i = 0; i < LIST_LEN(l->objs); i++)
        if (FD_ISSET(l->fds[i], set))
            vm_list_append(r, LIST_ITEMS(l->objs)[i]);
    return r;
}

/* select(rlist, wlist, xlist, timeout=None, /) */
static Obj *sel_select(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("select.select", kwnames) < 0 || vm_argc("select", nargs, 3, 4) < 0)
        return NULL;
    int64_t ns;
    if (timeout_ns(nargs > 3 ? args[3] : NULL, 1, "timeout must be a float or None", &ns) < 0)
        return NULL;
    if (nargs > 3 && args[3] != VM_NONE && ns < 0)
        return vm_err_str(&vm_exc_ValueError, "timeout must be non-negative");
    FdList l[3] = {{NULL, NULL}, {NULL, NULL}, {NULL, NULL}};
    fd_set sets[3], in[3];
    int maxfd = -1;
    Obj *result = NULL;
    for (int i = 0; i < 3; i++) {
        FD_ZERO(&in[i]);
        if (fdlist_init(args[i], &l[i], &in[i], &maxfd) < 0)
            goto done;
    }
    int64_t start = now_ns();
    for (;;) {
        int64_t left = remaining(ns, start);
        struct timeval tv, *tvp = NULL;
        if (left >= 0) {
            tv.tv_sec = (time_t)(left / 1000000000);
            tv.tv_usec = (suseconds_t)((left % 1000000000 + 999) / 1000);
            tvp = &tv;
        }
        memcpy(sets, in, sizeof sets);
        int rc = vm_blocking_select(maxfd + 1, &sets[0], &sets[1], &sets[2], tvp);
        if (rc >= 0)
            break;
        if (errno != EINTR) {
            vm_err_errno(errno, NULL);
            goto done;
        }
        if (vm_signal_check() < 0)
            goto done;
    }
    Obj *r[3];
    for (int i = 0; i < 3; i++)
        r[i] = fdlist_ready(&l[i], &sets[i]);
    result = vm_tuple_from(r, 3);
    for (int i = 0; i < 3; i++)
        DECREF(r[i]);
done:
    for (int i = 0; i < 3; i++) {
        XDECREF(l[i].objs);
        free(l[i].fds);
    }
    return result;
}

/* ---- poll objects ---- */

typedef struct PollObj {
    Obj ob;
    struct pollfd *fds;     /* the registered descriptors, in registration order */
    size_t n, cap;          /* how many; allocated */
    bool polling;           /* inside poll() (a handler may call back in) */
} PollObj;

static Type poll_type;

static ssize_t poll_find(PollObj *p, int fd)
{
    for (size_t i = 0; i < p->n; i++)
        if (p->fds[i].fd == fd)
            return (ssize_t)i;
    return -1;
}

/* register(fd, eventmask=POLLIN|POLLPRI|POLLOUT, /) */
static Obj *poll_register(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    PollObj *p = (PollObj *)self;
    if (vm_nokw("poll.register", kwnames) < 0 || vm_argc("register", nargs, 1, 2) < 0)
        return NULL;
    int fd;
    unsigned mask = POLLIN | POLLPRI | POLLOUT;
    if (vm_fd_arg(args[0], &fd) < 0 || (nargs > 1 && mask_arg(args[1], true, &mask) < 0))
        return NULL;
    ssize_t i = poll_find(p, fd);
    if (i < 0) {
        if (p->n == p->cap) {
            size_t cap = p->cap ? 2 * p->cap : 8;
            struct pollfd *nf = realloc(p->fds, cap * sizeof *nf);
            if (!nf)
                return vm_err_nomem();
            p->fds = nf;
            p->cap = cap;
        }
        i = (ssize_t)p->n++;
        p->fds[i].fd = fd;
    }
    p->fds[i].events = (short)mask;
    p->fds[i].revents = 0;
    return vm_newref(VM_NONE);
}

/* modify(fd, eventmask, /) */
static Obj *poll_modify(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    PollObj *p = (PollObj *)self;
    if (vm_nokw("poll.modify", kwnames) < 0 || vm_argc("modify", nargs, 2, 2) < 0)
        return NULL;
    int fd;
    unsigned mask;
    if (vm_fd_arg(args[0], &fd) < 0 || mask_arg(args[1], true, &mask) < 0)
        return NULL;
    ssize_t i = poll_find(p, fd);
    if (i < 0)
        return vm_err_errno(ENOENT, NULL);
    p->fds[i].events = (short)mask;
    return vm_newref(VM_NONE);
}

/* unregister(fd, /) */
static Obj *poll_unregister(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    PollObj *p = (PollObj *)self;
    if (vm_nokw("poll.unregister", kwnames) < 0 || vm_argc("poll.unregister", nargs, 1, 1) < 0)
        return NULL;
    int fd;
    if (vm_fd_arg(args[0], &fd) < 0)
        return NULL;
    ssize_t i = poll_find(p, fd);
    if (i < 0) {
        Obj *k = vm_int_from_i64(fd);
        vm_err_obj(&vm_exc_KeyError, k);
        DECREF(k);
        return NULL;
    }
    memmove(&p->fds[i], &p->fds[i + 1], (p->n - (size_t)i - 1) * sizeof *p->fds);
    p->n--;
    return vm_newref(VM_NONE);
}

/* poll(timeout=None, /): timeout in milliseconds; None or negative: for
 * ever.  A list of (fd, revents). */
static Obj *poll_poll(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    PollObj *p = (PollObj *)self;
    if (vm_nokw("poll.poll", kwnames) < 0 || vm_argc("poll", nargs, 0, 1) < 0)
        return NULL;
    int64_t ns;
    if (timeout_ns(nargs ? args[0] : NULL, 1e-3, "timeout must be an integer or None", &ns) < 0)
        return NULL;
    if (p->polling)
        return vm_err_str(&vm_exc_RuntimeError, "concurrent poll() invocation");
    int64_t start = now_ns();
    int rc;
    p->polling = true;
    for (;;) {
        rc = vm_blocking_poll(p->fds, (nfds_t)p->n, ns_to_ms(remaining(ns, start)));
        if (rc >= 0 || errno != EINTR)
            break;
        if (vm_signal_check() < 0) {
            p->polling = false;
            return NULL;
        }
    }
    p->polling = false;
    if (rc < 0)
        return vm_err_errno(errno, NULL);
    Obj *r = vm_list_new(0);
    for (size_t i = 0; i < p->n; i++) {
        if (!p->fds[i].revents)
            continue;
        Obj *t = pair(p->fds[i].fd, (unsigned short)p->fds[i].revents);
        vm_list_append(r, t);
        DECREF(t);
    }
    return r;
}

static void poll_dealloc(Obj *o)
{
    free(((PollObj *)o)->fds);
    vm_obj_free(o);
}

static const MethodDef poll_methods[] = {
    {"register", poll_register},
    {"modify", poll_modify},
    {"unregister", poll_unregister},
    {"poll", poll_poll},
    {NULL, NULL},
};

static Type poll_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "poll",
    .base = &vm_object_type,
    .flags = TF_NOSUBCLASS,
    .basicsize = sizeof(PollObj),
    .dealloc = poll_dealloc,
    .methods = poll_methods,
};

/* select.poll() */
static Obj *sel_poll(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("poll", kwnames) < 0 || vm_argc("poll", nargs, 0, 0) < 0)
        return NULL;
    PollObj *p = vm_alloc(&poll_type, 0);
    p->fds = NULL;
    p->n = p->cap = 0;
    p->polling = false;
    return (Obj *)p;
}

/* ---- epoll objects ---- */

typedef struct EpollObj {
    Obj ob;
    int epfd;               /* the epoll descriptor; -1 once closed */
} EpollObj;

static Type epoll_type;

static int epoll_open(EpollObj *e)
{
    if (e->epfd < 0) {
        vm_err_str(&vm_exc_ValueError, "I/O operation on closed epoll object");
        return -1;
    }
    return 0;
}

static Obj *epoll_new_fd(Type *t, int fd)
{
    EpollObj *e = vm_alloc(t, 0);
    e->epfd = fd;
    return (Obj *)e;
}

/* epoll(sizehint=-1, flags=0) */
static Obj *epoll_construct(Obj *cls, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"sizehint", "flags"};
    static const ClinicSpec spec = {"epoll", names, 2, 0, 2, 0};
    Obj *a[2];
    if (vm_clinic_args(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    int64_t sizehint = -1, flags = 0;
    for (int i = 0; i < 2; i++) {
        if (!a[i])
            continue;
        if (!INT_CHECK(a[i]))
            return vm_err_fmt(&vm_exc_TypeError, "'%s' object cannot be interpreted as an "
                              "integer", vm_tname(a[i]));
        if (vm_int_as_i64(a[i], i ? &flags : &sizehint) < 0)
            return NULL;
    }
    if (sizehint == 0 || sizehint < -1)
        return vm_err_str(&vm_exc_ValueError, "negative sizehint");
    if (flags && flags != EPOLL_CLOEXEC)
        return vm_err_str(&vm_exc_OSError, "invalid flags");
    int fd = epoll_create1(EPOLL_CLOEXEC);
    if (fd < 0)
        return vm_err_errno(errno, NULL);
    return epoll_new_fd((Type *)cls, fd);
}

static Obj *epoll_close(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    EpollObj *e = (EpollObj *)self;
    if (vm_nokw("close", kwnames) < 0 || vm_argc("close", nargs, 0, 0) < 0)
        return NULL;
    if (e->epfd >= 0) {
        int rc = close(e->epfd);
        e->epfd = -1;
        if (rc < 0)
            return vm_err_errno(errno, NULL);
    }
    return vm_newref(VM_NONE);
}

static Obj *epoll_fileno(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    EpollObj *e = (EpollObj *)self;
    if (vm_nokw("fileno", kwnames) < 0 || vm_argc("fileno", nargs, 0, 0) < 0
        || epoll_open(e) < 0)
        return NULL;
    return vm_int_from_i64(e->epfd);
}

/* register / modify / unregister: epoll_ctl(op, fd, eventmask) */
static Obj *epoll_ctl_call(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames, int op)
{
    static const char *const names[] = {"fd", "eventmask"};
    static const ClinicSpec specs[3] = {
        {"register", names, 2, 0, 2, 1},
        {"modify", names, 2, 0, 2, 2},
        {"unregister", names, 1, 0, 1, 1},
    };
    int which = op == EPOLL_CTL_ADD ? 0 : op == EPOLL_CTL_MOD ? 1 : 2;
    Obj *a[2] = {NULL, NULL};
    if (vm_clinic_args(&specs[which], args, nargs, kwnames, a) < 0)
        return NULL;
    EpollObj *e = (EpollObj *)self;
    int fd;
    unsigned mask = EPOLLIN | EPOLLPRI | EPOLLOUT;
    if (vm_fd_arg(a[0], &fd) < 0 || (a[1] && mask_arg(a[1], false, &mask) < 0)
        || epoll_open(e) < 0)
        return NULL;
    struct epoll_event ev;
    memset(&ev, 0, sizeof ev);
    ev.events = mask;
    ev.data.fd = fd;
    if (epoll_ctl(e->epfd, op, fd, &ev) < 0)
        return vm_err_errno(errno, NULL);
    return vm_newref(VM_NONE);
}

static Obj *epoll_register(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return epoll_ctl_call(self, args, nargs, kwnames, EPOLL_CTL_ADD);
}

static Obj *epoll_modify(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return epoll_ctl_call(self, args, nargs, kwnames, EPOLL_CTL_MOD);
}

static Obj *epoll_unregister(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return epoll_ctl_call(self, args, nargs, kwnames, EPOLL_CTL_DEL);
}

/* poll(timeout=None, maxevents=-1): timeout in seconds. */
static Obj *epoll_poll(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    static const char *const names[] = {"timeout", "maxevents"};
    static const ClinicSpec spec = {"poll", names, 2, 0, 2, 0};
    Obj *a[2];
    if (vm_clinic_args(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    EpollObj *e = (EpollObj *)self;
    if (epoll_open(e) < 0)
        return NULL;
    int64_t ns, maxev = -1;
    if (timeout_ns(a[0], 1, "timeout must be an integer or None", &ns) < 0)
        return NULL;
    if (a[1]) {
        if (!INT_CHECK(a[1]))
            return vm_err_fmt(&vm_exc_TypeError, "'%s' object cannot be interpreted as an "
                              "integer", vm_tname(a[1]));
        if (vm_int_as_i64(a[1], &maxev) < 0)
            return NULL;
    }
    if (maxev == -1)
        maxev = FD_SETSIZE - 1;
    else if (maxev < 1 || maxev > INT_MAX)
        return vm_err_fmt(&vm_exc_ValueError, "maxevents must be greater than 0, got %lld",
                          (long long)maxev);
    struct epoll_event *evs = calloc((size_t)maxev, sizeof *evs);
    if (!evs)
        return vm_err_nomem();
    int64_t start = now_ns();
    int rc;
    for (;;) {
        rc = vm_blocking_epoll_wait(e->epfd, evs, (int)maxev, ns_to_ms(remaining(ns, start)));
        if (rc >= 0 || errno != EINTR)
            break;
        if (vm_signal_check() < 0) {
            free(evs);
            return NULL;
        }
    }
    if (rc < 0) {
        int err = errno;
        free(evs);
        return vm_err_errno(err, NULL);
    }
    Obj *r = vm_list_new(0);
    for (int i = 0; i < rc; i++) {
        Obj *t = pair(evs[i].data.fd, evs[i].events);
        vm_list_append(r, t);
        DECREF(t);
    }
    free(evs);
    return r;
}

static Obj *epoll_enter(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (epoll_open((EpollObj *)self) < 0)
        return NULL;
    return vm_newref(self);
}

static Obj *epoll_exit(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return epoll_close(self, NULL, 0, NULL);
}

/* epoll.fromfd(fd): a classmethod, called as (cls, fd) */
static Obj *epoll_fromfd(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    int64_t fd;
    if (vm_nokw("fromfd", kwnames) < 0)
        return NULL;
    if (nargs != 2)
        return vm_err_fmt(&vm_exc_TypeError, "fromfd() takes exactly one argument (%zu given)",
                          nargs ? nargs - 1 : 0);
    Obj *cls = args[0];
    if (!INT_CHECK(args[1]))
        return vm_err_fmt(&vm_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          vm_tname(args[1]));
    if (vm_int_as_i64(args[1], &fd) < 0)
        return NULL;
    return epoll_new_fd(HAS_FLAG(cls, TF_TYPE) ? (Type *)cls : &epoll_type, (int)fd);
}

/* the closed attribute; everything else as usual */
static Obj *epoll_getattr(Obj *o, Obj *name)
{
    if (vm_str_eqc(name, "closed"))
        return VM_BOOL(((EpollObj *)o)->epfd < 0);
    return vm_generic_getattr(o, name);
}

static void epoll_dealloc(Obj *o)
{
    EpollObj *e = (EpollObj *)o;
    if (e->epfd >= 0)
        close(e->epfd);
    vm_obj_free(o);
}

static const MethodDef epoll_methods[] = {
    {"close", epoll_close},
    {"fileno", epoll_fileno},
    {"register", epoll_register},
    {"modify", epoll_modify},
    {"unregister", epoll_unregister},
    {"poll", epoll_poll},
    {"__enter__", epoll_enter},
    {"__exit__", epoll_exit},
    {NULL, NULL},
};

static Type epoll_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "epoll",
    .base = &vm_object_type,
    .flags = TF_NOSUBCLASS,
    .basicsize = sizeof(EpollObj),
    .dealloc = epoll_dealloc,
    .construct = epoll_construct,
    .getattr = epoll_getattr,
    .methods = epoll_methods,
};

/* ---- the module ---- */

static const MethodDef select_funcs[] = {
    {"select", sel_select},
    {"poll", sel_poll},
    {NULL, NULL},
};

static const VmIntConst select_consts[] = {
    {"PIPE_BUF", PIPE_BUF},
    {"POLLIN", POLLIN}, {"POLLPRI", POLLPRI}, {"POLLOUT", POLLOUT}, {"POLLERR", POLLERR},
    {"POLLHUP", POLLHUP}, {"POLLNVAL", POLLNVAL}, {"POLLRDNORM", POLLRDNORM},
    {"POLLRDBAND", POLLRDBAND}, {"POLLWRNORM", POLLWRNORM}, {"POLLWRBAND", POLLWRBAND},
    {"POLLMSG", POLLMSG}, {"POLLRDHUP", POLLRDHUP},
    {"EPOLLIN", EPOLLIN}, {"EPOLLOUT", EPOLLOUT}, {"EPOLLPRI", EPOLLPRI},
    {"EPOLLERR", EPOLLERR}, {"EPOLLHUP", EPOLLHUP}, {"EPOLLET", (long)(unsigned)EPOLLET},
    {"EPOLLONESHOT", EPOLLONESHOT}, {"EPOLLEXCLUSIVE", EPOLLEXCLUSIVE},
    {"EPOLLRDHUP", EPOLLRDHUP}, {"EPOLLRDNORM", EPOLLRDNORM}, {"EPOLLRDBAND", EPOLLRDBAND},
    {"EPOLLWRNORM", EPOLLWRNORM}, {"EPOLLWRBAND", EPOLLWRBAND}, {"EPOLLMSG", EPOLLMSG},
    {"EPOLL_CLOEXEC", EPOLL_CLOEXEC},
};

Obj *vm_mod_select(void)
{
    Obj *m = vm_module_new("select");
    if (!m)
        return NULL;
    for (const MethodDef *f = select_funcs; f->name; f++)
        vm_module_add_func(m, f->name, f->fn);
    vm_module_add_ints(m, select_consts, sizeof select_consts / sizeof *select_consts);
    vm_module_add(m, "error", (Obj *)&vm_exc_OSError);
    static bool ready;
    if (!ready) {
        ready = true;
        vm_type_ready(&poll_type);
        vm_type_ready(&epoll_type);
        Obj *mod = vm_str_cstr("select");
        poll_type.module = vm_newref(mod);
        epoll_type.module = mod;
        Obj *f = vm_builtin_new("fromfd", epoll_fromfd, NULL);
        Obj *cm = vm_call((Obj *)&vm_classmethod_type, &f, 1, NULL);
        DECREF(f);
        if (!cm || vm_dict_set_cstr(epoll_type.dict, "fromfd", cm) < 0) {
            XDECREF(cm);
            DECREF(m);
            return NULL;
        }
        DECREF(cm);
    }
    vm_module_add(m, "epoll", (Obj *)&epoll_type);
    return m;
}
