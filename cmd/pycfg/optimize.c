/* cmd/pycfg/optimize.c: CFG clean-up and peephole passes for one code
 * object, in the order of CPython 3.11's assemble()/optimize_cfg().
 *
 * Stage: pycfg.  Works on the in-memory CFG (libstage/cfg.h) before it is
 * written as format "cfg".
 */
#include "cmd/pycfg/optimize.h"

#include <string.h>
#include "cmd/pycfg/fold.h"

/* CPython copies exit blocks of at most this many instructions. */
#define MAX_COPY_SIZE 4

static CfgInstr *last_instr(CfgBlock *b)
{
    return b->n ? &b->instrs[b->n - 1] : NULL;
}

static bool is_jump_op(int op)
{
    return op_has_jump(op) && !op_is_block_push(op);
}

static bool is_exit_block(CfgBlock *b)
{
    CfgInstr *l = last_instr(b);
    return l && (l->op == OP_RETURN_VALUE || l->op == OP_RAISE_VARARGS || l->op == OP_RERAISE);
}

/* Does control fall off the end of b into b->next? */
static bool falls_through(CfgBlock *b)
{
    CfgInstr *l = last_instr(b);
    return !l || !op_is_terminator(l->op);
}

static void copy_loc(CfgInstr *to, const CfgInstr *from)
{
    to->pos = from->pos;
}

/* Skip empty blocks in the layout chain and in every jump target. */
static void eliminate_empty_blocks(CfgCode *code)
{
    for (CfgBlock *b = code->entry; b; b = b->next) {
        CfgBlock *next = b->next;
        if (next) {
            while (next->n == 0 && next->next)
                next = next->next;
            b->next = next;
        }
    }
    for (CfgBlock *b = code->entry; b; b = b->next)
        for (int i = 0; i < b->n; i++) {
            CfgInstr *in = &b->instrs[i];
            if (op_has_jump(in->op) && in->target)
                while (in->target->n == 0 && in->target->next)
                    in->target = in->target->next;
        }
}

/* jump_thread: retarget inst to the target of the jump at the head of its
 * target, under CPython's line-number condition. */
static bool jump_thread(CfgInstr *inst, const CfgInstr *target, int op)
{
    if (inst->pos.lineno == target->pos.lineno && inst->target != target->target) {
        inst->target = target->target;
        inst->op = op;
        return true;
    }
    return false;
}

/* fold_tuple_on_constants: LOAD_CONST x n; BUILD_TUPLE n -> LOAD_CONST (x, ...),
 * the tuple at the BUILD_TUPLE's place and location, the loads become NOPs. */
static void fold_tuple(CfgBlock *bb, int i, Arena *a)
{
    CfgInstr *build = &bb->instrs[i];
    int n = build->arg;
    if (i < n)
        return;
    for (int k = i - n; k < i; k++)
        if (bb->instrs[k].op != OP_LOAD_CONST || bb->instrs[k].code)
            return;
    Const **items = arena_alloc(a, (size_t)(n + 1) * sizeof *items);
    for (int k = 0; k < n; k++) {
        items[k] = (Const *)bb->instrs[i - n + k].cst;
        bb->instrs[i - n + k].op = OP_NOP;
    }
    build->op = OP_LOAD_CONST;
    build->cst = cfg_const_tuple(a, items, (size_t)n);
    build->arg = 0;
}

/* apply_static_swaps: SWAP n followed by stores (STORE_FAST, POP_TOP) on one
 * line is done by exchanging the stores instead of the values. */
static bool swappable(int op)
{
    return op == OP_STORE_FAST || op == OP_POP_TOP;
}

static int next_swappable(CfgBlock *bb, int i, int lineno)
{
    while (++i < bb->n) {
        CfgInstr *in = &bb->instrs[i];
        if (lineno >= 0 && in->pos.lineno != lineno)
            return -1;
        if (in->op == OP_NOP)
            continue;
        return swappable(in->op) ? i : -1;
    }
    return -1;
}

static void apply_static_swaps(CfgBlock *bb, int i)
{
    for (; i >= 0; i--) {
        CfgInstr *swap = &bb->instrs[i];
        if (swap->op != OP_SWAP) {
            if (swap->op == OP_NOP || swappable(swap->op))
                continue;
            return;
        }
        int j = next_swappable(bb, i, -1);
        if (j < 0)
            return;
        int k = j, lineno = bb->instrs[j].pos.lineno;
        for (int count = swap->arg - 1; count > 0; count--) {
            k = next_swappable(bb, k, lineno);
            if (k < 0)
                return;
        }
        swap->op = OP_NOP;
        CfgInstr t = bb->instrs[j];
        bb->instrs[j] = bb->instrs[k];
        bb->instrs[k] = t;
    }
}

/* swaptimize: a run of SWAPs (and NOPs) replaced by the fewest SWAPs with
 * the same effect; *ix moves to the run's last instruction. */
static void swaptimize(CfgBlock *bb, int *ix, Arena *a)
{
    CfgInstr *ins = &bb->instrs[*ix];
    int depth = ins[0].arg, len = 0, limit = bb->n - *ix;
    bool more = false;
    while (++len < limit) {
        if (ins[len].op == OP_SWAP) {
            if (ins[len].arg > depth)
                depth = ins[len].arg;
            more = true;
        } else if (ins[len].op != OP_NOP) {
            break;
        }
    }
    if (!more)
        return;
    enum { VISITED = -1 };
    int *stack = arena_alloc(a, (size_t)depth * sizeof *stack);
    for (int i = 0; i < depth; i++)
        stack[i] = i;
    for (int i = 0; i < len; i++)
        if (ins[i].op == OP_SWAP) {
            int arg = ins[i].arg, top = stack[0];
            stack[0] = stack[arg - 1];
            stack[arg - 1] = top;
        }
    int current = len - 1;
    for (int i = 0; i < depth; i++) {
        if (stack[i] == VISITED || stack[i] == i)
            continue;
        int j = i;
        for (;;) {
            if (j) {
                ins[current].op = OP_SWAP;
                ins[current--].arg = j + 1;
            }
            if (stack[j] == VISITED)
                break;
            int next_j = stack[j];
            stack[j] = VISITED;
            j = next_j;
        }
    }
    while (current >= 0)
        ins[current--].op = OP_NOP;
    *ix += len - 1;
}

/* optimize_basic_block (the parts of it this compiler needs). */
static void optimize_block(CfgBlock *bb, Arena *a)
{
    for (int i = 0; i < bb->n; i++) {
        CfgInstr *inst = &bb->instrs[i];
        int nextop = i + 1 < bb->n ? bb->instrs[i + 1].op : 0;
        CfgInstr *target = NULL;
        if (is_jump_op(inst->op) && inst->target && inst->target->n)
            target = &inst->target->instrs[0];
        switch (inst->op) {
        case OP_LOAD_CONST: {
            if (inst->code || i + 1 >= bb->n)
                break;
            int truth = cfg_const_truth(inst->cst);
            if (truth < 0)
                break;
            if (i + 1 >= bb->n)
                break;
            if (nextop == OP_POP_JUMP_IF_FALSE || nextop == OP_POP_JUMP_IF_TRUE) {
                bool jump_if_true = nextop == OP_POP_JUMP_IF_TRUE;
                inst->op = OP_NOP;
                if ((truth == 1) == jump_if_true)
                    bb->instrs[i + 1].op = OP_JUMP;
                else
                    bb->instrs[i + 1].op = OP_NOP;
            } else if (nextop == OP_IS_OP && inst->cst->kind == CONST_NONE && i + 2 < bb->n) {
                /* LOAD_CONST None; IS_OP; POP_JUMP_IF_* -> POP_JUMP_IF_[NOT_]NONE */
                CfgInstr *jump = &bb->instrs[i + 2];
                bool invert = bb->instrs[i + 1].arg != 0;
                if (jump->op == OP_POP_JUMP_IF_FALSE)
                    invert = !invert;
                else if (jump->op != OP_POP_JUMP_IF_TRUE)
                    break;
                inst->op = OP_NOP;
                bb->instrs[i + 1].op = OP_NOP;
                jump->op = invert ? OP_POP_JUMP_IF_NOT_NONE : OP_POP_JUMP_IF_NONE;
            } else if (nextop == OP_JUMP_IF_FALSE_OR_POP || nextop == OP_JUMP_IF_TRUE_OR_POP) {
                bool jump_if_true = nextop == OP_JUMP_IF_TRUE_OR_POP;
                if ((truth == 1) == jump_if_true) {
                    bb->instrs[i + 1].op = OP_JUMP;
                } else {
                    inst->op = OP_NOP;
                    bb->instrs[i + 1].op = OP_NOP;
                }
            }
            break;
        }
        case OP_SWAP:
            if (inst->arg == 1) {
                inst->op = OP_NOP;
                break;
            }
            swaptimize(bb, &i, a);
            apply_static_swaps(bb, i);
            break;
        case OP_PUSH_NULL:
            /* CPython merges PUSH_NULL into the LOAD_GLOBAL that follows
             * (LOAD_GLOBAL NULL + name), which has that one's location */
            if (nextop == OP_LOAD_GLOBAL)
                inst->pos = bb->instrs[i + 1].pos;
            break;
        case OP_BUILD_TUPLE:
            if (nextop == OP_UNPACK_SEQUENCE && bb->instrs[i + 1].arg == inst->arg) {
                if (inst->arg == 1) {
                    inst->op = OP_NOP;
                    bb->instrs[i + 1].op = OP_NOP;
                } else if (inst->arg == 2 || inst->arg == 3) {
                    inst->op = OP_NOP;
                    bb->instrs[i + 1].op = OP_SWAP;
                }
                break;  /* the SWAP is looked at next */
            }
            fold_tuple(bb, i, a);
            break;
        case OP_JUMP_IF_FALSE_OR_POP:
            if (!target)
                break;
            switch (target->op) {
            case OP_POP_JUMP_IF_FALSE:
                if (jump_thread(inst, target, OP_POP_JUMP_IF_FALSE))
                    i--;
                break;
            case OP_JUMP:
            case OP_JUMP_IF_FALSE_OR_POP:
                if (jump_thread(inst, target, OP_JUMP_IF_FALSE_OR_POP))
                    i--;
                break;
            case OP_JUMP_IF_TRUE_OR_POP:
            case OP_POP_JUMP_IF_TRUE:
                if (inst->pos.lineno == target->pos.lineno && inst->target->next) {
                    inst->op = OP_POP_JUMP_IF_FALSE;
                    inst->target = inst->target->next;
                    i--;
                }
                break;
            }
            break;
        case OP_JUMP_IF_TRUE_OR_POP:
            if (!target)
                break;
            switch (target->op) {
            case OP_POP_JUMP_IF_TRUE:
                if (jump_thread(inst, target, OP_POP_JUMP_IF_TRUE))
                    i--;
                break;
            case OP_JUMP:
            case OP_JUMP_IF_TRUE_OR_POP:
                if (jump_thread(inst, target, OP_JUMP_IF_TRUE_OR_POP))
                    i--;
                break;
            case OP_JUMP_IF_FALSE_OR_POP:
            case OP_POP_JUMP_IF_FALSE:
                if (inst->pos.lineno == target->pos.lineno && inst->target->next) {
                    inst->op = OP_POP_JUMP_IF_TRUE;
                    inst->target = inst->target->next;
                    i--;
                }
                break;
            }
            break;
        case OP_POP_JUMP_IF_FALSE:
        case OP_POP_JUMP_IF_TRUE:
        case OP_POP_JUMP_IF_NONE:
        case OP_POP_JUMP_IF_NOT_NONE:
            if (target && target->op == OP_JUMP && jump_thread(inst, target, inst->op))
                i--;
            break;
        case OP_JUMP:
            if (target && target->op == OP_JUMP && jump_thread(inst, target, OP_JUMP))
                i--;
            break;
        default:
            break;
        }
    }
}

/* clean_basic_block: drop NOPs that carry no line number of their own. */
static void clean_block(CfgBlock *bb)
{
    int dest = 0, prev_lineno = -1;
    for (int src = 0; src < bb->n; src++) {
        CfgInstr *in = &bb->instrs[src];
        int lineno = in->pos.lineno;
        if (in->op == OP_NOP) {
            if (lineno < 0)
                continue;
            if (prev_lineno == lineno)
                continue;
            if (src < bb->n - 1) {
                int next_lineno = bb->instrs[src + 1].pos.lineno;
                if (next_lineno < 0) {
                    copy_loc(&bb->instrs[src + 1], in);
                    continue;
                }
                if (next_lineno == lineno)
                    continue;
            } else {
                CfgBlock *next = bb->next;
                while (next && next->n == 0)
                    next = next->next;
                if (next && lineno == next->instrs[0].pos.lineno)
                    continue;
            }
        }
        if (dest != src)
            bb->instrs[dest] = *in;
        dest++;
        prev_lineno = lineno;
    }
    bb->n = dest;
}

/* The final clean_basic_block of CPython's assemble() runs after the
 * SETUP_* and POP_BLOCK pseudo-instructions have become NOPs, so one of
 * them that carries the only instruction of a line (e.g. `try:`) survives
 * as a NOP.  pyasm gives pseudo-instructions no slot, so that NOP is made
 * explicit here, in front of the pseudo-instruction. */
static bool nop_like(int op)
{
    return op == OP_NOP || op_is_block_push(op) || op == OP_POP_BLOCK;
}

static void final_clean(CfgBlock *bb, Arena *a)
{
    int cap = 2 * bb->n + 1;
    CfgInstr *out = arena_alloc(a, (size_t)cap * sizeof *out);
    int dest = 0, prev_lineno = -1;
    for (int src = 0; src < bb->n; src++) {
        CfgInstr *in = &bb->instrs[src];
        int lineno = in->pos.lineno;
        bool keep = true;
        if (nop_like(in->op)) {
            if (lineno < 0 || prev_lineno == lineno) {
                keep = false;
            } else if (src < bb->n - 1) {
                int next_lineno = bb->instrs[src + 1].pos.lineno;
                if (next_lineno < 0) {
                    copy_loc(&bb->instrs[src + 1], in);
                    keep = false;
                } else if (next_lineno == lineno) {
                    keep = false;
                }
            } else {
                CfgBlock *next = bb->next;
                while (next && next->n == 0)
                    next = next->next;
                if (next && lineno == next->instrs[0].pos.lineno)
                    keep = false;
            }
        }
        if (keep) {
            if (in->op != OP_NOP && nop_like(in->op)) {
                CfgInstr nop = *in;
                nop.op = OP_NOP;
                nop.target = NULL;
                out[dest++] = nop;
            }
            prev_lineno = lineno;
        }
        if (keep || in->op != OP_NOP)
            out[dest++] = *in;
    }
    bb->instrs = out;
    bb->n = dest;
    bb->cap = cap;
}

static bool is_exit_without_lineno(CfgBlock *b)
{
    if (!is_exit_block(b))
        return false;
    for (int i = 0; i < b->n; i++)
        if (b->instrs[i].pos.lineno >= 0)
            return false;
    return true;
}

/* extend_block: replace a jump to a small exit block by a copy of it. */
static void extend_block(CfgBlock *bb, Arena *a)
{
    CfgInstr *last = last_instr(bb);
    if (!last || !(last->op == OP_JUMP || last->op == OP_JUMP_FORWARD || last->op == OP_JUMP_BACKWARD))
        return;
    CfgBlock *to = last->target;
    if (!to || !is_exit_without_lineno(to) || to->n > MAX_COPY_SIZE || to == bb)
        return;
    last->op = OP_NOP;
    int n = to->n;
    for (int i = 0; i < n; i++)
        *cfg_block_add(bb, a) = to->instrs[i];
}

/* mark_reachable: count predecessors; unreachable blocks are emptied. */
static void mark_reachable(CfgCode *code, Arena *a)
{
    int nblocks = 0;
    for (CfgBlock *b = code->blocks; b; b = b->alloc_next) {
        b->preds = 0;
        b->visited = false;
        nblocks++;
    }
    CfgBlock **stack = arena_alloc(a, (size_t)(nblocks + 1) * sizeof *stack);
    int sp = 0;
    stack[sp++] = code->entry;
    code->entry->visited = true;
    code->entry->preds = 1;
    while (sp) {
        CfgBlock *b = stack[--sp];
        if (falls_through(b) && b->next) {
            if (!b->next->visited) {
                b->next->visited = true;
                stack[sp++] = b->next;
            }
            b->next->preds++;
        }
        for (int i = 0; i < b->n; i++) {
            CfgInstr *in = &b->instrs[i];
            if (op_has_jump(in->op) && in->target) {
                if (!in->target->visited) {
                    in->target->visited = true;
                    stack[sp++] = in->target;
                }
                in->target->preds++;
            }
        }
    }
}

static void remove_unreachable(CfgCode *code, Arena *a)
{
    mark_reachable(code, a);
    for (CfgBlock *b = code->entry; b; b = b->next)
        if (b->preds == 0)
            b->n = 0;
    eliminate_empty_blocks(code);
}

/* duplicate_exits_without_lineno */
static void duplicate_exits(CfgCode *code, Arena *a)
{
    /* CPython walks its block list, newest block first */
    for (CfgBlock *b = code->blocks; b; b = b->alloc_next) {
        CfgInstr *last = last_instr(b);
        if (!last || !is_jump_op(last->op) || !last->target)
            continue;
        CfgBlock *target = last->target;
        if (is_exit_without_lineno(target) && target->preds > 1) {
            CfgBlock *copy = cfg_block_new(code, a);
            for (int i = 0; i < target->n; i++)
                *cfg_block_add(copy, a) = target->instrs[i];
            copy_loc(&copy->instrs[0], last);
            last->target = copy;
            target->preds--;
            copy->preds = 1;
            copy->next = target->next;
            target->next = copy;
        }
    }
    for (CfgBlock *b = code->blocks; b; b = b->alloc_next)
        if (falls_through(b) && b->next && b->n > 0 && is_exit_without_lineno(b->next))
            copy_loc(&b->next->instrs[0], &b->instrs[b->n - 1]);
}

/* propagate_line_numbers */
static void propagate_lines(CfgCode *code)
{
    for (CfgBlock *b = code->entry; b; b = b->next) {
        if (b->n == 0)
            continue;
        CfgInstr prev;
        memset(&prev, 0, sizeof prev);
        prev.pos.lineno = prev.pos.end_lineno = prev.pos.col = prev.pos.end_col = -1;
        for (int i = 0; i < b->n; i++) {
            if (b->instrs[i].pos.lineno < 0)
                copy_loc(&b->instrs[i], &prev);
            else
                prev = b->instrs[i];
        }
        if (falls_through(b) && b->next && b->next->preds == 1 && b->next->n &&
            b->next->instrs[0].pos.lineno < 0)
            copy_loc(&b->next->instrs[0], &prev);
        CfgInstr *last = &b->instrs[b->n - 1];
        if (is_jump_op(last->op) && last->target && last->target->preds == 1 &&
            last->target->n && last->target->instrs[0].pos.lineno < 0)
            copy_loc(&last->target->instrs[0], &prev);
    }
}

/* guarantee_lineno_for_exits */
static void lineno_for_exits(CfgCode *code)
{
    int lineno = code->firstlineno;
    for (CfgBlock *b = code->entry; b; b = b->next) {
        if (b->n == 0)
            continue;
        CfgInstr *last = &b->instrs[b->n - 1];
        if (last->pos.lineno < 0) {
            if (last->op == OP_RETURN_VALUE)
                for (int i = 0; i < b->n; i++)
                    b->instrs[i].pos.lineno = lineno;
        } else {
            lineno = last->pos.lineno;
        }
    }
}

void cfg_optimize(CfgCode *code, Arena *a, int optimize)
{
    eliminate_empty_blocks(code);
    /* CPython extends blocks in its block list order: newest first */
    for (CfgBlock *b = code->blocks; b; b = b->alloc_next)
        extend_block(b, a);
    if (optimize)
        for (CfgBlock *b = code->entry; b; b = b->next) {
            optimize_block(b, a);
            clean_block(b);
        }
    for (CfgBlock *b = code->blocks; b; b = b->alloc_next)
        extend_block(b, a);
    remove_unreachable(code, a);
    for (CfgBlock *b = code->entry; b; b = b->next)
        clean_block(b);
    bool empties = false;
    for (CfgBlock *b = code->entry; b; b = b->next) {
        CfgInstr *last = last_instr(b);
        if (last && (last->op == OP_JUMP || last->op == OP_JUMP_NO_INTERRUPT) &&
            last->target == b->next) {
            last->op = OP_NOP;
            empties = true;
        }
    }
    if (empties) {
        for (CfgBlock *b = code->entry; b; b = b->next)
            clean_block(b);
        eliminate_empty_blocks(code);
    }
    mark_reachable(code, a);
    duplicate_exits(code, a);
    mark_reachable(code, a);
    propagate_lines(code);
    lineno_for_exits(code);
    for (CfgBlock *b = code->entry; b; b = b->next)
        final_clean(b, a);
    /* Drop any empty blocks left behind, including at the end. */
    eliminate_empty_blocks(code);
    for (CfgBlock *b = code->entry; b; b = b->next)
        if (b->next && b->next->n == 0 && !b->next->next)
            b->next = NULL;
}
