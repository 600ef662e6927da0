# Python 3.11 as a suite of pipeline tools.  See README.md.
#
#   make                 build bin/pytok ... bin/pydis and bin/pyrun
#                        (pyvm and pyrun also link libfront.a: ls_compile)
#   make test            run the bats suite against bin/
#   make check-sanitize  build bin/san/ with ASan+UBSan and run the suite on it
#   make check-stdlib    differential sweeps over /usr/lib/python3.11 (needs python3)
#   make install PREFIX=/usr/local DESTDIR=
#   make bench           bench/*.py under pyvm and python3, ratios
#   make bench-frontend  the compile pipeline against CPython's compile()
#
# Every tool is cmd/<tool>/*.c linked with libstage/*.c; sources are found
# by wildcard, so adding a file needs no Makefile change.

CC      ?= cc
OPT     ?= -O2 -g
CSTD     = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
WARN     = -Wall -Wextra -Wno-unused-parameter
CFLAGS  ?=
LDLIBS   = -lm
BUILD   ?= bin
PREFIX  ?= /usr/local
DESTDIR ?=

ifeq ($(SAN),1)
OPT     = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=address,undefined
endif

TOOLS   = pytok pyparse pyast pysym pycfg pyasm pyvm pydis pyrun
OBJDIR  = $(BUILD)/obj
ALL_CFLAGS = $(CSTD) $(WARN) $(OPT) $(CFLAGS) -I. -MMD -MP

LIB_SRC = $(filter-out libstage/front.c,$(wildcard libstage/*.c))
LIB_OBJ = $(LIB_SRC:%.c=$(OBJDIR)/%.o)
LIB_A   = $(OBJDIR)/libstage.a

# The front end as a library (libstage/front.h: ls_compile): the stage
# cores, every cmd/<stage>/*.c but main.c, plus libstage/front.c.  Linked
# into the tools that compile in-process (pyvm, pyrun), before libstage.a.
FRONT_STAGES = pytok pyparse pyast pycfg pyasm
FRONT_SRC = libstage/front.c \
	$(filter-out %/main.c,$(foreach s,$(FRONT_STAGES),$(wildcard cmd/$(s)/*.c)))
FRONT_OBJ = $(FRONT_SRC:%.c=$(OBJDIR)/%.o)
FRONT_A   = $(OBJDIR)/libfront.a
pyvm_LIBS = $(FRONT_A)
pyrun_LIBS = $(FRONT_A)

.PHONY: all test check check-sanitize check-stdlib install clean bench bench-frontend man-check
all: $(TOOLS:%=$(BUILD)/%)

$(OBJDIR)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(LIB_A): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(FRONT_A): $(FRONT_OBJ)
	@rm -f $@
	ar rcs $@ $^
-include $(OBJDIR)/libstage/front.d

# One rule per tool: its own sources plus libstage (and <tool>_LIBS).
define TOOL_RULE
$(1)_SRC := $$(wildcard cmd/$(1)/*.c)
$(1)_OBJ := $$($(1)_SRC:%.c=$$(OBJDIR)/%.o)
$$(BUILD)/$(1): $$($(1)_OBJ) $$($(1)_LIBS) $$(LIB_A)
	$$(CC) $$(LDFLAGS) -o $$@ $$($(1)_OBJ) $$($(1)_LIBS) $$(LIB_A) $$(LDLIBS)
-include $$($(1)_OBJ:.o=.d)
endef
$(foreach t,$(TOOLS),$(eval $(call TOOL_RULE,$(t))))
-include $(LIB_OBJ:.o=.d)

test: all
	PYBIN=$(abspath $(BUILD)) bats tests/

check: test

# Leak detection is off: the tools exit() on errors (ls_die, SyntaxError
# records) with their arenas live, which LeakSanitizer reports as leaks.
# ASan's memory errors and UBSan stay fatal.
check-sanitize:
	ASAN_OPTIONS=$${ASAN_OPTIONS:-detect_leaks=0} $(MAKE) SAN=1 BUILD=bin/san test

# One summary line per stage: "pytok: N/668 files identical", ..., and the
# in-process compiler (pyrun) against the pipeline.
check-stdlib: all
	@for s in tests/sweep-*.sh; do PYBIN=$(abspath $(BUILD)) sh $$s || exit 1; done
	@nice -n 10 sh tests/gen/sweep-inproc.sh $(BUILD)

man-check:
	@for m in man/*.1; do groff -man -ww -z $$m || exit 1; done

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(TOOLS:%=$(BUILD)/%) $(DESTDIR)$(PREFIX)/bin/
	install -m 644 man/*.1 $(DESTDIR)$(PREFIX)/share/man/man1/

bench: all
	@sh bench/run.sh $(abspath $(BUILD))

# The compile pipeline over /usr/lib/python3.11 against CPython's compile().
bench-frontend: all
	@sh bench/frontend.sh $(abspath $(BUILD))

clean:
	rm -rf bin

# Fuzzing (clang + libFuzzer): the targets and their driver live in tests/fuzz/.
-include tests/fuzz/fuzz.mk
