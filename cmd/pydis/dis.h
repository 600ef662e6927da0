/* cmd/pydis/dis.h: the three views of a binary code object that pydis
 * prints: the CPython 3.11 `dis` listing, the `dis.show_code` metadata and
 * the CFG text (formats/cfg.md) that pyasm turns back into the same bytes.
 */
#ifndef DIS_DIS_H
#define DIS_DIS_H

#include <stdio.h>
#include "libstage/io.h"     /* first: code.h needs stdbool.h */
#include "libstage/code.h"

/* `python3 -m dis` layout: co, then every nested code object. */
void dis_listing(FILE *out, const LsCode *co);
/* `dis.show_code` layout, for co and every nested code object. */
void dis_show_code(FILE *out, const LsCode *co);
/* CFG text: the header line, then one section per code object. */
void dis_asm(FILE *out, const LsCode *co);

#endif
