/* tests/fuzz/endmark.c: end markers of the fuzz targets' static data.
 *
 * Stage: none; part of the fuzz harness (harness.c).  Linked after the
 * tool's objects and libstage and before the sanitizer and libFuzzer
 * runtimes, so that [fz_data_begin, fz_data_end) and [fz_bss_begin,
 * fz_bss_end) cover the tool's initialised and zeroed static variables,
 * which harness.c scans for pointers to blocks it must not free.
 */
char fz_data_end = 1;           /* just past the tool's .data */
char fz_bss_end;                /* just past the tool's .bss */
