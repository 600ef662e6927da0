/* cmd/pycfg/optimize.h: the CFG passes run on each finished code object.
 *
 * Stage: pycfg.  As CPython 3.11's assemble(): peephole optimisation of
 * constant conditions and jump threading (when optimize is on), copying
 * small exit blocks over jumps to them, removal of unreachable blocks, NOPs
 * and jumps to the next block, then line numbers for instructions that
 * have none (duplicate_exits_without_lineno, propagate_line_numbers,
 * guarantee_lineno_for_exits).  Unreachable code is removed even at -O0,
 * because its stack depth is undefined.
 */
#ifndef PYCFG_OPTIMIZE_H
#define PYCFG_OPTIMIZE_H

#include "libstage/arena.h"
#include "libstage/cfg.h"

void cfg_optimize(CfgCode *code, Arena *a, int optimize);

#endif
