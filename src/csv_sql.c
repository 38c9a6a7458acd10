/*-------------------------------------------------------------------------
 *
 * csv_sql.c
 *	  cspi.csv_lines(content text [, file text]): a CSV file's records as
 *	  (line, fields text[]) rows; a thin fmgr wrapper over csv.c.
 *
 * cspi.import_903() and cspi.load_dfe_file() read the statutory returns
 * and the DfE's published figures through it.  The rows are materialized
 * in a tuplestore in one call; each record's fields are built in a memory
 * context reset after the record, so memory is the text, the rows and one
 * record.  A malformed text is an error naming the file (when given), the
 * line and the column, and nothing is returned.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "csv.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"
#include "utils/tuplestore.h"

/* csv.c's array of field ends grows in the function's memory context. */
static void *
csv_grow(void *ptr, size_t size)
{
	if (ptr == NULL)
		return MemoryContextAllocHuge(CurrentMemoryContext, size);
	return repalloc_huge(ptr, size);
}

static const char *
csv_error_hint(CsvStatus status)
{
	switch (status)
	{
		case CSV_UNTERMINATED:
			return "A field that begins with a double quote ends at the next double quote that is not doubled: close the field's quote, and write a double quote inside a quoted field as two (\"\").";
		case CSV_AFTER_QUOTE:
			return "After the closing quote of a quoted field comes a comma or the end of the line; a double quote inside a quoted field is written as two (\"\").";
		case CSV_STRAY_QUOTE:
			return "A field that holds a double quote must be in double quotes, with the quote doubled: \"A\"\"B\" for A\"B.";
		default:
			return NULL;
	}
}

/* csv_lines(content text [, file text]) returns table (line int, fields text[]) */
PG_FUNCTION_INFO_V1(cspi_csv_lines);
Datum
cspi_csv_lines(PG_FUNCTION_ARGS)
{
	text	   *content = PG_GETARG_TEXT_PP(0);
	const char *file = PG_NARGS() > 1 ? text_to_cstring(PG_GETARG_TEXT_PP(1)) : "CSV text";
	size_t		len = VARSIZE_ANY_EXHDR(content);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	MemoryContext record_context;
	MemoryContext old_context;
	CsvReader	reader;
	CsvStatus	status;

	InitMaterializedSRF(fcinfo, 0);
	record_context = AllocSetContextCreate(CurrentMemoryContext,
										   "cspi.csv_lines record",
										   ALLOCSET_DEFAULT_SIZES);
	csv_init(&reader, VARDATA_ANY(content), len, palloc(len + 1), NULL, 0,
			 csv_grow);
	while ((status = csv_read(&reader)) == CSV_RECORD)
	{
		Datum	   *elems;
		Datum		values[2];
		bool		nulls[2] = {false, false};

		CHECK_FOR_INTERRUPTS();
		old_context = MemoryContextSwitchTo(record_context);
		elems = palloc(reader.nfields * sizeof(Datum));
		for (size_t i = 0; i < reader.nfields; i++)
		{
			size_t		n;
			const char *f = csv_field(&reader, i, &n);

			elems[i] = PointerGetDatum(cstring_to_text_with_len(f, (int) n));
		}
		values[0] = Int32GetDatum((int32) reader.record_line);
		values[1] = PointerGetDatum(construct_array(elems, (int) reader.nfields,
													TEXTOID, -1, false,
													TYPALIGN_INT));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		MemoryContextSwitchTo(old_context);
		MemoryContextReset(record_context);
	}
	if (status == CSV_NO_MEMORY)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory")));
	if (status != CSV_END)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("%s, line %lld, column %lld: %s", file,
						(long long) reader.error_line,
						(long long) reader.error_column,
						csv_status_message(status)),
				 errhint("%s", csv_error_hint(status))));
	MemoryContextDelete(record_context);
	return (Datum) 0;
}
