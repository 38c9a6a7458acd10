// bi_client_test.js: read a cspi report schema as a generic BI tool does,
// through node's pg (the PostgreSQL client most JavaScript BI and
// dashboard tools use), connected as a read-only role: list what it can
// read from information_schema, read the column descriptions from the
// catalogue, query with bound parameters, and check the types and values
// the client receives.  Connection from PGHOST/PGPORT/PGDATABASE, the role
// and password from BI_USER/BI_PASSWORD, the report schema from REPORT.
'use strict';
const { Client, types } = require('pg');

const report = process.env.REPORT;
let failed = 0;
let passed = 0;
function check(description, ok, detail) {
  if (ok) { passed++; console.log(`bi-client: ok: ${description}`); }
  else { failed++; console.log(`bi-client: FAILED: ${description}${detail === undefined ? '' : ': ' + JSON.stringify(detail)}`); }
}

async function main() {
  const client = new Client({ user: process.env.BI_USER, password: process.env.BI_PASSWORD });
  await client.connect();

  // What a BI navigator lists: the tables and views the role can read.
  const tables = await client.query(
    `SELECT table_name, table_type FROM information_schema.tables
      WHERE table_schema = $1 ORDER BY table_name`, [report]);
  const listed = Object.fromEntries(tables.rows.map(r => [r.table_name, r.table_type]));
  for (const name of ['indicator_value', 'period', 'scorecard', 'indicator_availability']) {
    check(`information_schema.tables lists ${report}.${name} as a view`, listed[name] === 'VIEW', listed[name]);
  }

  // Column metadata: names, types and descriptions, as JDBC's getColumns
  // and Metabase's sync read them.
  const columns = await client.query(
    `SELECT c.table_name, c.column_name, c.data_type,
            col_description(format('%I.%I', c.table_schema, c.table_name)::regclass, c.ordinal_position::int) AS description
       FROM information_schema.columns c
      WHERE c.table_schema = $1 AND c.table_name = ANY ($2)
      ORDER BY c.table_name, c.ordinal_position`,
    [report, ['indicator_value', 'period', 'scorecard']]);
  const undescribed = columns.rows.filter(r => !r.description).map(r => `${r.table_name}.${r.column_name}`);
  check(`every one of the ${columns.rows.length} columns of indicator_value, period and scorecard has a description`,
        columns.rows.length > 40 && undescribed.length === 0, undescribed);
  const type = (t, c) => (columns.rows.find(r => r.table_name === t && r.column_name === c) || {}).data_type;
  check('indicator_value.fraction is numeric, period_start a date, refreshed_at a timestamp with time zone',
        type('indicator_value', 'fraction') === 'numeric' && type('indicator_value', 'period_start') === 'date'
        && type('indicator_value', 'refreshed_at') === 'timestamp with time zone',
        [type('indicator_value', 'fraction'), type('indicator_value', 'period_start'), type('indicator_value', 'refreshed_at')]);
  check('scorecard.available is boolean', type('scorecard', 'available') === 'boolean', type('scorecard', 'available'));

  // The scorecard of a year, with a bound parameter (the extended protocol,
  // as BI tools send filters).
  const year = await client.query(
    `SELECT * FROM ${client.escapeIdentifier(report)}.scorecard WHERE period = $1 ORDER BY display_order`, ['2023/24']);
  const catalogue = await client.query('SELECT count(*)::int AS n FROM cspi.indicator');
  check(`the 2023/24 scorecard has one row per indicator (${year.rows.length})`, year.rows.length === catalogue.rows[0].n);
  const oid = name => year.fields.find(f => f.name === name).dataTypeID;
  check('the client receives booleans, dates, numerics and timestamps with time zone by their type oids',
        oid('available') === types.builtins.BOOL && oid('period_start') === types.builtins.DATE
        && oid('fraction') === types.builtins.NUMERIC && oid('data_as_at') === types.builtins.TIMESTAMPTZ,
        ['available', 'period_start', 'fraction', 'data_as_at'].map(oid));
  check('available arrives as JavaScript true or false', year.rows.every(r => r.available === true || r.available === false));
  check('period_start arrives as a Date (1 April 2023)',
        year.rows[0].period_start instanceof Date && year.rows[0].period_start.getFullYear() === 2023
        && year.rows[0].period_start.getMonth() === 3 && year.rows[0].period_start.getDate() === 1);
  const ref = year.rows.find(r => r.code === 'REF_1WD');
  check(`REF_1WD's fraction ${ref.fraction} is its numerator over its denominator (${ref.numerator} / ${ref.denominator}), 0 to 1`,
        Math.abs(Number(ref.fraction) - Number(ref.numerator) / Number(ref.denominator)) < 1e-12
        && Number(ref.fraction) >= 0 && Number(ref.fraction) <= 1);
  check(`REF_1WD's shown value ${ref.shown} is its fraction as a percentage, rounded to one decimal`,
        Number(ref.shown) === Math.round(Number(ref.fraction) * 1000) / 10);
  const counts = year.rows.filter(r => r.unit !== '%');
  check('counts and rates have no fraction', counts.length > 0 && counts.every(r => r.fraction === null));

  // Every period is there: months and quarters too, with their days.
  const months = await client.query(
    `SELECT period, period_start, period_end, shown, refreshed_at FROM ${client.escapeIdentifier(report)}.indicator_value
      WHERE indicator = $1 AND period_type = $2 AND period_start >= $3 ORDER BY period_start`,
    ['REF_1WD', 'month', '2023-04-01']);
  check(`REF_1WD has a row for each month from April 2023 (${months.rows.length})`,
        months.rows.length >= 12 && months.rows[0].period === '2023-04');
  check('every row says when it was computed', months.rows.every(r => r.refreshed_at instanceof Date));
  const quarter = await client.query(
    `SELECT count(*)::int AS n FROM ${client.escapeIdentifier(report)}.scorecard WHERE period = $1`, ['2023/24 Q4']);
  check('the scorecard view has every quarter too (2023/24 Q4)', quarter.rows[0].n === catalogue.rows[0].n);

  // A read-only role cannot change the report.
  let refused = false;
  try {
    await client.query(`DELETE FROM ${client.escapeIdentifier(report)}.indicator_value`);
  } catch (e) {
    refused = e.code;
  }
  check(`the BI role cannot change the figures (SQLSTATE ${refused})`, refused === '42501' || refused === '55000');

  await client.end();
}

main().then(() => {
  console.log(`bi-client: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}, e => {
  console.log(`bi-client: FAILED: ${e.stack || e}`);
  process.exit(1);
});
