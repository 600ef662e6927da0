# tests/fuzz/fuzz.mk: libFuzzer targets, one per stage input format.
# Included by the top Makefile; kept apart from the normal build.
#
#   make fuzz            build bin/fuzz/fuzz-<tool> for every tool (clang)
#   tests/fuzz/run.sh 10 run each target for 10 seconds
#
# Each target is tests/fuzz/harness.c linked with the tool's own sources
# (its main.c compiled with -Dmain=<tool>_main) and libstage, all built
# with -fsanitize=fuzzer-no-link,address,undefined into bin/fuzz/obj/.
# Needs clang and its runtime (Debian: clang libclang-rt-14-dev).

FUZZ_CC     ?= clang
FUZZ_DIR    ?= bin/fuzz
FUZZ_OBJ     = $(FUZZ_DIR)/obj
FUZZ_SAN     = -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_CFLAGS  = $(CSTD) $(WARN) -O1 -g -fno-omit-frame-pointer $(FUZZ_SAN) \
               -fsanitize=fuzzer-no-link -I. -MMD -MP
FUZZ_WRAP    = -Wl,--wrap=exit,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=free,--wrap=fopen,--wrap=fclose
FUZZ_TOOLS   = pytok pyparse pyast pysym pycfg pyasm pydis pyvm

FUZZ_LIB_OBJ = $(LIB_SRC:%.c=$(FUZZ_OBJ)/%.o)

.PHONY: fuzz fuzz-run
fuzz: $(FUZZ_TOOLS:%=$(FUZZ_DIR)/fuzz-%)

fuzz-run: fuzz
	sh tests/fuzz/run.sh 10

# libstage and every tool source except main.c
$(FUZZ_OBJ)/%.o: %.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -c $< -o $@

# A tool's main.c becomes <tool>_main, called by the harness.
$(FUZZ_OBJ)/cmd/%/main.o: cmd/%/main.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -Dmain=$*_main -c $< -o $@

$(FUZZ_OBJ)/harness-%.o: tests/fuzz/harness.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -DFZ_TOOL=$* $(if $(filter pyvm,$*),-DFZ_VM_LOAD) $(if $(filter pydis,$*),-DFZ_CODE_INPUT) -c $< -o $@

# pyvm compiles in-process (libstage/front.h): it links the front end too.
pyvm_FUZZ_EXTRA = $(FRONT_SRC:%.c=$(FUZZ_OBJ)/%.o)

define FUZZ_RULE
$(1)_FUZZ_OBJ := $$(patsubst %.c,$$(FUZZ_OBJ)/%.o,$$(wildcard cmd/$(1)/*.c))
$$(FUZZ_DIR)/fuzz-$(1): $$(FUZZ_OBJ)/harness-$(1).o $$($(1)_FUZZ_OBJ) $$($(1)_FUZZ_EXTRA) $$(FUZZ_LIB_OBJ) $$(FUZZ_OBJ)/tests/fuzz/endmark.o
	$$(FUZZ_CC) $$(FUZZ_SAN) -fsanitize=fuzzer $$(FUZZ_WRAP) -o $$@ $$^ $$(LDLIBS)
-include $$($(1)_FUZZ_OBJ:.o=.d)
endef
$(foreach t,$(FUZZ_TOOLS),$(eval $(call FUZZ_RULE,$(t))))
-include $(FUZZ_LIB_OBJ:.o=.d)
