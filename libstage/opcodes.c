/* libstage/opcodes.c: the opcode table and stack effects, built from
 * libstage/opcodes.def (the one list of instructions).  Used by pyasm,
 * pydis and pyvm; see formats/instructions.md. */
#include "libstage/opcodes.h"

#include <string.h>

const OpInfo op_info[OP_NALL] = {
#define OP(name, arg) {#name, OPARG_##arg, false},
#define PSEUDO(name, arg)
#include "libstage/opcodes.def"
#undef OP
#undef PSEUDO
#define OP(name, arg)
#define PSEUDO(name, arg) {#name, OPARG_##arg, true},
#include "libstage/opcodes.def"
#undef OP
#undef PSEUDO
};

static const char *const cmp_names[OP_NCMP] = {"<", "<=", "==", "!=", ">", ">="};

static const char *const binop_names[OP_NBINOP] = {
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
    "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=",
    "/=", "^=",
};

const char *op_cmp_name(int arg)
{
    return arg >= 0 && arg < OP_NCMP ? cmp_names[arg] : NULL;
}

const char *op_binop_name(int arg)
{
    return arg >= 0 && arg < OP_NBINOP ? binop_names[arg] : NULL;
}

int op_by_name(const char *name, size_t len)
{
    for (int i = 0; i < OP_NALL; i++)
        if (strlen(op_info[i].name) == len && memcmp(op_info[i].name, name, len) == 0)
            return i;
    return -1;
}

bool op_has_jump(int op)
{
    return op >= 0 && op < OP_NALL && op_info[op].arg == OPARG_JUMP;
}

bool op_is_block_push(int op)
{
    return op == OP_SETUP_FINALLY || op == OP_SETUP_CLEANUP || op == OP_SETUP_WITH;
}

bool op_is_terminator(int op)
{
    switch (op) {
    case OP_JUMP_FORWARD: case OP_JUMP_BACKWARD:
    case OP_JUMP_BACKWARD_NO_INTERRUPT: case OP_JUMP: case OP_JUMP_NO_INTERRUPT:
    case OP_RETURN_VALUE: case OP_RAISE_VARARGS: case OP_RERAISE:
        return true;
    default:
        return false;
    }
}

int op_stack_effect(int op, int arg, bool jump)
{
    switch (op) {
    /* stack and general */
    case OP_NOP: case OP_RESUME: case OP_SWAP: return 0;
    case OP_POP_TOP: return -1;
    case OP_PUSH_NULL: case OP_COPY: return 1;
    case OP_RETURN_VALUE: case OP_PRINT_EXPR: return -1;
    /* constants and names */
    case OP_LOAD_CONST: case OP_LOAD_NAME: case OP_LOAD_GLOBAL:
    case OP_LOAD_FAST: case OP_LOAD_CLOSURE: case OP_LOAD_DEREF:
    case OP_LOAD_CLASSDEREF: case OP_LOAD_ASSERTION_ERROR:
    case OP_LOAD_BUILD_CLASS: case OP_LOAD_METHOD:
        return 1;
    case OP_STORE_NAME: case OP_STORE_GLOBAL: case OP_STORE_FAST:
    case OP_STORE_DEREF: case OP_DELETE_ATTR:
        return -1;
    case OP_DELETE_NAME: case OP_DELETE_GLOBAL: case OP_DELETE_FAST:
    case OP_DELETE_DEREF: case OP_MAKE_CELL: case OP_COPY_FREE_VARS:
    case OP_LOAD_ATTR: case OP_SETUP_ANNOTATIONS:
        return 0;
    case OP_STORE_ATTR: return -2;
    /* operators */
    case OP_UNARY_POSITIVE: case OP_UNARY_NEGATIVE: case OP_UNARY_NOT:
    case OP_UNARY_INVERT:
        return 0;
    case OP_BINARY_OP: case OP_COMPARE_OP: case OP_IS_OP: case OP_CONTAINS_OP:
    case OP_BINARY_SUBSCR:
        return -1;
    case OP_STORE_SUBSCR: return -3;
    case OP_DELETE_SUBSCR: return -2;
    case OP_BUILD_SLICE: return arg == 3 ? -2 : -1;
    /* building and unpacking */
    case OP_BUILD_TUPLE: case OP_BUILD_LIST: case OP_BUILD_SET:
    case OP_BUILD_STRING:
        return 1 - arg;
    case OP_BUILD_MAP: return 1 - 2 * arg;
    case OP_BUILD_CONST_KEY_MAP: return -arg;
    case OP_LIST_APPEND: case OP_SET_ADD: case OP_LIST_EXTEND:
    case OP_SET_UPDATE: case OP_DICT_UPDATE: case OP_DICT_MERGE:
        return -1;
    case OP_MAP_ADD: return -2;
    case OP_LIST_TO_TUPLE: return 0;
    case OP_UNPACK_SEQUENCE: return arg - 1;
    case OP_UNPACK_EX: return (arg & 0xff) + (arg >> 8);
    case OP_FORMAT_VALUE: return (arg & 0x04) ? -1 : 0;
    /* calls and functions */
    case OP_KW_NAMES: return 0;
    case OP_CALL: return -1 - arg;
    case OP_CALL_FUNCTION_EX: return -2 - ((arg & 0x01) != 0);
    case OP_MAKE_FUNCTION:
        return -((arg & 0x01) != 0) - ((arg & 0x02) != 0)
               - ((arg & 0x04) != 0) - ((arg & 0x08) != 0);
    /* control flow */
    case OP_JUMP_FORWARD: case OP_JUMP_BACKWARD:
    case OP_JUMP_BACKWARD_NO_INTERRUPT: case OP_JUMP: case OP_JUMP_NO_INTERRUPT:
        return 0;
    case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE:
    case OP_POP_JUMP_IF_NONE: case OP_POP_JUMP_IF_NOT_NONE:
        return -1;
    case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP:
        return jump ? 0 : -1;
    case OP_GET_ITER: return 0;
    case OP_FOR_ITER: return jump ? -1 : 1;
    /* exceptions */
    case OP_PUSH_EXC_INFO: return 1;
    case OP_POP_EXCEPT: case OP_RERAISE: return -1;
    case OP_RAISE_VARARGS: return -arg;
    case OP_CHECK_EXC_MATCH: case OP_CHECK_EG_MATCH: return 0;
    case OP_PREP_RERAISE_STAR: return -1;
    case OP_WITH_EXCEPT_START: case OP_BEFORE_WITH: case OP_BEFORE_ASYNC_WITH:
        return 1;
    /* generators and coroutines */
    /* RETURN_GENERATOR: the frame goes on when first resumed, with the
     * sent value (None) pushed; the prologue's POP_TOP removes it. */
    case OP_RETURN_GENERATOR: return 1;
    case OP_YIELD_VALUE: case OP_GET_YIELD_FROM_ITER:
    case OP_GET_AWAITABLE: case OP_GET_AITER: case OP_ASYNC_GEN_WRAP:
        return 0;
    case OP_SEND: return jump ? -1 : 0;
    case OP_GET_ANEXT: return 1;
    case OP_END_ASYNC_FOR: return -2;
    /* imports */
    case OP_IMPORT_NAME: case OP_IMPORT_STAR: return -1;
    case OP_IMPORT_FROM: return 1;
    /* pattern matching */
    case OP_MATCH_CLASS: return -2;
    case OP_MATCH_MAPPING: case OP_MATCH_SEQUENCE: case OP_MATCH_KEYS:
    case OP_GET_LEN:
        return 1;
    /* pseudo-instructions: the "jump" is to the handler */
    case OP_SETUP_FINALLY: case OP_SETUP_WITH: return jump ? 1 : 0;
    case OP_SETUP_CLEANUP: return jump ? 2 : 0;
    case OP_POP_BLOCK: return 0;
    default: return 0;
    }
}

int op_stack_need(int op, int arg)
{
    switch (op) {
    case OP_COPY: case OP_SWAP: return arg;
    case OP_POP_TOP: case OP_RETURN_VALUE: case OP_PRINT_EXPR:
    case OP_STORE_NAME: case OP_STORE_GLOBAL: case OP_STORE_FAST:
    case OP_STORE_DEREF: case OP_LOAD_ATTR: case OP_DELETE_ATTR:
    case OP_LOAD_METHOD:
    case OP_UNARY_POSITIVE: case OP_UNARY_NEGATIVE: case OP_UNARY_NOT:
    case OP_UNARY_INVERT: case OP_LIST_TO_TUPLE: case OP_UNPACK_SEQUENCE:
    case OP_UNPACK_EX: case OP_GET_ITER: case OP_FOR_ITER:
    case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE:
    case OP_POP_JUMP_IF_NONE: case OP_POP_JUMP_IF_NOT_NONE:
    case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP:
    case OP_PUSH_EXC_INFO: case OP_POP_EXCEPT: case OP_BEFORE_WITH:
    case OP_BEFORE_ASYNC_WITH: case OP_YIELD_VALUE: case OP_GET_YIELD_FROM_ITER:
    case OP_GET_AWAITABLE: case OP_GET_AITER: case OP_GET_ANEXT:
    case OP_ASYNC_GEN_WRAP: case OP_IMPORT_FROM: case OP_IMPORT_STAR:
    case OP_MATCH_MAPPING: case OP_MATCH_SEQUENCE: case OP_GET_LEN:
        return 1;
    case OP_STORE_ATTR: case OP_BINARY_OP: case OP_COMPARE_OP: case OP_IS_OP:
    case OP_CONTAINS_OP: case OP_BINARY_SUBSCR: case OP_DELETE_SUBSCR:
    case OP_CHECK_EXC_MATCH: case OP_CHECK_EG_MATCH: case OP_PREP_RERAISE_STAR:
    case OP_SEND: case OP_END_ASYNC_FOR: case OP_IMPORT_NAME: case OP_MATCH_KEYS:
        return 2;
    case OP_STORE_SUBSCR: case OP_MATCH_CLASS: return 3;
    case OP_BUILD_SLICE: return arg;
    case OP_BUILD_TUPLE: case OP_BUILD_LIST: case OP_BUILD_SET:
    case OP_BUILD_STRING: case OP_RAISE_VARARGS:
        return arg;
    case OP_BUILD_MAP: return 2 * arg;
    case OP_BUILD_CONST_KEY_MAP: return arg + 1;
    case OP_LIST_APPEND: case OP_SET_ADD: case OP_LIST_EXTEND:
    case OP_SET_UPDATE: case OP_DICT_UPDATE:
        return arg + 1;
    case OP_MAP_ADD: case OP_DICT_MERGE: return arg + 2;
    case OP_FORMAT_VALUE: return (arg & 0x04) ? 2 : 1;
    case OP_CALL: return arg + 2;
    case OP_CALL_FUNCTION_EX: return (arg & 0x01) ? 4 : 3;
    case OP_MAKE_FUNCTION:
        return 1 + ((arg & 0x01) != 0) + ((arg & 0x02) != 0)
               + ((arg & 0x04) != 0) + ((arg & 0x08) != 0);
    case OP_RERAISE: return arg + 1;
    case OP_WITH_EXCEPT_START: return 4;
    default: return 0;
    }
}
