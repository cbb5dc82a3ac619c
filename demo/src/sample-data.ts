/**
 * The demo's sample data: a generated `sales` table, made on the server when the page connects,
 * so a first visit can run real queries at once. Deterministic: every visit sees the same rows.
 */
import type { SparkSession } from "@spark-connect/web";

export const SALES_ROWS = 300_000;

const SALES_VIEW = `
CREATE OR REPLACE TEMPORARY VIEW sales AS
SELECT
  id AS order_id,
  date_add(DATE'2024-01-01', CAST(pmod(hash(id, 1), 731) AS INT)) AS order_date,
  element_at(array('North', 'South', 'East', 'West', 'Central'),
             CAST(pmod(hash(id, 2), 5) AS INT) + 1) AS region,
  element_at(array('Laptop', 'Phone', 'Tablet', 'Monitor', 'Keyboard', 'Headset'),
             CAST(pmod(hash(id, 3), 6) AS INT) + 1) AS product,
  CAST(pmod(hash(id, 4), 9) + 1 AS INT) AS quantity,
  CAST(pmod(hash(id, 5), 99500) / 100.0 + 5 AS DECIMAL(10, 2)) AS unit_price,
  CAST((pmod(hash(id, 4), 9) + 1) * (pmod(hash(id, 5), 99500) / 100.0 + 5) AS DECIMAL(12, 2)) AS amount
FROM range(${SALES_ROWS})`;

/** Creates (or replaces) the `sales` temporary view in this session. */
export async function createSampleData(spark: SparkSession, signal?: AbortSignal): Promise<void> {
  await spark.sql(SALES_VIEW, undefined, signal ? { signal } : {});
}

export const SAMPLE_QUERY = `SELECT region, round(sum(amount), 2) AS revenue, count(*) AS orders
FROM sales
GROUP BY region
ORDER BY revenue DESC`;
