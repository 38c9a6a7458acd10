/*
 * test_csv.c
 *	  Unit tests of the CSV tokenizer (src/csv.c).
 *
 * Hand-worked cases first: quoting, line ends, the byte-order mark, the
 * records skipped, line numbers, each error with its line and column, and a
 * line of a million fields.  Then random documents: records of random
 * fields (commas, quotes, line ends, spaces, bytes of UTF-8) written out by
 * an independent writer with random quoting and line ends must read back
 * field for field, on the physical line each starts on; and random bytes
 * must read as a second, independently written state machine reads them,
 * records and errors alike.
 *
 * Usage: test_csv [cases]   (default 1,000,000 random cases)
 */
#include "csv.h"

#include "unit_test.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>


/* A growable string. */
typedef struct Buf
{
	char	   *data;
	size_t		len;
	size_t		cap;
} Buf;

static void
buf_add(Buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap)
	{
		b->cap = (b->len + n + 1) * 2;
		b->data = realloc(b->data, b->cap);
		if (b->data == NULL)
		{
			fprintf(stderr, "out of memory\n");
			exit(2);
		}
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static void
buf_str(Buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

static void
buf_printf_line(Buf *b, long long line)
{
	char		num[32];

	snprintf(num, sizeof(num), "%lld", line);
	buf_str(b, num);
}

/*
 * What csv_read() makes of input: "1[A|B] 3[C]" (each record's line and
 * its fields between | signs), then "ERR <status> <line> <column>" after
 * an error.
 */
static char *
read_all(const char *input, size_t len)
{
	CsvReader	r;
	char	   *text = malloc(len + 1);
	Buf			out = {0};
	CsvStatus	s;

	csv_init(&r, input, len, text, NULL, 0, realloc);
	buf_str(&out, "");
	while ((s = csv_read(&r)) == CSV_RECORD)
	{
		if (out.len > 0)
			buf_str(&out, " ");
		buf_printf_line(&out, (long long) r.record_line);
		buf_str(&out, "[");
		for (size_t i = 0; i < r.nfields; i++)
		{
			size_t		n;
			const char *f = csv_field(&r, i, &n);

			if (i > 0)
				buf_str(&out, "|");
			buf_add(&out, f, n);
		}
		buf_str(&out, "]");
	}
	if (s != CSV_END)
	{
		char		err[96];

		snprintf(err, sizeof(err), "%sERR %d %lld %lld", out.len > 0 ? " " : "",
				 (int) s, (long long) r.error_line, (long long) r.error_column);
		buf_str(&out, err);
	}
	free(text);
	free(r.ends);
	return out.data;
}

static void
expect(const char *input, const char *want, const char *what)
{
	char	   *got = read_all(input, strlen(input));

	CHECK(strcmp(got, want) == 0, "%s: got \"%s\", want \"%s\"", what, got, want);
	free(got);
}

static void
test_known(void)
{
	char		err[64];

	expect("", "", "empty text");
	expect("A,B\nC,D\n", "1[A|B] 2[C|D]", "LF");
	expect("A,B\r\nC,D\r\n", "1[A|B] 2[C|D]", "CRLF");
	expect("A\rB\r", "1[A] 2[B]", "CR alone");
	expect("A,B", "1[A|B]", "no line end at the end");
	expect("A,\n", "1[A|]", "empty last field");
	expect(",A", "1[|A]", "empty first field");
	expect("\xEF\xBB\xBF" "CHILD,DOB\n", "1[CHILD|DOB]", "byte-order mark dropped");
	expect("A\n\xEF\xBB\xBF", "1[A] 2[\xEF\xBB\xBF]", "only at the start");
	expect("\xEF\xBB", "1[\xEF\xBB]", "part of a mark is text");
	expect("A\n\n,,\n  ,\t\n\r\n\"\",\" \"\nB\n", "1[A] 7[B]",
		   "blank records skipped, lines counted");
	expect("\"A,B\",\"say \"\"hi\"\"\",\"x\ny\"\nnext\n",
		   "1[A,B|say \"hi\"|x\ny] 3[next]", "quoted comma, quotes, line break");
	expect("\"a\r\nb\",c\r\nd", "1[a\r\nb|c] 3[d]", "CRLF kept in a quoted field");
	expect("\"a\rb\",c\nd", "1[a\rb|c] 3[d]", "CR kept in a quoted field");
	expect("\"\",x", "1[|x]", "empty quoted field");
	expect("\"\"\"\"", "1[\"]", "a field of one quote");
	expect("\" A \", B ", "1[ A | B ]", "spaces kept");
	expect("x\n\"\n\n\",y\nz", "1[x] 2[\n\n|y] 5[z]", "line breaks only, in quotes");
	expect("caf\xC3\xA9,\"\xE2\x82\xAC\"", "1[caf\xC3\xA9|\xE2\x82\xAC]", "UTF-8");

	/* Errors: the status, the line, the column (the field's number). */
	snprintf(err, sizeof(err), "1[CHILD|DOB] ERR %d 2 1", CSV_UNTERMINATED);
	expect("CHILD,DOB\n\"ABC,01/01/2010\n", err, "no closing quote");
	snprintf(err, sizeof(err), "1[CHILD] ERR %d 2 1", CSV_AFTER_QUOTE);
	expect("CHILD\n\"A\"B\n", err, "a character after the closing quote");
	snprintf(err, sizeof(err), "1[A|B] ERR %d 2 2", CSV_STRAY_QUOTE);
	expect("A,B\nC,D\"E\n", err, "a quote in an unquoted field");
	snprintf(err, sizeof(err), "1[X] ERR %d 3 1", CSV_AFTER_QUOTE);
	expect("X\n\"a\nb\"c", err, "after a quote, on the line of the fault");
	snprintf(err, sizeof(err), "1[h] ERR %d 2 3", CSV_UNTERMINATED);
	expect("h\na,b,\"c\nd\n", err, "unterminated: where the quote opens");
	snprintf(err, sizeof(err), "ERR %d 1 1", CSV_AFTER_QUOTE);
	expect("\"A\" ,B", err, "a space after the closing quote");
	snprintf(err, sizeof(err), "ERR %d 1 2", CSV_STRAY_QUOTE);
	expect("A, \"B\"", err, "a space before an opening quote");
	snprintf(err, sizeof(err), "ERR %d 1 2", CSV_UNTERMINATED);
	expect("A,\"B\"\"", err, "a doubled quote is not a closing one");
	snprintf(err, sizeof(err), "ERR %d 1 1", CSV_UNTERMINATED);
	expect("\"", err, "a lone quote");
	snprintf(err, sizeof(err), "ERR %d 3 1", CSV_STRAY_QUOTE);
	expect("\n\nA\"", err, "line of an error after blank lines");

	CHECK(strcmp(csv_status_message(CSV_UNTERMINATED), "quoted field has no closing quote") == 0,
		  "message");
}

/* The record boundaries: 16 fields fill the first array, 17 grow it. */
static void
test_growth(void)
{
	Buf			in = {0};
	Buf			want = {0};
	char	   *got;

	for (int n = 1; n <= 40; n++)
	{
		in.len = want.len = 0;
		buf_str(&want, "1[");
		for (int i = 0; i < n; i++)
		{
			buf_str(&in, i ? ",f" : "f");
			buf_str(&want, i ? "|f" : "f");
		}
		buf_str(&want, "]");
		got = read_all(in.data, in.len);
		CHECK(strcmp(got, want.data) == 0, "%d fields: %s", n, got);
		free(got);
	}
	free(in.data);
	free(want.data);
}

static void *
no_memory(void *ptr, size_t size)
{
	(void) ptr;
	(void) size;
	return NULL;
}

static void
test_no_memory(void)
{
	CsvReader	r;
	char		text[8];
	size_t		ends[2];

	/* Two fields fit the caller's array; a third needs more. */
	csv_init(&r, "a,b", 3, text, ends, 2, no_memory);
	CHECK(csv_read(&r) == CSV_RECORD && r.nfields == 2, "fits");
	CHECK(csv_read(&r) == CSV_END, "end");
	csv_init(&r, "a,b,c", 5, text, ends, 2, no_memory);
	CHECK(csv_read(&r) == CSV_NO_MEMORY, "out of memory");
	CHECK(csv_read(&r) == CSV_END, "nothing read after an error");
}

/* A line of a million fields, and a million lines: one pass each. */
static void
test_wide(void)
{
	size_t		n = 1000000;
	char	   *in = malloc(2 * n);
	char	   *text = malloc(2 * n);
	CsvReader	r;
	size_t		len;
	const char *f;
	size_t		records = 0;
	CsvStatus	s;

	for (size_t i = 0; i < n; i++)
	{
		in[2 * i] = (char) ('a' + i % 26);
		in[2 * i + 1] = ',';
	}
	csv_init(&r, in, 2 * n - 1, text, NULL, 0, realloc);
	CHECK(csv_read(&r) == CSV_RECORD && r.nfields == n, "a million fields: %zu", r.nfields);
	f = csv_field(&r, n - 1, &len);
	CHECK(len == 1 && f[0] == (char) ('a' + (n - 1) % 26), "the last field");
	CHECK(csv_read(&r) == CSV_END, "one record");
	free(r.ends);

	for (size_t i = 0; i < n; i++)
		in[2 * i + 1] = '\n';
	csv_init(&r, in, 2 * n, text, NULL, 0, realloc);
	while ((s = csv_read(&r)) == CSV_RECORD)
		records++;
	CHECK(s == CSV_END && records == n && r.record_line == (int64_t) n,
		  "a million lines: %zu", records);
	free(r.ends);
	free(in);
	free(text);
}

/* ---------------------------------------------------------------------- */
/* Random documents, written out and read back. */

#define MAX_FIELDS 8
#define MAX_FIELD_LEN 12

static const char *const pieces[] = {
	"a", "b", "Z", "1", " ", "\t", ",", "\"", "\n", "\r", "\r\n", "\xC3\xA9", "\xEF\xBB\xBF"
};

static bool
field_is_blank(const char *f, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strchr(" \t\n\r\v\f", f[i]) == NULL || f[i] == '\0')
			return false;
	return true;
}

/* The line of byte `at` of text: line ends before it, plus one. */
static long long
line_at(const char *text, size_t at)
{
	long long	line = 1;

	for (size_t i = 0; i < at; i++)
		if (text[i] == '\n' || (text[i] == '\r' && text[i + 1] != '\n'))
			line++;
	return line;
}

static void
test_round_trip(long cases)
{
	static const char *const ends[] = {"\n", "\r\n", "\r"};

	for (long k = 0; k < cases; k++)
	{
		Buf			doc = {0};
		Buf			want = {0};
		int			nrecords = (int) (rng() % 5) + 1;
		char	   *got;

		buf_str(&doc, "");
		buf_str(&want, "");
		if (rng() % 8 == 0)
			buf_str(&doc, "\xEF\xBB\xBF");
		for (int r = 0; r < nrecords; r++)
		{
			int			nfields = (int) (rng() % MAX_FIELDS) + 1;
			Buf			rec = {0};
			bool		blank = true;
			size_t		start = doc.len;

			buf_str(&rec, "");
			for (int i = 0; i < nfields; i++)
			{
				Buf			f = {0};
				int			len = (int) (rng() % MAX_FIELD_LEN);
				bool		quote;

				buf_str(&f, "");
				for (int j = 0; j < len; j++)
				{
					/* mostly plain text, sometimes a special */
					int			p = rng() % 3 ? (int) (rng() % 4) : (int) (rng() % 13);

					buf_str(&f, pieces[p]);
				}
				quote = strpbrk(f.data, ",\"\r\n") != NULL || rng() % 4 == 0;
				/* A byte-order mark written first in the text is dropped. */
				if (doc.len == 0 && i == 0 && strncmp(f.data, "\xEF\xBB\xBF", 3) == 0)
					quote = true;
				if (i > 0)
					buf_str(&doc, ",");
				if (quote)
				{
					buf_str(&doc, "\"");
					for (size_t j = 0; j < f.len; j++)
						buf_str(&doc, f.data[j] == '"' ? "\"\"" : (char[2]) {f.data[j], 0});
					buf_str(&doc, "\"");
				}
				else
					buf_add(&doc, f.data, f.len);
				if (!field_is_blank(f.data, f.len))
					blank = false;
				buf_str(&rec, i > 0 ? "|" : "");
				buf_add(&rec, f.data, f.len);
				free(f.data);
			}
			if (!blank)
			{
				if (want.len > 0)
					buf_str(&want, " ");
				/* its first byte (after a mark the writer put first) */
				buf_printf_line(&want, line_at(doc.data, start));
				buf_str(&want, "[");
				buf_add(&want, rec.data, rec.len);
				buf_str(&want, "]");
			}
			free(rec.data);
			if (r < nrecords - 1 || rng() % 2)
				buf_str(&doc, ends[rng() % 3]);
			/* sometimes a blank line between */
			if (rng() % 8 == 0)
				buf_str(&doc, ends[rng() % 3]);
		}
		got = read_all(doc.data, doc.len);
		CHECK(strcmp(got, want.data) == 0, "round trip %ld: got \"%s\", want \"%s\"",
			  k, got, want.data);
		free(got);
		free(doc.data);
		free(want.data);
	}
}

/*
 * The same rules as a state machine written apart from csv.c, with the
 * same output as read_all().
 */
static char *
reference_read(const char *in, size_t len)
{
	enum
	{
		FIELD_START, UNQUOTED, QUOTED, QUOTE_SEEN
	}			state = FIELD_START;
	Buf			out = {0};
	Buf			rec = {0};
	long long	line = 1,
				rec_line = 1,
				opened = 0;
	int			nfields = 0;
	bool		blank = true;
	size_t		i = 0;
	char		err[96];

	buf_str(&out, "");
	buf_str(&rec, "");
	if (len >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
#define FAIL(status, l) \
	do { \
		snprintf(err, sizeof(err), "%sERR %d %lld %d", out.len > 0 ? " " : "", \
				 (int) (status), (long long) (l), nfields + 1); \
		buf_str(&out, err); \
		free(rec.data); \
		return out.data; \
	} while (0)
#define END_RECORD() \
	do { \
		nfields++; \
		buf_str(&rec, "]"); \
		if (!blank) \
		{ \
			if (out.len > 0) \
				buf_str(&out, " "); \
			buf_printf_line(&out, rec_line); \
			buf_str(&out, "["); \
			buf_add(&out, rec.data, rec.len); \
		} \
		rec.len = 0; \
		rec.data[0] = '\0'; \
		nfields = 0; \
		blank = true; \
	} while (0)

	for (; i <= len; i++)
	{
		int			c = i < len ? (unsigned char) in[i] : -1;
		bool		eol = c == '\n' || c == '\r';

		if (state == FIELD_START && nfields == 0 && rec.len == 0)
			rec_line = line;
		switch (state)
		{
			case FIELD_START:
			case UNQUOTED:
				if (c == '"' && state == FIELD_START)
				{
					state = QUOTED;
					opened = line;
					continue;
				}
				if (c == '"')
					FAIL(CSV_STRAY_QUOTE, line);
				if (c == ',')
				{
					nfields++;
					buf_str(&rec, "|");
					state = FIELD_START;
					continue;
				}
				if (eol || c < 0)
				{
					if (c < 0 && state == FIELD_START && nfields == 0 && rec.len == 0)
						break;
					END_RECORD();
					state = FIELD_START;
					if (c == '\r' && i + 1 < len && in[i + 1] == '\n')
						i++;
					if (eol)
						line++;
					continue;
				}
				if (!strchr(" \t\v\f", c))
					blank = false;
				buf_add(&rec, (char[1]) {(char) c}, 1);
				state = UNQUOTED;
				continue;
			case QUOTED:
				if (c < 0)
					FAIL(CSV_UNTERMINATED, opened);
				if (c == '"')
				{
					state = QUOTE_SEEN;
					continue;
				}
				if (c == '\n' || (c == '\r' && (i + 1 >= len || in[i + 1] != '\n')))
					line++;
				if (!strchr(" \t\n\r\v\f", c))
					blank = false;
				buf_add(&rec, (char[1]) {(char) c}, 1);
				continue;
			case QUOTE_SEEN:
				if (c == '"')
				{
					blank = false;
					buf_str(&rec, "\"");
					state = QUOTED;
					continue;
				}
				if (c == ',')
				{
					nfields++;
					buf_str(&rec, "|");
					state = FIELD_START;
					continue;
				}
				if (eol || c < 0)
				{
					END_RECORD();
					state = FIELD_START;
					if (c == '\r' && i + 1 < len && in[i + 1] == '\n')
						i++;
					if (eol)
						line++;
					continue;
				}
				FAIL(CSV_AFTER_QUOTE, line);
		}
	}
#undef FAIL
#undef END_RECORD
	free(rec.data);
	return out.data;
}

static void
test_random_bytes(long cases)
{
	static const char alphabet[] = {'a', ' ', ',', '"', '"', '\n', '\r', '\t', '\xEF', '\xBB', '\xBF'};

	for (long k = 0; k < cases; k++)
	{
		char		doc[48];
		size_t		len = (size_t) (rng() % sizeof(doc));
		char	   *got,
				   *want;

		for (size_t i = 0; i < len; i++)
			doc[i] = alphabet[rng() % sizeof(alphabet)];
		if (len >= 3 && rng() % 8 == 0)
			memcpy(doc, "\xEF\xBB\xBF", 3);
		got = read_all(doc, len);
		want = reference_read(doc, len);
		CHECK(strcmp(got, want) == 0, "random bytes %ld (%zu bytes): got \"%s\", want \"%s\"",
			  k, len, got, want);
		free(got);
		free(want);
	}
}

int
main(int argc, char **argv)
{
	long		cases = argc > 1 ? atol(argv[1]) : 1000000;

	rng_state = 0x2545F4914F6CDD1DULL;
	test_known();
	test_growth();
	test_no_memory();
	test_wide();
	test_round_trip(cases / 4);
	test_random_bytes(cases);

	return report_results("CSV tokenizer", cases);
}
