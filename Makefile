# cspi: children's social care performance indicators for PostgreSQL.
#
#   make              build the extension (PGXS)
#   make install      install it into the PostgreSQL that pg_config names
#   make test         everything: installs what it needs, builds, installs,
#                     runs the C unit tests (plain and sanitized), the
#                     pg_regress and isolation suites and the oracle tests in
#                     a throwaway cluster, and ends with "N passed, N failed"
#   make bench        the benchmarks, in a throwaway cluster
#   make demo         the main job: a synthetic council's year-end scorecard,
#                     narrative and HTML report (PERIOD=2023/24 SCALE=1)
#   make fuzz         libFuzzer over the calendar core (FUZZ_SECONDS=60)
#   make unit         the C unit tests of the pure cores (calendar, ratio, CSV)

EXTENSION = cspi cspi_synthetic cspi_dfe
MODULE_big = cspi
OBJS = \
	src/cspi.o \
	src/calendar.o \
	src/workdays.o \
	src/calendar_cache.o \
	src/calendar_guard.o \
	src/workdays_sql.o \
	src/csv.o \
	src/csv_sql.o \
	src/ratio.o \
	src/ratio_type.o \
	src/ratio_agg.o \
	src/rate_sql.o \
	src/owner_context.o

# The SQL has two lifecycles, as TimescaleDB keeps them:
#   src/sql/schema/      tables, types, operators and shipped rows: run once,
#                        by the install script; after a release they change
#                        only through a hand-written delta,
#                        src/sql/updates/FROM--TO.sql;
#   src/sql/code/        functions, views and the rows that define the
#                        product (CREATE OR REPLACE, upserts): run again
#                        whole by every upgrade;
#   src/sql/indicators/  one file per indicator family: everything about
#                        each of its indicators, as upserts, also run again
#                        by every upgrade.
# make builds the install script of the current version from all of them in
# this order, and the upgrade script from the last release from its delta
# followed by the code and indicator files in the same order.
#
# Released scripts are committed as released and never edited.  While the
# current version (cspi.control's default_version) is in development, make
# builds its scripts beside the control file and they are not committed.  Once
# it is released (its scripts committed, its number added to RELEASES), make
# builds them again under build/ only so that test/built-sql.sh can check that
# the sources still make exactly what was released: a change after a release
# goes into the next version (doc/releasing.md).
EXTVERSION = $(shell sed -n -E "s/^default_version *= *'([^']+)'.*/\1/p" cspi.control)
# Every release of cspi, oldest first.
RELEASES = 1.0 1.1 1.2 1.3
LAST_RELEASE = $(lastword $(RELEASES))
ifeq ($(EXTVERSION),$(LAST_RELEASE))
# The release before it, whose upgrade to EXTVERSION make builds.
PREVIOUS_VERSION = $(word $(words $(filter-out $(LAST_RELEASE),$(RELEASES))),$(RELEASES))
BUILT_DIR = build/
else
PREVIOUS_VERSION = $(LAST_RELEASE)
BUILT_DIR =
endif
SQL_SOURCES = \
	src/sql/schema/internal.sql \
	src/sql/schema/calendars.sql \
	src/sql/code/calendars.sql \
	src/sql/schema/calendar_version.sql \
	src/sql/schema/holidays.sql \
	src/sql/schema/holidays_uk_any.sql \
	src/sql/code/workdays.sql \
	src/sql/schema/ratio.sql \
	src/sql/code/rates.sql \
	src/sql/schema/contract.sql \
	src/sql/code/contract.sql \
	src/sql/code/periods.sql \
	src/sql/schema/catalogue.sql \
	src/sql/schema/engine.sql \
	src/sql/schema/dfe_figures.sql \
	src/sql/schema/returns.sql \
	src/sql/schema/report_bi.sql \
	src/sql/schema/annex_a.sql \
	src/sql/code/dfe_files.sql \
	src/sql/code/engine_periods.sql \
	$(INDICATOR_SOURCES) \
	src/sql/code/indicator_order.sql \
	src/sql/code/dfe_figures.sql \
	src/sql/code/deploy.sql \
	src/sql/code/engine.sql \
	src/sql/code/engine_build.sql \
	src/sql/code/changes.sql \
	src/sql/code/engine_data_quality.sql \
	src/sql/code/engine_indicator_value.sql \
	src/sql/code/engine_cases.sql \
	src/sql/code/report_scorecard.sql \
	src/sql/code/report.sql \
	src/sql/code/report_bi.sql \
	src/sql/code/timeliness.sql \
	src/sql/code/breakdown.sql \
	src/sql/code/annex_a.sql \
	src/sql/code/returns.sql \
	src/sql/code/returns_source.sql \
	src/sql/schema/ssd.sql \
	src/sql/code/ssd_map.sql \
	src/sql/code/ssd_source.sql \
	src/sql/code/ssd_export.sql \
	src/sql/schema/region.sql \
	src/sql/code/region.sql \
	src/sql/code/restore_views.sql
# The indicator families: every file of src/sql/indicators/, so that
# adding a family or an indicator is an edit of that folder alone (their
# order does not matter: sort_key and build_order place what they define).
INDICATOR_SOURCES = $(sort $(wildcard src/sql/indicators/*.sql))
# What every upgrade runs again.
RERUN_SOURCES = $(filter-out src/sql/schema/%,$(SQL_SOURCES))
UPDATE_SCRIPT = cspi--$(PREVIOUS_VERSION)--$(EXTVERSION).sql
# The synthetic council generator is a companion extension,
# cspi_synthetic (CREATE EXTENSION cspi_synthetic puts cspi.generate_source
# in schema cspi), for make demo, the tests and the benchmarks: not part of
# what CREATE EXTENSION cspi installs.  Its version follows cspi's; its
# first release was 1.3.  Its upgrade script runs the generator again
# (CREATE OR REPLACE).
SYNTHETIC_SOURCES = src/sql/synthetic/generator.sql src/sql/synthetic/casework.sql
SYNTHETIC_SCRIPT = cspi_synthetic--$(EXTVERSION).sql
SYNTHETIC_UPDATE = $(if $(filter-out 1.0 1.1 1.2,$(PREVIOUS_VERSION)),cspi_synthetic--$(PREVIOUS_VERSION)--$(EXTVERSION).sql)
# The DfE's published figures are the companion extension cspi_dfe,
# versioned by the year of the latest publication it holds (data/dfe/), so
# that a new year of figures is a new cspi_dfe, not a new cspi.  The tables
# and the loader stay in cspi (a council loads its own files there).  Its
# releases are committed and frozen as cspi's are.
# A version is the year of the latest figures (2025), or that year and an
# edition (2025.1) when cspi_dfe ships more of the same year's files.  Its
# upgrade from the release before it replaces the shipped figures (the
# script deletes them first), so it is the same figures again.
DFE_VERSION = $(shell sed -n -E "s/^default_version *= *'([^']+)'.*/\1/p" cspi_dfe.control)
# Every release of cspi_dfe, oldest first.
DFE_RELEASES = 2025
DFE_SCRIPT = cspi_dfe--$(DFE_VERSION).sql
DFE_BUILT_DIR = $(if $(filter $(DFE_VERSION),$(DFE_RELEASES)),build/)
DFE_EARLIER = $(filter-out $(DFE_VERSION),$(DFE_RELEASES))
DFE_PREVIOUS = $(if $(DFE_BUILT_DIR),$(if $(DFE_EARLIER),$(word $(words $(DFE_EARLIER)),$(DFE_EARLIER))),$(lastword $(DFE_RELEASES)))
DFE_UPDATE = $(if $(DFE_PREVIOUS),cspi_dfe--$(DFE_PREVIOUS)--$(DFE_VERSION).sql)
# What make builds: installed while in development, only checked once released.
BUILT_SCRIPTS = $(addprefix $(BUILT_DIR),cspi--$(EXTVERSION).sql $(UPDATE_SCRIPT) $(SYNTHETIC_SCRIPT) $(SYNTHETIC_UPDATE)) \
	$(addprefix $(DFE_BUILT_DIR),$(DFE_SCRIPT) $(DFE_UPDATE))
DATA_built = $(filter-out build/%,$(BUILT_SCRIPTS))
DATA = $(filter-out $(DATA_built),$(wildcard cspi--*.sql cspi_synthetic--*.sql cspi_dfe--*.sql))
DOCS = README.md
# The command-line wrapper that loads a folder of statutory returns.
SCRIPTS = tools/cspi-import-returns tools/cspi-annex-a

# The pg_regress suite: sql/ and expected/, run in this order.
REGRESS = \
	init \
	calendars_govuk \
	calendars \
	workdays \
	workdays_holidays \
	workdays_errors \
	excel_intl \
	user_calendars \
	parallel \
	ratio \
	ratio_input \
	ratio_aggregates \
	rates \
	indicators_fixture \
	sources \
	warehouse_keys \
	elapsed_hours \
	search_path \
	hostile \
	least_privilege \
	report \
	dfe_figures \
	returns \
	csv \
	region \
	hostile_owner \
	generate \
	cases \
	incremental \
	timeliness \
	breakdown \
	annex_a \
	ssd
REGRESS_OPTS = --inputdir=. --outputdir=test/results

# The isolation suite: test/isolation/specs and test/isolation/expected.
ISOLATION = calendar_cache calendar_mvcc deploy_readers deploy_snapshots refresh_incremental
ISOLATION_OPTS = --inputdir=test/isolation --outputdir=test/results/isolation

PG_CPPFLAGS = -I$(srcdir)/src -DCSPI_VERSION='"$(EXTVERSION)"'
EXTRA_CLEAN = src/sql/schema/holidays.sql src/sql/schema/holidays_uk_any.sql src/sql/dfe/figures.sql test/results test/unit/test_calendar test/unit/test_calendar_san \
	test/unit/test_ratio test/unit/test_ratio_san \
	test/fuzz/fuzz_calendar
EXTRA_CLEAN += test/unit/test_csv test/unit/test_csv_san

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# The shipped bank holidays, generated from their rules.
src/sql/schema/holidays.sql: tools/gen_uk_holidays.py
	python3 tools/gen_uk_holidays.py > $@.tmp && mv $@.tmp $@

src/sql/schema/holidays_uk_any.sql: tools/gen_uk_holidays.py
	python3 tools/gen_uk_holidays.py --any-uk > $@.tmp && mv $@.tmp $@

# The DfE's published figures that cspi ships (data/dfe/README.md).
src/sql/dfe/figures.sql: tools/gen_dfe_data.py cspi_dfe.control $(wildcard data/dfe/*.csv)
	mkdir -p $(dir $@) && python3 tools/gen_dfe_data.py > $@.tmp && mv $@.tmp $@

$(BUILT_DIR)cspi--$(EXTVERSION).sql: $(SQL_SOURCES) src/sql/indicators cspi.control Makefile
	mkdir -p $(@D) && { printf '%s\n' \
		'/* cspi--$(EXTVERSION).sql: children'"'"'s social care performance indicators. */' \
		'-- Built by make from the files in src/sql/: edit those, not this file.' \
		'' \
		'-- complain if script is sourced in psql, rather than via CREATE EXTENSION' \
		'\echo Use "CREATE EXTENSION cspi" to load this file. \quit' \
		''; \
	  for f in $(SQL_SOURCES); do cat "$$f"; echo; done; } > $@.tmp && mv $@.tmp $@

$(BUILT_DIR)$(UPDATE_SCRIPT): src/sql/updates/$(PREVIOUS_VERSION)--$(EXTVERSION).sql $(RERUN_SOURCES) src/sql/indicators cspi.control Makefile
	mkdir -p $(@D) && { printf '%s\n' \
		'/* $(@F): upgrade cspi $(PREVIOUS_VERSION) to $(EXTVERSION) (ALTER EXTENSION cspi UPDATE). */' \
		'-- Built by make from src/sql/updates/$(PREVIOUS_VERSION)--$(EXTVERSION).sql and the files' \
		'-- of src/sql/code/ and src/sql/indicators/: edit those, not this file.' \
		'' \
		'-- complain if script is sourced in psql, rather than via ALTER EXTENSION' \
		'\echo Use "ALTER EXTENSION cspi UPDATE" to load this file. \quit' \
		''; \
	  for f in src/sql/updates/$(PREVIOUS_VERSION)--$(EXTVERSION).sql $(RERUN_SOURCES); do cat "$$f"; echo; done; } > $@.tmp && mv $@.tmp $@

# cspi_dfe's install or upgrade script: a header, then the figures.
# $(call dfe_script,WHAT,COMMAND): WHAT begins the header's description,
# COMMAND is the one that loads the script.
define dfe_script
mkdir -p $(@D) && { printf '%s\n' \
	'/* $(@F): $(1)the DfE'"'"'s published figures for cspi (Open Government Licence v3.0). */' \
	'-- Built by make from data/dfe/ (tools/gen_dfe_data.py): edit those, not this file.' \
	'' \
	'-- complain if script is sourced in psql, rather than via $(firstword $(2)) EXTENSION' \
	'\echo Use "$(2)" to load this file. \quit' \
	''; \
  cat src/sql/dfe/figures.sql; } > $@.tmp && mv $@.tmp $@
endef

$(DFE_BUILT_DIR)$(DFE_SCRIPT): src/sql/dfe/figures.sql cspi_dfe.control Makefile
	$(call dfe_script,,CREATE EXTENSION cspi_dfe)

empty :=
space := $(empty) $(empty)

ifneq ($(DFE_UPDATE),)
dfe_upgrade_what = upgrade cspi_dfe $(DFE_PREVIOUS) to $(DFE_VERSION),$(space)
$(DFE_BUILT_DIR)$(DFE_UPDATE): src/sql/dfe/figures.sql cspi_dfe.control Makefile
	$(call dfe_script,$(dfe_upgrade_what),ALTER EXTENSION cspi_dfe UPDATE)
endif

$(BUILT_DIR)$(SYNTHETIC_SCRIPT): $(SYNTHETIC_SOURCES) cspi_synthetic.control Makefile
	mkdir -p $(@D) && { printf '%s\n' \
		'/* $(@F): a synthetic council for cspi (make demo, the tests, the benchmarks). */' \
		'-- Built by make from $(SYNTHETIC_SOURCES): edit that, not this file.' \
		'' \
		'-- complain if script is sourced in psql, rather than via CREATE EXTENSION' \
		'\echo Use "CREATE EXTENSION cspi_synthetic" to load this file. \quit' \
		''; \
	  for f in $(SYNTHETIC_SOURCES); do cat "$$f"; echo; done; } > $@.tmp && mv $@.tmp $@

ifneq ($(SYNTHETIC_UPDATE),)
$(BUILT_DIR)$(SYNTHETIC_UPDATE): $(SYNTHETIC_SOURCES) cspi_synthetic.control Makefile
	mkdir -p $(@D) && { printf '%s\n' \
		'/* $(@F): upgrade cspi_synthetic $(PREVIOUS_VERSION) to $(EXTVERSION). */' \
		'-- Built by make from $(SYNTHETIC_SOURCES) (CREATE OR REPLACE): edit that, not this file.' \
		'' \
		'-- complain if script is sourced in psql, rather than via ALTER EXTENSION' \
		'\echo Use "ALTER EXTENSION cspi_synthetic UPDATE" to load this file. \quit' \
		''; \
	  for f in $(SYNTHETIC_SOURCES); do cat "$$f"; echo; done; } > $@.tmp && mv $@.tmp $@
endif

# Released scripts are built again under build/, for test/built-sql.sh.
all: $(filter build/%,$(BUILT_SCRIPTS))
EXTRA_CLEAN += build

# ratio.c has no PostgreSQL includes; in the module it still does its
# 128-bit arithmetic with PostgreSQL's own type (PG_INT128_TYPE).
src/ratio.o: override CPPFLAGS += -include pg_config.h

# The upgrade script make builds, for test/built-sql.sh.
.PHONY: print-update-script print-rerun-sources print-built-scripts print-built-dir print-releases print-dfe-update
print-update-script:
	@echo $(UPDATE_SCRIPT)

print-built-scripts:
	@echo $(BUILT_SCRIPTS)

print-built-dir:
	@echo $(BUILT_DIR)

print-releases:
	@echo $(RELEASES)

print-dfe-update:
	@echo $(DFE_UPDATE)

print-rerun-sources:
	@echo $(RERUN_SOURCES)

# PGXS does not track header dependencies unless PostgreSQL was configured
# with --enable-depend; name them here.
$(OBJS): $(wildcard src/*.h)

# ---------------------------------------------------------------------------
# The pure C core and its tests: no PostgreSQL needed.
CORE_SRC = src/calendar.c src/workdays.c
CORE_HDR = src/calendar.h
RATIO_SRC = src/ratio.c
RATIO_HDR = src/ratio.h
CSV_SRC = src/csv.c
CSV_HDR = src/csv.h
UNIT_CFLAGS = -std=c99 -O2 -g -Wall -Wextra -Werror -Isrc
SAN_CFLAGS = -std=c99 -O1 -g -Wall -Wextra -Werror -Isrc \
	-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
UNIT_PAIRS ?= 1000000

test/unit/test_calendar: test/unit/test_calendar.c test/unit/unit_test.h $(CORE_SRC) $(CORE_HDR)
	$(CC) $(UNIT_CFLAGS) -o $@ test/unit/test_calendar.c $(CORE_SRC)

test/unit/test_calendar_san: test/unit/test_calendar.c test/unit/unit_test.h $(CORE_SRC) $(CORE_HDR)
	$(CC) $(SAN_CFLAGS) -o $@ test/unit/test_calendar.c $(CORE_SRC)

# installcheck runs both suites in one recipe, which stops at the first that
# fails; these run one each, so that a failure in one still runs the other.
.PHONY: installcheck-regress installcheck-isolation
installcheck-regress:
	$(pg_regress_installcheck) $(REGRESS_OPTS) $(REGRESS)

installcheck-isolation:
	$(pg_isolation_regress_installcheck) $(ISOLATION_OPTS) $(ISOLATION)

test/unit/test_ratio: test/unit/test_ratio.c test/unit/unit_test.h $(RATIO_SRC) $(RATIO_HDR)
	$(CC) $(UNIT_CFLAGS) -o $@ test/unit/test_ratio.c $(RATIO_SRC)

test/unit/test_ratio_san: test/unit/test_ratio.c test/unit/unit_test.h $(RATIO_SRC) $(RATIO_HDR)
	$(CC) $(SAN_CFLAGS) -o $@ test/unit/test_ratio.c $(RATIO_SRC)

test/unit/test_csv: test/unit/test_csv.c test/unit/unit_test.h $(CSV_SRC) $(CSV_HDR)
	$(CC) $(UNIT_CFLAGS) -o $@ test/unit/test_csv.c $(CSV_SRC)

test/unit/test_csv_san: test/unit/test_csv.c test/unit/unit_test.h $(CSV_SRC) $(CSV_HDR)
	$(CC) $(SAN_CFLAGS) -o $@ test/unit/test_csv.c $(CSV_SRC)

# The SQL sources in build order, for test/built-sql.sh.
.PHONY: print-sql-sources
print-sql-sources:
	@echo $(SQL_SOURCES)

# The test names, for test/cluster-tests.sh to check that each one ran.
.PHONY: print-tests
print-tests:
	@echo "regress: $(REGRESS)"
	@echo "isolation: $(ISOLATION)"

.PHONY: unit unit-sanitize fuzz test bench demo
unit: test/unit/test_calendar test/unit/test_ratio test/unit/test_csv
	test/unit/test_calendar $(UNIT_PAIRS)
	test/unit/test_ratio $(UNIT_PAIRS)
	test/unit/test_csv $(UNIT_PAIRS)

unit-sanitize: test/unit/test_calendar_san test/unit/test_ratio_san test/unit/test_csv_san
	test/unit/test_calendar_san $(UNIT_PAIRS)
	test/unit/test_ratio_san $(UNIT_PAIRS)
	test/unit/test_csv_san $(UNIT_PAIRS)

FUZZ_SECONDS ?= 60

# libFuzzer comes with clang (Debian's clang package).
.PHONY: fuzz-compiler
fuzz-compiler:
	@command -v $(FUZZ_CC) >/dev/null 2>&1 || { \
		echo "make fuzz needs $(FUZZ_CC) with libFuzzer: apt-get install clang" >&2; exit 1; }
FUZZ_CC ?= clang
test/fuzz/fuzz_calendar: test/fuzz/fuzz_calendar.c $(CORE_SRC) $(CORE_HDR)
	$(FUZZ_CC) -g -O1 -Isrc -fsanitize=fuzzer,address,undefined \
		-o $@ test/fuzz/fuzz_calendar.c $(CORE_SRC)

fuzz: fuzz-compiler test/fuzz/fuzz_calendar
	mkdir -p test/fuzz/corpus
	test/fuzz/fuzz_calendar -max_total_time=$(FUZZ_SECONDS) test/fuzz/corpus

# ---------------------------------------------------------------------------
# Everything, on a machine that may have nothing installed yet.
test:
	test/run-tests.sh

bench:
	bench/run-bench.sh

# The main job: a synthetic council's year-end scorecard, narrative and
# report (PERIOD=2023/24 SCALE=1 by default).
PERIOD ?= 2023/24
SCALE ?= 1
demo:
	PERIOD='$(PERIOD)' SCALE='$(SCALE)' demo/run-demo.sh
