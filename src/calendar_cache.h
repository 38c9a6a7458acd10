/*-------------------------------------------------------------------------
 *
 * calendar_cache.h
 *	  Per-backend cache of compiled calendars read from cspi.calendar and
 *	  cspi.holiday, with the calendar each snapshot should see.
 *
 *-------------------------------------------------------------------------
 */
#ifndef CSPI_CALENDAR_CACHE_H
#define CSPI_CALENDAR_CACHE_H

#include "calendar.h"

#include "utils/snapshot.h"

/*
 * A compiled calendar as some snapshot saw it.  Entries are shared by every
 * caller that sees the same version of the calendar tables, and pinned
 * (refcount) by each function call site that uses one, so that a statement
 * keeps the calendar it started with even when a change commits meanwhile.
 */
typedef struct CachedCalendar
{
	struct CachedCalendar *next;
	MemoryContext context;		/* holds the entry and all it points to */
	char	   *name;
	int64		version;		/* cspi.calendar_version seen; -1: unknown */
	int			refcount;		/* call sites using it */
	bool		dead;			/* out of the cache; freed at refcount 0 */
	Calendar	cal;
	int32	   *days;			/* storage that cal.holidays points into */
	/* every holiday of the chain, on any weekday, for another weekmask */
	int32	   *all_days;
	int			nall_days;
} CachedCalendar;

/*
 * What decides which committed and own changes a snapshot sees.  Two
 * snapshots of one backend with equal identities see the same rows: with the
 * same xmin and xmax, the later one's list of running transactions can only
 * have lost members, so equal counts mean equal lists; the command id covers
 * this transaction's own changes, and the serial, bumped at every transaction
 * end and subtransaction abort, covers the rest.
 */
typedef struct SnapshotIdentity
{
	TransactionId xmin;
	TransactionId xmax;
	uint32		xcnt;
	int32		subxcnt;
	CommandId	curcid;
	bool		suboverflowed;
	bool		valid;
	uint64		serial;
} SnapshotIdentity;

extern uint64 cspi_transaction_serial;

static inline void
cspi_snapshot_identity(Snapshot snap, SnapshotIdentity *id)
{
	id->xmin = snap->xmin;
	id->xmax = snap->xmax;
	id->xcnt = snap->xcnt;
	id->subxcnt = snap->subxcnt;
	id->curcid = snap->curcid;
	id->suboverflowed = snap->suboverflowed;
	id->valid = true;
	id->serial = cspi_transaction_serial;
}

static inline bool
cspi_snapshot_unchanged(const SnapshotIdentity *id, Snapshot snap)
{
	return id->valid &&
		id->curcid == snap->curcid &&
		id->xmax == snap->xmax &&
		id->xmin == snap->xmin &&
		id->xcnt == snap->xcnt &&
		id->subxcnt == snap->subxcnt &&
		id->suboverflowed == snap->suboverflowed &&
		id->serial == cspi_transaction_serial;
}

/* The snapshot a calendar function sees: the active one. */
extern Snapshot cspi_calendar_snapshot(void);

extern void cspi_calendar_cache_init(void);

/*
 * The calendar called name as snap sees it, pinned for the caller.  current
 * is the entry the caller holds (or NULL): returned as it is when it is
 * still the right one, otherwise released.
 */
extern CachedCalendar *cspi_calendar_acquire(const char *name, Snapshot snap,
											 CachedCalendar *current);
extern void cspi_calendar_release(CachedCalendar *entry);

#endif							/* CSPI_CALENDAR_CACHE_H */
