# tests/cases/pycfg/normalize.awk: pycfg's output (format cfg) in the form
# tests/gen/pycfg.sh writes CPython's bytecode: per code object a line
# "== QUALNAME argc=.. posonly=.. kwonly=.. flags=N vars=name:kind,...",
# then one instruction per line, pseudo-ops SETUP_*/POP_BLOCK dropped (they
# occupy no slot), jump targets as instruction indices ("->N").
function flush(   i, line, n, lab) {
    if (!incode) return
    printf "== %s argc=%d posonly=%d kwonly=%d flags=%d vars=%s\n", qual, argc, posonly, kwonly, flags, vars
    for (i = 0; i < nconst; i++) print "const " consts[i]
    for (i = 0; i < nname; i++) print "name " names[i]
    for (i = 0; i < ni; i++) {
        line = ins[i]
        if (match(line, / L[0-9]+( |$)/)) {
            lab = substr(line, RSTART + 1, RLENGTH - 1); sub(/ $/, "", lab)
            line = substr(line, 1, RSTART) "->" labidx[lab] substr(line, RSTART + RLENGTH - ((substr(line, RSTART + RLENGTH - 1, 1) == " ") ? 1 : 0))
        }
        print line
    }
    incode = 0
}
# Split the items of a literal list "a, (b, c), 'd, e'" at top-level ", ".
function split_items(s, out,   n, i, c, depth, q, cur) {
    n = 0; depth = 0; q = ""; cur = ""
    for (i = 1; i <= length(s); i++) {
        c = substr(s, i, 1)
        if (q != "") {
            cur = cur c
            if (c == "\\") { i++; cur = cur substr(s, i, 1) }
            else if (c == q) q = ""
            continue
        }
        if (c == "'" || c == "\"") q = c
        else if (c == "(" || c == "[" || c == "{") depth++
        else if (c == ")" || c == "]" || c == "}") depth--
        else if (c == "," && depth == 0 && substr(s, i + 1, 1) == " ") { out[++n] = cur; cur = ""; i++; continue }
        cur = cur c
    }
    out[++n] = cur
    return n
}
# frozenset items sorted (CPython's repr order is the hash order)
function sortfs(line,   body, n, i, j, v, it) {
    if (!match(line, /frozenset\(\{.*\}\)/)) return line
    body = substr(line, RSTART + 11, RLENGTH - 13)
    n = split_items(body, it)
    for (i = 2; i <= n; i++) { v = it[i]; for (j = i - 1; j >= 1 && (it[j] "") > (v ""); j--) it[j + 1] = it[j]; it[j + 1] = v }
    body = it[1]; for (i = 2; i <= n; i++) body = body ", " it[i]
    return substr(line, 1, RSTART + 10) body substr(line, RSTART + RLENGTH - 2)
}
BEGIN { fl["OPTIMIZED"] = 1; fl["NEWLOCALS"] = 2; fl["VARARGS"] = 4; fl["VARKEYWORDS"] = 8
        fl["NESTED"] = 16; fl["GENERATOR"] = 32; fl["COROUTINE"] = 128
        fl["ITERABLE_COROUTINE"] = 256; fl["ASYNC_GENERATOR"] = 512 }
/^\.code / { flush(); incode = 1; ni = 0; nconst = nname = 0; qual = ""; argc = posonly = kwonly = flags = 0; vars = ""; delete labidx; next }
/^\.const / { v = substr($0, 8); if (v ~ /^code:[0-9]+$/) v = "code"; consts[nconst++] = sortfs(v); next }
/^\.nameref / { names[nname++] = substr($0, 10); next }
/^\.qualname / { qual = substr($0, 11); next }
/^\.argcount / { argc = $2; next }
/^\.posonlyargcount / { posonly = $2; next }
/^\.kwonlyargcount / { kwonly = $2; next }
/^\.flags / { n = split($2, f, "|"); flags = 0; for (i = 1; i <= n; i++) flags += fl[f[i]]; next }
/^\.local / { vars = vars (vars == "" ? "" : ",") $2 ":local" ($3 == "cell" ? "+cell" : ""); next }
/^\.cell / { vars = vars (vars == "" ? "" : ",") $2 ":cell"; next }
/^\.free / { vars = vars (vars == "" ? "" : ",") $2 ":free"; next }
/^\.end/ { flush(); next }
/^\./ { next }
/^L[0-9]+:/ { l = $1; sub(/:$/, "", l); labidx[l] = ni; next }
/^ +/ {
    sub(/^ +/, "")
    if ($1 ~ /^(SETUP_FINALLY|SETUP_CLEANUP|SETUP_WITH|POP_BLOCK)$/) next
    if ($1 == "LOAD_CONST" && $2 ~ /^code:[0-9]+$/) sub(/ code:[0-9]+/, " code")
    if ($1 == "LOAD_CONST") $0 = sortfs($0)
    # a position with unknown columns is CPython's line-only position
    if (match($0, / @[0-9]+:-1-[-0-9]+:[-0-9]+$/) || match($0, / @[0-9]+:[-0-9]+-[-0-9]+:-1$/) || match($0, / @[0-9]+:[-0-9]+--1:[-0-9]+$/)) {
        p = substr($0, RSTART + 2); sub(/:.*/, "", p)
        $0 = substr($0, 1, RSTART - 1) " @" p
    }
    ins[ni++] = $0
    next
}
END { flush() }
