/*-------------------------------------------------------------------------
 *
 * cspi.c
 *	  Module entry point of cspi, children's social care performance
 *	  indicators in PostgreSQL.
 *
 * Holds PG_MODULE_MAGIC and _PG_init, which registers the callbacks of the
 * calendar cache (relcache invalidation, transaction and subtransaction
 * ends) and the settings cspi.council_name and cspi.switch_timeout.
 * Everything else lives in one file per concern: calendar.c and workdays.c
 * (the pure calendar core), calendar_cache.c, calendar_guard.c and
 * workdays_sql.c (its PostgreSQL layer), ratio*.c and rate_sql.c, and
 * owner_context.c (acting for a report's owner).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <limits.h>

#include "fmgr.h"
#include "utils/guc.h"

#include "calendar_cache.h"

/*
 * From PostgreSQL 18 the module also says its name and version, which
 * pg_get_loaded_modules() shows; CSPI_VERSION comes from cspi.control
 * through the Makefile.
 */
#if PG_VERSION_NUM >= 180000
PG_MODULE_MAGIC_EXT(.name = "cspi", .version = CSPI_VERSION);
#else
PG_MODULE_MAGIC;
#endif

void		_PG_init(void);

/*
 * The council's name, which cspi.report_html() puts in the report's header
 * (ALTER DATABASE warehouse SET cspi.council_name = '...').  The SQL side
 * reads it with current_setting(); defining it here documents it (SHOW,
 * pg_settings) once the module is loaded.  The "cspi" prefix is not
 * reserved: the upgrade scripts use transaction-local cspi.* placeholders.
 */
static char *council_name = NULL;

/*
 * How long a deploy waits, at most, for readers to let go of a report's
 * published views before it switches them to the new generation
 * (cspi.lock_published_views reads it with current_setting()).
 */
static int	switch_timeout_ms = 60000;

void
_PG_init(void)
{
	cspi_calendar_cache_init();

	DefineCustomStringVariable("cspi.council_name",
							   "The council's name, shown in the header of cspi.report_html().",
							   "Empty: the report names no council.",
							   &council_name,
							   "",
							   PGC_USERSET,
							   0,
							   NULL, NULL, NULL);

	DefineCustomIntVariable("cspi.switch_timeout",
							"How long a deploy waits at most for readers to let go of a report's published views.",
							"Then the deploy fails, naming the sessions that hold them, and the report keeps its previous figures. The caller's lock_timeout, when shorter, wins.",
							&switch_timeout_ms,
							60000, 1, INT_MAX,
							PGC_USERSET,
							GUC_UNIT_MS,
							NULL, NULL, NULL);
}
