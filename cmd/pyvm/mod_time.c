/* cmd/pyvm/mod_time.c: the built-in module time.
 *
 * Stage: pyvm.  Clocks (time, time_ns, monotonic, perf_counter,
 * process_time and their _ns forms, clock_gettime), sleep, and the calendar functions
 * over the C library: gmtime, localtime, mktime, strftime, asctime, ctime,
 * with CPython's struct_time (a 9-tuple with named fields, plus tm_zone
 * and tm_gmtoff as attributes only).
 */
#include "cmd/pyvm/module.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "libstage/buf.h"
#include "cmd/pyvm/exc.h"
#include "cmd/pyvm/float.h"
#include "cmd/pyvm/gil.h"
#include "cmd/pyvm/int.h"
#include "cmd/pyvm/mod_signal.h"
#include "cmd/pyvm/namespace.h"
#include "cmd/pyvm/str.h"
#include "cmd/pyvm/structseq.h"
#include "cmd/pyvm/tuple.h"

/* ---- struct_time ---- */

/* time.struct_time: a struct sequence (structseq.h) of 9 visible fields
 * and tm_zone, tm_gmtoff */
static const char *const st_fields[11] = {
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday",
    "tm_isdst", "tm_zone", "tm_gmtoff",
};
static const StructSeqDesc st_desc = {"time.struct_time", st_fields, 11, 9, true};

static Obj *from_tm(const struct tm *tm)
{
    Obj *v[11];
    v[0] = vm_int_from_i64(tm->tm_year + 1900LL);
    v[1] = vm_int_from_i64(tm->tm_mon + 1);
    v[2] = vm_int_from_i64(tm->tm_mday);
    v[3] = vm_int_from_i64(tm->tm_hour);
    v[4] = vm_int_from_i64(tm->tm_min);
    v[5] = vm_int_from_i64(tm->tm_sec);
    v[6] = vm_int_from_i64((tm->tm_wday + 6) % 7);
    v[7] = vm_int_from_i64(tm->tm_yday + 1);
    v[8] = vm_int_from_i64(tm->tm_isdst);
    v[9] = vm_str_cstr(tm->tm_zone ? tm->tm_zone : "UTC");
    v[10] = vm_int_from_i64(tm->tm_gmtoff);
    return vm_structseq_new(&st_desc, v);
}

/* A struct_time or 9-tuple as a struct tm; -1 on error. */
static int to_tm(Obj *o, struct tm *tm, const char *fname)
{
    Obj *t = o;
    if (!TUPLE_CHECK(t)) {
        vm_err_str(&vm_exc_TypeError, "Tuple or struct_time argument required");
        return -1;
    }
    if (TUPLE_LEN(t) != 9) {
        vm_err_fmt(&vm_exc_TypeError, "%s(): illegal time tuple argument", fname);
        return -1;
    }
    int64_t v[9];
    for (int i = 0; i < 9; i++)
        if (vm_index(TUPLE_ITEMS(t)[i], &v[i], "time tuple") < 0)
            return -1;
    memset(tm, 0, sizeof *tm);
    tm->tm_year = (int)(v[0] - 1900);
    tm->tm_mon = (int)v[1] - 1;
    tm->tm_mday = (int)v[2];
    tm->tm_hour = (int)v[3];
    tm->tm_min = (int)v[4];
    tm->tm_sec = (int)v[5];
    tm->tm_wday = (int)((v[6] + 1) % 7);
    tm->tm_yday = (int)v[7] - 1;
    tm->tm_isdst = (int)v[8];
    if (TYPE(o) == vm_structseq_type(&st_desc)) {
        Obj *zone = TUPLE_ITEMS(o)[9], *gmtoff = TUPLE_ITEMS(o)[10];    /* behind the 9 */
        if (STR_CHECK(zone))
            tm->tm_zone = STR_DATA(zone);
        if (INT_CHECK(gmtoff))
            tm->tm_gmtoff = (long)INT_SMALL(gmtoff);
    }
    return 0;
}

/* ---- clocks ---- */

static double clock_secs(clockid_t c)
{
    struct timespec ts;
    clock_gettime(c, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static Obj *clock_ns(clockid_t c)
{
    struct timespec ts;
    clock_gettime(c, &ts);
    return vm_int_from_i64((int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec);
}

#define CLOCK_FUNCS(fname, clk) \
    static Obj *t_##fname(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) \
    { \
        if (vm_nokw(#fname, kwnames) < 0 || vm_argc(#fname, nargs, 0, 0) < 0) \
            return NULL; \
        return vm_float_new(clock_secs(clk)); \
    } \
    static Obj *t_##fname##_ns(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) \
    { \
        if (vm_nokw(#fname "_ns", kwnames) < 0 || vm_argc(#fname "_ns", nargs, 0, 0) < 0) \
            return NULL; \
        return clock_ns(clk); \
    }
CLOCK_FUNCS(time, CLOCK_REALTIME)
CLOCK_FUNCS(monotonic, CLOCK_MONOTONIC)
CLOCK_FUNCS(perf_counter, CLOCK_MONOTONIC)
CLOCK_FUNCS(process_time, CLOCK_PROCESS_CPUTIME_ID)
CLOCK_FUNCS(thread_time, CLOCK_THREAD_CPUTIME_ID)

/* clock_gettime(clk_id), clock_gettime_ns(clk_id), clock_getres(clk_id) */
static int clock_arg(const char *fname, Obj *const *args, size_t nargs, Obj *kwnames,
                     clockid_t *out)
{
    int64_t id;
    if (vm_nokw(fname, kwnames) < 0 || vm_argc(fname, nargs, 1, 1) < 0
        || vm_index(args[0], &id, "clk_id") < 0)
        return -1;
    *out = (clockid_t)id;
    return 0;
}

static Obj *t_clock_gettime(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    clockid_t c;
    struct timespec ts;
    if (clock_arg("clock_gettime", args, nargs, kwnames, &c) < 0)
        return NULL;
    if (clock_gettime(c, &ts) < 0)
        return vm_err_fmt(&vm_exc_OSError, "[Errno %d] %s", errno, strerror(errno));
    return vm_float_new((double)ts.tv_sec + ts.tv_nsec * 1e-9);
}

static Obj *t_clock_gettime_ns(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    clockid_t c;
    struct timespec ts;
    if (clock_arg("clock_gettime_ns", args, nargs, kwnames, &c) < 0)
        return NULL;
    if (clock_gettime(c, &ts) < 0)
        return vm_err_fmt(&vm_exc_OSError, "[Errno %d] %s", errno, strerror(errno));
    return vm_int_from_i64((int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec);
}

static Obj *t_clock_getres(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    clockid_t c;
    struct timespec ts;
    if (clock_arg("clock_getres", args, nargs, kwnames, &c) < 0)
        return NULL;
    if (clock_getres(c, &ts) < 0)
        return vm_err_fmt(&vm_exc_OSError, "[Errno %d] %s", errno, strerror(errno));
    return vm_float_new((double)ts.tv_sec + ts.tv_nsec * 1e-9);
}

static Obj *t_tzset(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    tzset();
    return vm_newref(VM_NONE);
}

/* A number of seconds (int or float) as a double; TypeError otherwise. */
static int secs_arg(Obj *o, double *out)
{
    if (FLOAT_CHECK(o)) {
        *out = FLOAT_VAL(o);
        return 0;
    }
    if (INT_CHECK(o))
        return vm_int_as_double(o, out);
    vm_err_fmt(&vm_exc_TypeError, "'%s' object cannot be interpreted as an integer",
               vm_tname(o));
    return -1;
}

static Obj *t_sleep(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("sleep", kwnames) < 0 || vm_argc("sleep", nargs, 1, 1) < 0)
        return NULL;
    double d;
    if (!FLOAT_CHECK(args[0]) && !INT_CHECK(args[0]))
        return vm_err_fmt(&vm_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          vm_tname(args[0]));
    if (secs_arg(args[0], &d) < 0)
        return NULL;
    if (isnan(d))
        return vm_err_str(&vm_exc_ValueError, "Invalid value NaN (not a number)");
    if (d < 0)
        return vm_err_str(&vm_exc_ValueError, "sleep length must be non-negative");
    fflush(stdout);
    struct timespec ts = {(time_t)d, (long)((d - floor(d)) * 1e9)};
    while (vm_blocking_nanosleep(&ts, &ts) < 0 && errno == EINTR)
        if (vm_signal_check() < 0)      /* PEP 475: a handler raised, else sleep on */
            return NULL;
    return vm_newref(VM_NONE);
}

/* The optional seconds argument of gmtime/localtime/ctime as a time_t. */
static int when_arg(Obj *const *args, size_t nargs, time_t *out)
{
    if (nargs == 0 || args[0] == VM_NONE) {
        *out = time(NULL);
        return 0;
    }
    double d;
    if (secs_arg(args[0], &d) < 0)
        return -1;
    if (isnan(d)) {
        vm_err_str(&vm_exc_ValueError, "Invalid value NaN (not a number)");
        return -1;
    }
    d = floor(d);
    if (d < -67768040609740800.0 || d > 67768036191676799.0) {
        vm_err_str(&vm_exc_OverflowError, "timestamp out of range for platform time_t");
        return -1;
    }
    *out = (time_t)d;
    return 0;
}

static Obj *t_gmtime(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    time_t t;
    struct tm tm;
    if (vm_nokw("gmtime", kwnames) < 0 || vm_argc("gmtime", nargs, 0, 1) < 0
        || when_arg(args, nargs, &t) < 0)
        return NULL;
    if (!gmtime_r(&t, &tm))
        return vm_err_str(&vm_exc_OverflowError, "timestamp out of range for platform time_t");
    return from_tm(&tm);
}

static Obj *t_localtime(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    time_t t;
    struct tm tm;
    if (vm_nokw("localtime", kwnames) < 0 || vm_argc("localtime", nargs, 0, 1) < 0
        || when_arg(args, nargs, &t) < 0)
        return NULL;
    if (!localtime_r(&t, &tm))
        return vm_err_str(&vm_exc_OverflowError, "timestamp out of range for platform time_t");
    return from_tm(&tm);
}

static Obj *t_mktime(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    struct tm tm;
    if (vm_nokw("mktime", kwnames) < 0 || vm_argc("mktime", nargs, 1, 1) < 0
        || to_tm(args[0], &tm, "mktime") < 0)
        return NULL;
    tm.tm_wday = -1;
    time_t t = mktime(&tm);
    if (t == (time_t)-1 && tm.tm_wday == -1)
        return vm_err_str(&vm_exc_OverflowError, "mktime argument out of range");
    return vm_float_new((double)t);
}

/* The time tuple argument (or now, local time) of strftime/asctime. */
static int tm_arg(Obj *const *args, size_t nargs, size_t i, struct tm *tm, const char *fname)
{
    if (nargs <= i) {
        time_t t = time(NULL);
        localtime_r(&t, tm);
        return 0;
    }
    return to_tm(args[i], tm, fname);
}

static Obj *t_strftime(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    struct tm tm;
    if (vm_nokw("strftime", kwnames) < 0 || vm_argc("strftime", nargs, 1, 2) < 0)
        return NULL;
    if (!STR_CHECK(args[0]))
        return vm_err_fmt(&vm_exc_TypeError, "strftime() argument 1 must be str, not %s",
                          vm_tname(args[0]));
    if (tm_arg(args, nargs, 1, &tm, "strftime") < 0)
        return NULL;
    if (tm.tm_mon < 0 || tm.tm_mon > 11)
        return vm_err_str(&vm_exc_ValueError, "month out of range");
    if (tm.tm_mday < 0 || tm.tm_mday > 31)
        return vm_err_str(&vm_exc_ValueError, "day of month out of range");
    if (tm.tm_hour < 0 || tm.tm_hour > 23)
        return vm_err_str(&vm_exc_ValueError, "hour out of range");
    if (tm.tm_min < 0 || tm.tm_min > 59)
        return vm_err_str(&vm_exc_ValueError, "minute out of range");
    if (tm.tm_sec < 0 || tm.tm_sec > 61)
        return vm_err_str(&vm_exc_ValueError, "seconds out of range");
    if (tm.tm_yday < -1 || tm.tm_yday > 365)
        return vm_err_str(&vm_exc_ValueError, "day of year out of range");
    if (tm.tm_mday == 0)
        tm.tm_mday = 1;
    if (tm.tm_yday < 0)
        tm.tm_yday = 0;
    const char *fmt = STR_DATA(args[0]);
    if (!*fmt)
        return vm_str_new("", 0);
    for (size_t cap = 256;; cap *= 2) {
        char *out = malloc(cap);
        if (!out)
            return vm_err_nomem();
        size_t n = strftime(out, cap, fmt, &tm);
        if (n > 0 || cap > 256 * (size_t)STR_LEN(args[0]) + 4096) {
            Obj *s = vm_str_new(out, n);
            free(out);
            return s;
        }
        free(out);
    }
}

static Obj *asctime_of(const struct tm *tm)
{
    static const char days[] = "SunMonTueWedThuFriSat", mons[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    char buf[64];
    int wd = tm->tm_wday >= 0 && tm->tm_wday < 7 ? tm->tm_wday : 0;
    int mo = tm->tm_mon >= 0 && tm->tm_mon < 12 ? tm->tm_mon : 0;
    snprintf(buf, sizeof buf, "%.3s %.3s%3d %.2d:%.2d:%.2d %d", days + 3 * wd, mons + 3 * mo,
             tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec, 1900 + tm->tm_year);
    return vm_str_cstr(buf);
}

static Obj *t_asctime(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    struct tm tm;
    if (vm_nokw("asctime", kwnames) < 0 || vm_argc("asctime", nargs, 0, 1) < 0
        || tm_arg(args, nargs, 0, &tm, "asctime") < 0)
        return NULL;
    return asctime_of(&tm);
}

static Obj *t_ctime(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    time_t t;
    struct tm tm;
    if (vm_nokw("ctime", kwnames) < 0 || vm_argc("ctime", nargs, 0, 1) < 0
        || when_arg(args, nargs, &t) < 0)
        return NULL;
    localtime_r(&t, &tm);
    return asctime_of(&tm);
}

/* time.strptime(string, format='%a %b %d %H:%M:%S %Y'): the pure-Python
 * _strptime module does the work, as in CPython. */
static Obj *t_strptime(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("strptime", kwnames) < 0 || vm_argc("strptime", nargs, 1, 2) < 0)
        return NULL;
    Obj *name = vm_str_cstr("_strptime");
    Obj *mod = vm_import_abs(name);
    DECREF(name);
    if (!mod)
        return NULL;
    Obj *fn = vm_getattr(mod, vm_str_intern("_strptime_time", 14));
    DECREF(mod);
    if (!fn)
        return NULL;
    Obj *r = vm_call(fn, args, nargs, NULL);
    DECREF(fn);
    return r;
}

/* time.get_clock_info(name): how each clock is read here (CPython's
 * answers on Linux). */
static Obj *t_get_clock_info(Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)
{
    if (vm_nokw("get_clock_info", kwnames) < 0 || vm_argc("get_clock_info", nargs, 1, 1) < 0)
        return NULL;
    if (!STR_CHECK(args[0]))
        return vm_err_fmt(&vm_exc_TypeError, "get_clock_info() argument must be str, not %s",
                          vm_tname(args[0]));
    static const struct { const char *name, *impl; bool monotonic; } clocks[] = {
        {"time", "clock_gettime(CLOCK_REALTIME)", false},
        {"monotonic", "clock_gettime(CLOCK_MONOTONIC)", true},
        {"perf_counter", "clock_gettime(CLOCK_MONOTONIC)", true},
        {"process_time", "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", true},
        {"thread_time", "clock_gettime(CLOCK_THREAD_CPUTIME_ID)", true},
    };
    for (size_t i = 0; i < sizeof clocks / sizeof *clocks; i++) {
        if (!vm_str_eqc(args[0], clocks[i].name))
            continue;
        Obj *ns = vm_namespace_new();
        vm_namespace_set(ns, "implementation", vm_str_cstr(clocks[i].impl));
        vm_namespace_set(ns, "monotonic", VM_BOOL(clocks[i].monotonic));
        vm_namespace_set(ns, "adjustable", VM_BOOL(!clocks[i].monotonic));
        vm_namespace_set(ns, "resolution", vm_float_new(1e-09));
        return ns;
    }
    return vm_err_str(&vm_exc_ValueError, "unknown clock");
}

Obj *vm_mod_time(void)
{
    Obj *m = vm_module_new("time");
    if (!m)
        return NULL;
    static const MethodDef funcs[] = {
        {"time", t_time}, {"time_ns", t_time_ns},
        {"monotonic", t_monotonic}, {"monotonic_ns", t_monotonic_ns},
        {"perf_counter", t_perf_counter}, {"perf_counter_ns", t_perf_counter_ns},
        {"process_time", t_process_time}, {"process_time_ns", t_process_time_ns},
        {"thread_time", t_thread_time}, {"thread_time_ns", t_thread_time_ns},
        {"sleep", t_sleep}, {"gmtime", t_gmtime}, {"localtime", t_localtime},
        {"mktime", t_mktime}, {"strftime", t_strftime}, {"asctime", t_asctime},
        {"ctime", t_ctime}, {"clock_gettime", t_clock_gettime},
        {"clock_gettime_ns", t_clock_gettime_ns}, {"clock_getres", t_clock_getres},
        {"tzset", t_tzset}, {"strptime", t_strptime}, {"get_clock_info", t_get_clock_info},
        {NULL, NULL},
    };
    for (const MethodDef *f = funcs; f->name; f++)
        vm_module_add_func(m, f->name, f->fn);
    vm_module_add(m, "struct_time", (Obj *)vm_structseq_type(&st_desc));
    Obj *items = vm_int_from_i64(11);     /* what _strptime slices its result to */
    vm_module_add(m, "_STRUCT_TM_ITEMS", items);
    DECREF(items);
    static const struct { const char *name; int id; } clocks[] = {
        {"CLOCK_REALTIME", CLOCK_REALTIME}, {"CLOCK_MONOTONIC", CLOCK_MONOTONIC},
        {"CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW},
        {"CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID},
        {"CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID}, {"CLOCK_BOOTTIME", CLOCK_BOOTTIME},
        {"CLOCK_TAI", CLOCK_TAI},
    };
    for (size_t i = 0; i < sizeof clocks / sizeof *clocks; i++) {
        Obj *c = vm_int_from_i64(clocks[i].id);
        vm_module_add(m, clocks[i].name, c);
        DECREF(c);
    }
    tzset();
    Obj *v = vm_int_from_i64(timezone);
    vm_module_add(m, "timezone", v);
    DECREF(v);
    v = vm_int_from_i64(daylight ? timezone - 3600 : timezone);
    vm_module_add(m, "altzone", v);
    DECREF(v);
    v = vm_int_from_i64(daylight);
    vm_module_add(m, "daylight", v);
    DECREF(v);
    Obj *names[2] = {vm_str_cstr(tzname[0]), vm_str_cstr(tzname[1])};
    v = vm_tuple_from(names, 2);
    DECREF(names[0]);
    DECREF(names[1]);
    vm_module_add(m, "tzname", v);
    DECREF(v);
    return m;
}
