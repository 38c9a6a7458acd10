/*-------------------------------------------------------------------------
 *
 * owner_context.c
 *	  Run a query as the owner of a report or region, inside a
 *	  security-restricted operation, optionally within a time limit.
 *
 * A report's source views, its internal schema and a region's foreign
 * tables belong to their owner, who can put a function of its own in any
 * of them.  When somebody else (an administrator's nightly redeploy, a
 * superuser's pg_cron job) acts on that report, such a function must run
 * with the owner's rights and nothing more.  SET ROLE is not enough: the
 * owner's function could RESET ROLE.  So cspi does what PostgreSQL does
 * for REFRESH MATERIALIZED VIEW, ANALYZE and CREATE INDEX: it switches to
 * the owner with SetUserIdAndSecContext() and SECURITY_RESTRICTED_OPERATION
 * (which refuses SET ROLE, SET SESSION AUTHORIZATION and temporary tables),
 * makes GUC changes local to the call, and switches back.
 *
 * The caller must have the privileges of the owner (a member of it with
 * INHERIT, or a superuser): the function only ever narrows what runs.
 *
 * The query must return one row of one jsonb column (or no row: NULL), so
 * that its caller never reads the owner's relations itself.
 *
 * A time limit, when given, cancels the query when it is reached (a
 * region's member whose published view is slow) and turns that cancel
 * into an ordinary error, which a PL/pgSQL exception block can catch, so
 * that one slow member does not cancel everything else.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type_d.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "storage/latch.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/timeout.h"

PG_FUNCTION_INFO_V1(cspi_execute_as_owner);

/* Our timeout, registered the first time one is asked for. */
static TimeoutId time_limit_timeout = MAX_TIMEOUTS;
static volatile sig_atomic_t time_limit_reached = false;

/*
 * The timeout's handler (in signal context): cancel the running query as
 * a statement_timeout does, and remember that it was ours.
 */
static void
time_limit_handler(void)
{
	time_limit_reached = true;
	QueryCancelPending = true;
	InterruptPending = true;
	SetLatch(MyLatch);
}

/*
 * cspi.execute_as_owner(owner regrole, query text, time_limit_ms integer)
 * RETURNS jsonb
 */
Datum
cspi_execute_as_owner(PG_FUNCTION_ARGS)
{
	Oid			owner;
	char	   *query;
	int			time_limit_ms = 0;
	Oid			save_userid;
	int			save_sec_context;
	int			save_nestlevel;
	MemoryContext caller_context = CurrentMemoryContext;
	Datum		result = (Datum) 0;
	bool		isnull = true;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("cspi.execute_as_owner needs a role and a query")));
	owner = PG_GETARG_OID(0);
	query = text_to_cstring(PG_GETARG_TEXT_PP(1));
	if (!PG_ARGISNULL(2))
	{
		time_limit_ms = PG_GETARG_INT32(2);
		if (time_limit_ms <= 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("a time limit must be positive, not %d ms",
							time_limit_ms)));
	}

	/* Only ever narrow: the caller must already have the owner's rights. */
	if (!has_privs_of_role(GetUserId(), owner))
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("role %s cannot act as role %s",
						GetUserNameFromId(GetUserId(), false),
						GetUserNameFromId(owner, false)),
				 errhint("Act on a report or region as its owner, or as a role with its owner's privileges.")));

	/*
	 * As ExecRefreshMatView does: the owner's userid, security-restricted,
	 * GUC changes undone at the end; and a search path that names nothing
	 * the owner (or anyone) can create objects in, as PostgreSQL 17's
	 * RestrictSearchPath() sets for maintenance commands.
	 */
	GetUserIdAndSecContext(&save_userid, &save_sec_context);
	SetUserIdAndSecContext(owner,
						   save_sec_context | SECURITY_LOCAL_USERID_CHANGE |
						   SECURITY_RESTRICTED_OPERATION);
	save_nestlevel = NewGUCNestLevel();
	(void) set_config_option("search_path", "pg_catalog, pg_temp",
							 PGC_USERSET, PGC_S_SESSION, GUC_ACTION_SAVE,
							 true, 0, false);

	if (time_limit_ms > 0)
	{
		if (time_limit_timeout == MAX_TIMEOUTS)
			time_limit_timeout = RegisterTimeout(USER_TIMEOUT, time_limit_handler);
		time_limit_reached = false;
		enable_timeout_after(time_limit_timeout, time_limit_ms);
	}

	PG_TRY();
	{
		int			rc;

		if (SPI_connect() != SPI_OK_CONNECT)
			elog(ERROR, "SPI_connect failed");
		rc = SPI_execute(query, false, 2);
		if (rc != SPI_OK_SELECT)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("cspi.execute_as_owner runs a query, not %s",
							SPI_result_code_string(rc))));
		if (SPI_tuptable->tupdesc->natts != 1 ||
			SPI_gettypeid(SPI_tuptable->tupdesc, 1) != JSONBOID)
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("cspi.execute_as_owner's query must return one jsonb column")));
		if (SPI_processed > 1)
			ereport(ERROR,
					(errcode(ERRCODE_CARDINALITY_VIOLATION),
					 errmsg("cspi.execute_as_owner's query returned more than one row")));
		if (SPI_processed == 1)
		{
			result = SPI_getbinval(SPI_tuptable->vals[0],
								   SPI_tuptable->tupdesc, 1, &isnull);
			if (!isnull)
				result = SPI_datumTransfer(result, false, -1);
		}
		SPI_finish();
	}
	PG_CATCH();
	{
		if (time_limit_ms > 0)
			disable_timeout(time_limit_timeout, false);
		if (time_limit_ms > 0 && time_limit_reached)
		{
			/*
			 * Our cancel, not the user's: an ordinary error instead, which
			 * the caller's exception block catches (the subtransaction's
			 * abort restores the userid, the GUCs and SPI).
			 */
			ErrorData  *edata;

			time_limit_reached = false;
			MemoryContextSwitchTo(caller_context);
			edata = CopyErrorData();
			if (edata->sqlerrcode != ERRCODE_QUERY_CANCELED)
				PG_RE_THROW();
			FlushErrorState();
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("the time limit of %d ms was reached", time_limit_ms)));
		}
		PG_RE_THROW();
	}
	PG_END_TRY();

	if (time_limit_ms > 0)
	{
		disable_timeout(time_limit_timeout, false);
		if (time_limit_reached)
		{
			/* it fired as the query ended: the query finished, keep it */
			time_limit_reached = false;
			QueryCancelPending = false;
		}
	}
	AtEOXact_GUC(false, save_nestlevel);
	SetUserIdAndSecContext(save_userid, save_sec_context);

	if (isnull)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(result);
}

/*
 * cspi.in_restricted_operation() RETURNS boolean: whether this runs inside
 * a security-restricted operation, which the functions that act for an
 * owner check first.
 */
PG_FUNCTION_INFO_V1(cspi_in_restricted_operation);

Datum
cspi_in_restricted_operation(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(InSecurityRestrictedOperation());
}
