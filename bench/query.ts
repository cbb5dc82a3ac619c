/**
 * The benchmark's query: `rows` rows of five common types (bigint, double, string,
 * decimal(18,2), timestamp), generated on the server, the same text for every client.
 */
export function benchQuery(rows: number): string {
  return (
    "SELECT id, id / 3.0D AS d, concat('row-', CAST(id AS STRING)) AS s, " +
    "CAST((id % 100000) / 100 AS DECIMAL(18,2)) AS m, " +
    `timestamp_micros(1700000000000000 + id * 1000) AS t FROM range(${Math.trunc(rows)})`
  );
}
