/* cmd/pyvm/mod_thread.c: the _thread module: real OS threads (pthreads)
 * under the global interpreter lock (gil.h), and the locks threading.py,
 * queue, concurrent.futures, functools and reprlib build on.
 *
 * Stage: pyvm.  start_new_thread runs function(*args, **kwargs) in a new
 * detached pthread that takes the GIL first; what it raises (but
 * SystemExit) goes to sys.unraisablehook, and the process goes on.  A lock
 * is a POSIX semaphore: acquiring a free one is one atomic operation; a
 * thread that must wait drops the GIL and sleeps in sem_wait /
 * sem_timedwait, which a signal interrupts: the main thread then runs the
 * Python handlers, and what they raise comes out of acquire() (CPython's
 * interruptible locks).  RLock adds an owner and a count.  _local (thread-
 * local attributes), _excepthook and the rest are the Python half below.
 */
#include "cmd/pyvm/mod_thread.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "libstage/common.h"
#include "cmd/pyvm/dict.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/float.h"
#include "cmd/pyvm/gil.h"
#include "cmd/pyvm/import_frozen.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/mod_signal.h"
#include "cmd/pyvm/module.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/structseq.h"
#include "cmd/pyvm/trace.h"
#include "cmd/pyvm/tuple.h"
#include "cmd/pyvm/unraisable.h"

/* ---- the lock primitive ---- */

typedef struct Sema {
    sem_t sem;              /* value 1: free, 0: held */
    bool ready;             /* sem was initialised (instances of subclasses start zeroed) */
} Sema;

static void sema_ready(Sema *s)
{
    if (!s->ready) {
        sem_init(&s->sem, 0, 1);
        s->ready = true;
    }
}

static bool sema_locked(Sema *s)
{
    sema_ready(s);
    int v = 1;
    sem_getvalue(&s->sem, &v);
    return v <= 0;
}

/* Take s: 1 taken, 0 not (non-blocking, or the timeout passed), -1 a
 * signal handler raised while waiting.  timeout < 0: wait forever.  The
 * GIL is dropped while waiting. */
static int sema_acquire(Sema *s, bool blocking, double timeout)
{
    sema_ready(s);
    if (sem_trywait(&s->sem) == 0)
        return 1;
    if (!blocking || timeout == 0)
        return 0;
    struct timespec dl;
    if (timeout > 0) {
        clock_gettime(CLOCK_REALTIME, &dl);
        double whole = floor(timeout);
        dl.tv_sec += (time_t)whole;
        dl.tv_nsec += (long)((timeout - whole) * 1e9);
        if (dl.tv_nsec >= 1000000000L) {
            dl.tv_sec++;
            dl.tv_nsec -= 1000000000L;
        }
    }
    for (;;) {
        vm_gil_release();
        int rc = timeout > 0 ? sem_timedwait(&s->sem, &dl) : sem_wait(&s->sem);
        int err = rc < 0 ? errno : 0;
        vm_gil_acquire();
        if (rc == 0)
            return 1;
        if (err == ETIMEDOUT)
            return 0;
        if (err == EINTR && vm_signal_check() < 0)
            return -1;
        if (sem_trywait(&s->sem) == 0)
            return 1;
    }
}

static void sema_release(Sema *s)
{
    sema_ready(s);
    sem_post(&s->sem);
}

static void sema_reinit(Sema *s)
{
    if (s->ready)
        sem_destroy(&s->sem);
    s->ready = false;
    sema_ready(s);
}

/* acquire(blocking=True, timeout=-1)'s arguments, checked as CPython's. */
static int acquire_args(const char *fname, Obj *const *args, size_t nargs, Obj *kwnames,
                        bool *blocking, double *timeout)
{
    size_t nkw = kwnames ? (size_t)TUPLE_LEN(kwnames) : 0, npos = nargs - nkw;
    Obj *b = NULL, *t = NULL;
    if (npos > 2)
        return vm_err_fmt(&vm_exc_TypeError, "%s() takes at most 2 arguments (%zu given)",
                          fname, npos), -1;
    if (npos > 0)
        b = args[0];
    if (npos > 1)
        t = args[1];
    for (size_t k = 0; k < nkw; k++) {
        Obj *kn = TUPLE_ITEMS(kwnames)[k];
        Obj **slot = vm_str_eqc(kn, "blocking") ? &b : vm_str_eqc(kn, "timeout") ? &t : NULL;
        if (!slot)
            return vm_err_fmt(&vm_exc_TypeError, "'%s' is an invalid keyword argument "
                              "for %s()", STR_DATA(kn), fname), -1;
        if (*slot)
            return vm_err_fmt(&vm_exc_TypeError, "argument for %s() given by name ('%s') "
                              "and position", fname, STR_DATA(kn)), -1;
        *slot = args[npos + k];
    }
    *blocking = true;
    *timeout = -1;
    if (b) {
        int v = vm_truth(b);
        if (v < 0)
            return -1;
        *blocking = v;
    }
    if (t) {
        if (FLOAT_CHECK(t))
            *timeout = FLOAT_VAL(t);
        else if (INT_CHECK(t)) {
            if (vm_int_as_double(t, timeout) < 0)
                return -1;
        } else {
            vm_err_fmt(&vm_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                       vm_tname(t));
            return -1;
        }
        if (isnan(*timeout)) {
            vm_err_str(&vm_exc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
    }
    if (!*blocking && *timeout != -1) {
        vm_err_str(&vm_exc_ValueError, "can't specify a timeout for a non-blocking call");
        return -1;
    }
    if (*timeout < 0 && *timeout != -1) {
        vm_err_str(&vm_exc_ValueError, "timeout value must be positive");
        return -1;
    }
    if (*timeout * 1e9 >= 9223372036854775807.0) {
        vm_err_str(&vm_exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
        return -1;
    }
    if (*timeout > 9223372036.0) {
        vm_err_str(&vm_exc_OverflowError, "timeout value is too large");
        return -1;
    }
    return 0;
}

/* ---- _thread.lock ---- */

typedef struct LockObj {
    Obj ob;
    Sema s;                 /* the lock itself */
} LockObj;

static Type lock_type;

static Obj *lock_new(void)
{
    vm_type_ready(&lock_type);
    LockObj *l = vm_alloc(&lock_type, 0);
    l->s.ready = false;
    sema_ready(&l->s);
    return (Obj *)l;
}

static void lock_dealloc(Obj *o)
{
    LockObj *l = (LockObj *)o;
    if (l->s.ready)
        sem_destroy(&l->s.sem);
    vm_obj_free(o);
}

static Obj *lock_acquire(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    bool blocking;
    double timeout;
    if (acquire_args("acquire", args, nargs, kwnames, &blocking, &timeout) < 0)
        return NULL;
    int r = sema_acquire(&((LockObj *)self)->s, blocking, timeout);
    return r < 0 ? NULL : VM_BOOL(r);
}

static Obj *lock_release(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    LockObj *l = (LockObj *)self;
    if (sem_trywait(&l->s.sem) == 0) {
        /* it was free: put it back as it was */
        sema_release(&l->s);
        return vm_err_str(&vm_exc_RuntimeError, "release unlocked lock");
    }
    sema_release(&l->s);
    return vm_newref(VM_NONE);
}

static Obj *lock_exit(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return lock_release(self, NULL, 0, NULL);
}

static Obj *lock_locked(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return VM_BOOL(sema_locked(&((LockObj *)self)->s));
}

static Obj *lock_reinit(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    sema_reinit(&((LockObj *)self)->s);
    return vm_newref(VM_NONE);
}

/* __reduce_ex__: locks cannot be pickled (nor copied) */
static Obj *no_reduce(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_err_fmt(&vm_exc_TypeError, "cannot pickle '%s' object", vm_tname(self));
}

static Obj *lock_repr(Obj *o)
{
    char buf[96];
    snprintf(buf, sizeof buf, "<%s _thread.lock object at %p>",
             sema_locked(&((LockObj *)o)->s) ? "locked" : "unlocked", (void *)o);
    return vm_str_cstr(buf);
}

static const MethodDef lock_methods[] = {
    {"acquire", lock_acquire},
    {"acquire_lock", lock_acquire},
    {"release", lock_release},
    {"release_lock", lock_release},
    {"locked", lock_locked},
    {"locked_lock", lock_locked},
    {"__enter__", lock_acquire},
    {"__exit__", lock_exit},
    {"_at_fork_reinit", lock_reinit},
    {"__reduce_ex__", no_reduce},
    {NULL, NULL},
};

static Type lock_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "_thread.lock",
    .base = &vm_object_type,
    .flags = TF_NOSUBCLASS,
    .basicsize = sizeof(LockObj),
    .dealloc = lock_dealloc,
    .repr = lock_repr,
    .methods = lock_methods,
};

/* ---- _thread.RLock ---- */

typedef struct RLockObj {
    Obj ob;
    Sema s;                 /* held while count > 0 */
    unsigned long owner;    /* the holder's get_ident(), 0: none */
    unsigned long count;    /* times the holder acquired it */
} RLockObj;

static Type rlock_type;

static unsigned long my_ident(void)
{
    return vm_thread_current()->ident;
}

static Obj *rlock_construct(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    vm_type_ready(&rlock_type);
    RLockObj *r = vm_alloc(&rlock_type, 0);
    r->s.ready = false;
    sema_ready(&r->s);
    r->owner = 0;
    r->count = 0;
    return (Obj *)r;
}

static void rlock_dealloc(Obj *o)
{
    RLockObj *r = (RLockObj *)o;
    if (r->s.ready)
        sem_destroy(&r->s.sem);
    vm_obj_free(o);
}

static Obj *rlock_acquire(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    RLockObj *r = (RLockObj *)self;
    bool blocking;
    double timeout;
    if (acquire_args("acquire", args, nargs, kwnames, &blocking, &timeout) < 0)
        return NULL;
    unsigned long me = my_ident();
    if (r->count > 0 && r->owner == me) {
        if (r->count == (unsigned long)-1)
            return vm_err_str(&vm_exc_OverflowError, "Internal lock count overflowed");
        r->count++;
        return VM_BOOL(true);
    }
    int got = sema_acquire(&r->s, blocking, timeout);
    if (got < 0)
        return NULL;
    if (got) {
        r->owner = me;
        r->count = 1;
    }
    return VM_BOOL(got);
}

static Obj *rlock_release(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    RLockObj *r = (RLockObj *)self;
    if (r->count == 0 || r->owner != my_ident())
        return vm_err_str(&vm_exc_RuntimeError, "cannot release un-acquired lock");
    if (--r->count == 0) {
        r->owner = 0;
        sema_release(&r->s);
    }
    return vm_newref(VM_NONE);
}

static Obj *rlock_exit(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return rlock_release(self, NULL, 0, NULL);
}

static Obj *rlock_is_owned(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    RLockObj *r = (RLockObj *)self;
    return VM_BOOL(r->count > 0 && r->owner == my_ident());
}

/* _release_save(): release completely; (count, owner) for _acquire_restore */
static Obj *rlock_release_save(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    RLockObj *r = (RLockObj *)self;
    if (r->count == 0)
        return vm_err_str(&vm_exc_RuntimeError, "cannot release un-acquired lock");
    Obj *t = vm_tuple_new(2);
    TUPLE_ITEMS(t)[0] = vm_int_from_i64((int64_t)r->count);
    TUPLE_ITEMS(t)[1] = vm_int_from_double((double)r->owner);
    r->count = 0;
    r->owner = 0;
    sema_release(&r->s);
    return t;
}

static Obj *rlock_acquire_restore(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    RLockObj *r = (RLockObj *)self;
    if (vm_nokw("_acquire_restore", kwnames) < 0
        || vm_argc("_acquire_restore", nargs, 1, 1) < 0)
        return NULL;
    Obj *st = args[0];
    if (!TUPLE_CHECK(st) || TUPLE_LEN(st) != 2)
        return vm_err_str(&vm_exc_TypeError, "_acquire_restore() argument 1 must be tuple");
    int64_t count;
    double owner;
    if (vm_int_as_i64(TUPLE_ITEMS(st)[0], &count) < 0
        || vm_int_as_double(TUPLE_ITEMS(st)[1], &owner) < 0)
        return NULL;
    int got = sema_acquire(&r->s, true, -1);
    if (got < 0)
        return NULL;
    r->owner = (unsigned long)owner;
    r->count = (unsigned long)count;
    return vm_newref(VM_NONE);
}

static Obj *rlock_reinit(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    RLockObj *r = (RLockObj *)self;
    sema_reinit(&r->s);
    r->owner = 0;
    r->count = 0;
    return vm_newref(VM_NONE);
}

static Obj *rlock_repr(Obj *o)
{
    RLockObj *r = (RLockObj *)o;
    char buf[200];
    snprintf(buf, sizeof buf, "<%s %.100s object owner=%lu count=%lu at %p>",
             r->count ? "locked" : "unlocked", o->type->name, r->owner, r->count, (void *)o);
    return vm_str_cstr(buf);
}

static const MethodDef rlock_methods[] = {
    {"acquire", rlock_acquire},
    {"release", rlock_release},
    {"__enter__", rlock_acquire},
    {"__exit__", rlock_exit},
    {"_is_owned", rlock_is_owned},
    {"_release_save", rlock_release_save},
    {"_acquire_restore", rlock_acquire_restore},
    {"_at_fork_reinit", rlock_reinit},
    {"__reduce_ex__", no_reduce},
    {NULL, NULL},
};

static Type rlock_type = {
    .ob = OBJ_HEAD_INIT(&vm_type_type),
    .name = "_thread.RLock",
    .base = &vm_object_type,
    .flags = TF_BASETYPE,
    .basicsize = sizeof(RLockObj),
    .dealloc = rlock_dealloc,
    .repr = rlock_repr,
    .construct = rlock_construct,
    .methods = rlock_methods,
};

/* ---- threads ---- */

/* What a new thread runs, and its state. */
typedef struct Boot {
    VmThread t;             /* its thread state (first: gil.c's list links it) */
    Obj *func, *args, *kwargs;  /* references; kwargs may be NULL */
} Boot;

static int nthreads;            /* threads started here and still running */
static size_t stack_bytes;      /* stack_size(): 0 for the default */

/* func(*args, **kwargs) */
static Obj *call_with(Obj *func, Obj *args, Obj *kwargs)
{
    size_t np = (size_t)TUPLE_LEN(args), nk = 0;
    if (kwargs)
        nk = (size_t)vm_len(kwargs);
    Obj **argv = ls_xmalloc((np + nk + 1) * sizeof(Obj *));
    for (size_t i = 0; i < np; i++)
        argv[i] = TUPLE_ITEMS(args)[i];
    Obj *kwn = NULL;
    if (nk) {
        kwn = vm_tuple_new((ssize_t)nk);
        ssize_t pos = 0;
        Obj *k, *v;
        size_t i = 0;
        while (i < nk && vm_dict_next(kwargs, &pos, &k, &v)) {
            TUPLE_ITEMS(kwn)[i] = vm_newref(k);
            argv[np + i] = v;
            i++;
        }
    }
    Obj *r = vm_call(func, argv, np + nk, kwn);
    XDECREF(kwn);
    free(argv);
    return r;
}

static void *thread_main(void *arg)
{
    Boot *b = arg;
    vm_gil_thread_begin(&b->t);
    Obj *r = call_with(b->func, b->args, b->kwargs);
    if (r) {
        DECREF(r);
    } else if (vm_err_matches(&vm_exc_SystemExit)) {
        vm_err_clear();
    } else {
        vm_unraisable("Exception ignored in thread started by", b->func);
    }
    DECREF(b->func);
    DECREF(b->args);
    XDECREF(b->kwargs);
    CLEAR(b->t.dict);
    if (b->t.sentinel) {
        LockObj *l = (LockObj *)b->t.sentinel;
        if (sema_locked(&l->s))
            sema_release(&l->s);
        CLEAR(b->t.sentinel);
    }
    vm_trace_set(NULL);     /* its sys.settrace/setprofile hooks (trace.h) */
    vm_profile_set(NULL);
    vm_err_clear();
    CLEAR(vm_exc.handled);
    nthreads--;
    vm_gil_thread_end(&b->t);
    free(b);
    return NULL;
}

/* start_new_thread(function, args, kwargs=None) */
static Obj *th_start(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("start_new_thread", kwnames) < 0
        || vm_argc("start_new_thread", nargs, 2, 3) < 0)
        return NULL;
    if (!TYPE(args[0])->call)
        return vm_err_str(&vm_exc_TypeError, "first arg must be callable");
    if (!TUPLE_CHECK(args[1]))
        return vm_err_str(&vm_exc_TypeError, "2nd arg must be a tuple");
    Obj *kw = nargs > 2 && args[2] != VM_NONE ? args[2] : NULL;
    if (kw && !DICT_CHECK(kw))
        return vm_err_str(&vm_exc_TypeError, "optional 3rd arg must be a dictionary");
    vm_gil_enable();
    Boot *b = calloc(1, sizeof *b);
    if (!b)
        return vm_err_str(&vm_exc_MemoryError, "");
    b->func = vm_newref(args[0]);
    b->args = vm_newref(args[1]);
    b->kwargs = kw ? vm_newref(kw) : NULL;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&attr, stack_bytes ? stack_bytes : (size_t)16 << 20);
    pthread_t th;
    nthreads++;
    int err = pthread_create(&th, &attr, thread_main, b);
    pthread_attr_destroy(&attr);
    if (err) {
        nthreads--;
        DECREF(b->func);
        DECREF(b->args);
        XDECREF(b->kwargs);
        free(b);
        return vm_err_str(&vm_exc_RuntimeError, "can't start new thread");
    }
    return vm_int_from_double((double)(unsigned long)th);
}

static Obj *th_allocate_lock(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("allocate_lock", kwnames) < 0 || vm_argc("allocate_lock", nargs, 0, 0) < 0)
        return NULL;
    return lock_new();
}

static Obj *th_get_ident(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("get_ident", kwnames) < 0 || vm_argc("get_ident", nargs, 0, 0) < 0)
        return NULL;
    return vm_int_from_double((double)my_ident());
}

static Obj *th_get_native_id(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("get_native_id", kwnames) < 0 || vm_argc("get_native_id", nargs, 0, 0) < 0)
        return NULL;
    return vm_int_from_i64(vm_thread_current()->native_id);
}

static Obj *th_count(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_int_from_i64(nthreads);
}

static Obj *th_stack_size(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("stack_size", kwnames) < 0 || vm_argc("stack_size", nargs, 0, 1) < 0)
        return NULL;
    int64_t n = 0;
    if (nargs && vm_index(args[0], &n, "integer") < 0)
        return NULL;
    if (n != 0 && n < 32768)
        return vm_err_fmt(&vm_exc_ValueError, "size not valid: %lld bytes", (long long)n);
    size_t old = stack_bytes;
    stack_bytes = (size_t)n;
    return vm_int_from_i64((int64_t)old);
}

static Obj *th_exit(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    return vm_err_set((Obj *)&vm_exc_SystemExit);
}

static Obj *th_interrupt_main(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("interrupt_main", kwnames) < 0 || vm_argc("interrupt_main", nargs, 0, 1) < 0)
        return NULL;
    int64_t sig = SIGINT;
    if (nargs && vm_index(args[0], &sig, "integer") < 0)
        return NULL;
    if (sig < 1 || sig >= NSIG)
        return vm_err_str(&vm_exc_ValueError, "signal number out of range");
    vm_signal_trip((int)sig);
    return vm_newref(VM_NONE);
}

/* _set_sentinel(): a lock (threading acquires it) released when this
 * thread ends */
static Obj *th_set_sentinel(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    Obj *l = lock_new();
    VmThread *t = vm_thread_current();
    Obj *old = t->sentinel;
    t->sentinel = vm_newref(l);
    XDECREF(old);
    return l;
}

/* _tsdict(): the running thread's storage dict for _local objects */
static Obj *th_tsdict(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    VmThread *t = vm_thread_current();
    if (!t->dict)
        t->dict = vm_dict_new();
    return vm_newref(t->dict);
}

/* _local_forget(key): a _local died: drop its dict in every thread */
static Obj *th_local_forget(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_argc("_local_forget", nargs, 1, 1) < 0)
        return NULL;
    for (VmThread *t = vm_thread_first(); t; t = t->next) {
        Obj *d = t->dict;
        Obj *v;
        if (!d)
            continue;
        int found = vm_dict_lookup(d, args[0], &v);
        if (found < 0 || (found && vm_dict_del(d, args[0]) < 0))
            vm_err_clear();
    }
    return vm_newref(VM_NONE);
}

/* _thread._ExceptHookArgs: threading.excepthook's argument */
static const char *const hook_fields[4] = {"exc_type", "exc_value", "exc_traceback", "thread"};
static const StructSeqDesc hook_desc = {"_thread._ExceptHookArgs", hook_fields, 4, 4, true};

/* The Python half: _local and _excepthook. */
static const char thread_src[] =
    "def _excepthook(args, /):\n"
    "    if type(args) is not _ExceptHookArgs:\n"
    "        raise TypeError('_thread.excepthook argument type must be ExceptHookArgs')\n"
    "    exc_type, exc_value, exc_tb, thread = args\n"
    "    if isinstance(exc_type, type) and issubclass(exc_type, SystemExit):\n"
    "        return None\n"
    "    import sys\n"
    "    file = sys.stderr\n"
    "    if file is None:\n"
    "        if thread is None:\n"
    "            return None\n"
    "        file = getattr(thread, '_stderr', None)\n"
    "        if file is None:\n"
    "            return None\n"
    "    name = None\n"
    "    if thread is not None:\n"
    "        name = getattr(thread, 'name', None)\n"
    "    if name is not None:\n"
    "        file.write('Exception in thread ' + str(name) + ':\\n')\n"
    "    else:\n"
    "        file.write('Exception in thread %d:\\n' % get_ident())\n"
    "    file.flush()\n"
    "    if file is sys.stderr:\n"
    "        sys.__excepthook__(exc_type, exc_value, exc_tb)\n"
    "    else:\n"
    "        import traceback\n"
    "        traceback.print_exception(exc_type, exc_value, exc_tb, file=file)\n"
    "    file.flush()\n"
    "    return None\n"
    "\n"
    "_local_keys = [0]\n"
    "\n"
    "def _local_dict(self):\n"
    "    key, args, kw = object.__getattribute__(self, '_local__impl')\n"
    "    d = _tsdict()\n"
    "    dct = d.get(key)\n"
    "    if dct is None:\n"
    "        dct = d[key] = {}\n"
    "        if type(self).__init__ is not object.__init__:\n"
    "            self.__init__(*args, **kw)\n"
    "    return dct\n"
    "\n"
    "def _local_lookup(cls, name):\n"
    "    for k in cls.__mro__:\n"
    "        kd = k.__dict__\n"
    "        if name in kd:\n"
    "            return True, kd[name]\n"
    "    return False, None\n"
    "\n"
    "def _local_name(self):\n"
    "    t = type(self)\n"
    "    return '_thread._local' if t is _local else t.__name__\n"
    "\n"
    "class _local:\n"
    "    __slots__ = ('_local__impl',)\n"
    "    def __new__(cls, /, *args, **kw):\n"
    "        if (args or kw) and (cls.__init__ is object.__init__):\n"
    "            raise TypeError('Initialization arguments are not supported')\n"
    "        self = object.__new__(cls)\n"
    "        _local_keys[0] += 1\n"
    "        key = '_thread._local.%d' % _local_keys[0]\n"
    "        object.__setattr__(self, '_local__impl', (key, args, kw))\n"
    "        _tsdict()[key] = {}\n"
    "        return self\n"
    "    def __getattribute__(self, name):\n"
    "        dct = _local_dict(self)\n"
    "        if name == '__dict__':\n"
    "            return dct\n"
    "        cls = type(self)\n"
    "        found, attr = _local_lookup(cls, name)\n"
    "        if found:\n"
    "            at = type(attr)\n"
    "            if hasattr(at, '__get__') and (hasattr(at, '__set__') or hasattr(at, '__delete__')):\n"
    "                return at.__get__(attr, self, cls)\n"
    "        if name in dct:\n"
    "            return dct[name]\n"
    "        if found:\n"
    "            if hasattr(type(attr), '__get__'):\n"
    "                return type(attr).__get__(attr, self, cls)\n"
    "            return attr\n"
    "        raise AttributeError(\"'%s' object has no attribute '%s'\" % (_local_name(self), name))\n"
    "    def __setattr__(self, name, value):\n"
    "        if name == '__dict__':\n"
    "            raise AttributeError(\n"
    "                \"'%s' object attribute '__dict__' is read-only\" % _local_name(self))\n"
    "        dct = _local_dict(self)\n"
    "        found, attr = _local_lookup(type(self), name)\n"
    "        if found and hasattr(type(attr), '__set__'):\n"
    "            type(attr).__set__(attr, self, value)\n"
    "        else:\n"
    "            dct[name] = value\n"
    "    def __delattr__(self, name):\n"
    "        if name == '__dict__':\n"
    "            raise AttributeError(\n"
    "                \"'%s' object attribute '__dict__' is read-only\" % _local_name(self))\n"
    "        dct = _local_dict(self)\n"
    "        found, attr = _local_lookup(type(self), name)\n"
    "        if found and hasattr(type(attr), '__delete__'):\n"
    "            type(attr).__delete__(attr, self)\n"
    "        elif name in dct:\n"
    "            del dct[name]\n"
    "        else:\n"
    "            raise AttributeError(name)\n"
    "    def __del__(self):\n"
    "        try:\n"
    "            _local_forget(object.__getattribute__(self, '_local__impl')[0])\n"
    "        except AttributeError:\n"
    "            pass\n"
    "_local.__module__ = '_thread'\n";

Obj *vm_mod__thread(void)
{
    Obj *m = vm_module_new("_thread");
    if (!m)
        return NULL;
    vm_type_ready(&lock_type);
    vm_type_ready(&rlock_type);
    vm_module_add(m, "LockType", (Obj *)&lock_type);
    vm_module_add(m, "RLock", (Obj *)&rlock_type);
    vm_module_add(m, "error", (Obj *)&vm_exc_RuntimeError);
    Obj *tmax = vm_float_new(9223372036.0);
    vm_module_add(m, "TIMEOUT_MAX", tmax);
    DECREF(tmax);
    vm_module_add(m, "_ExceptHookArgs", (Obj *)vm_structseq_type(&hook_desc));
    static const struct {
        const char *name;   /* the attribute */
        CFunc fn;           /* the function */
    } fns[] = {
        {"start_new_thread", th_start}, {"start_new", th_start},
        {"allocate_lock", th_allocate_lock}, {"allocate", th_allocate_lock},
        {"get_ident", th_get_ident}, {"get_native_id", th_get_native_id},
        {"_count", th_count}, {"stack_size", th_stack_size},
        {"exit", th_exit}, {"exit_thread", th_exit},
        {"interrupt_main", th_interrupt_main}, {"_set_sentinel", th_set_sentinel},
        {"_tsdict", th_tsdict}, {"_local_forget", th_local_forget},
    };
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++)
        vm_module_add_func(m, fns[i].name, fns[i].fn);
    if (vm_frozen_exec(m, "_thread", thread_src) < 0) {
        DECREF(m);
        return NULL;
    }
    return m;
}

/* os.fork()'s child (mod_posix_proc.c): one thread left */

void vm_thread_shutdown(void)
{
    Obj *mods = vm_sys_modules_dict();
    Obj *name = vm_str_cstr("threading");
    Obj *threading = NULL;
    if (mods && vm_dict_lookup(mods, name, &threading) > 0) {
        INCREF(threading);
        Obj *sn = vm_str_intern("_shutdown", 9);
        Obj *fn = vm_getattr(threading, sn);
        DECREF(sn);
        Obj *r = fn ? vm_call(fn, NULL, 0, NULL) : NULL;
        if (r)
            DECREF(r);
        else
            vm_unraisable(NULL, threading);
        XDECREF(fn);
        DECREF(threading);
    }
    vm_err_clear();
    DECREF(name);
    vm_gil_finalize();
}

/* ---- import locks (module.c): one per module being imported ----
 *
 * While a thread runs a module's body, another thread importing the same
 * module waits for it to finish instead of seeing it half made, unless
 * that would deadlock (two threads each importing what the other is in
 * the middle of: then it gets the partial module, as CPython's
 * _DeadlockError handling does).  The table is changed with the GIL held;
 * a waiter sleeps without the GIL until some import lock is released. */

typedef struct ImportLock ImportLock;
struct ImportLock {
    Obj *name;              /* the module's name (a reference) */
    VmThread *owner;        /* the thread importing it */
    int count;              /* the owner's nested acquisitions */
    ImportLock *next;
};

static ImportLock *import_locks;    /* the modules being imported */
static pthread_mutex_t import_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t import_cv = PTHREAD_COND_INITIALIZER;
static unsigned long import_releases;   /* bumped (under import_mu) at each release */

/* A thread's wait, for deadlock detection: the lock it waits for. */
typedef struct ImportWait {
    VmThread *who;          /* the waiting thread */
    ImportLock *lock;       /* what it waits for */
    struct ImportWait *next;
} ImportWait;
static ImportWait *import_waits;

static ImportLock *import_find(Obj *name)
{
    for (ImportLock *l = import_locks; l; l = l->next)
        if (l->name == name || vm_eq(l->name, name) == 1)
            return l;
    return NULL;
}

static ImportLock *waiting_for(VmThread *t)
{
    for (ImportWait *w = import_waits; w; w = w->next)
        if (w->who == t)
            return w->lock;
    return NULL;
}

/* Would me waiting for l close a cycle of waits? */
static bool import_deadlock(VmThread *me, ImportLock *l)
{
    for (int hops = 0; l && hops < 1000; hops++) {
        if (l->owner == me)
            return true;
        l = waiting_for(l->owner);
    }
    return false;
}

bool vm_import_busy(Obj *name)
{
    ImportLock *l = import_find(name);
    return l && l->owner != vm_thread_current();
}

void vm_import_lock(Obj *name)
{
    VmThread *me = vm_thread_current();
    for (;;) {
        ImportLock *l = import_find(name);
        if (!l) {
            l = ls_xmalloc(sizeof *l);
            l->name = vm_newref(name);
            l->owner = me;
            l->count = 1;
            l->next = import_locks;
            import_locks = l;
            return;
        }
        if (l->owner == me) {
            l->count++;
            return;
        }
        if (import_deadlock(me, l))
            return;     /* go on without it: the other thread's partial module is seen */
        ImportWait w = {me, l, import_waits};
        import_waits = &w;
        pthread_mutex_lock(&import_mu);
        unsigned long seen = import_releases;
        pthread_mutex_unlock(&import_mu);
        vm_gil_release();
        pthread_mutex_lock(&import_mu);
        while (import_releases == seen)
            pthread_cond_wait(&import_cv, &import_mu);
        pthread_mutex_unlock(&import_mu);
        vm_gil_acquire();
        for (ImportWait **p = &import_waits; *p; p = &(*p)->next)
            if (*p == &w) {
                *p = w.next;
                break;
            }
    }
}

void vm_import_unlock(Obj *name)
{
    VmThread *me = vm_thread_current();
    for (ImportLock **p = &import_locks; *p; p = &(*p)->next) {
        ImportLock *l = *p;
        if (l->owner != me || !(l->name == name || vm_eq(l->name, name) == 1))
            continue;
        if (--l->count > 0)
            return;
        *p = l->next;
        for (ImportWait *w = import_waits; w; w = w->next)
            if (w->lock == l)
                w->lock = NULL;
        DECREF(l->name);
        free(l);
        pthread_mutex_lock(&import_mu);
        import_releases++;
        pthread_cond_broadcast(&import_cv);
        pthread_mutex_unlock(&import_mu);
        return;
    }
}

/* os.fork()'s child (mod_posix_proc.c): one thread left; the imports the
 * other threads were in the middle of will never finish */
void vm_thread_after_fork(void)
{
    nthreads = 0;
    VmThread *me = vm_thread_current();
    for (ImportLock **p = &import_locks; *p;) {
        ImportLock *l = *p;
        if (l->owner == me) {
            p = &l->next;
            continue;
        }
        *p = l->next;
        DECREF(l->name);
        free(l);
    }
    import_waits = NULL;
    pthread_mutex_init(&import_mu, NULL);
    pthread_cond_init(&import_cv, NULL);
    vm_gil_after_fork_child();
}
