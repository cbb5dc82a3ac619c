/**
 * Every Spark data type, from a real server through Envoy into the page: the cells show exact
 * values (64-bit integers and decimals without rounding, microseconds, intervals, nested values).
 */
import { expect, stack, test, waitReady } from "./stack.js";

const EVERY_TYPE = `SELECT
  CAST(-128 AS TINYINT) AS byte_col,
  CAST(-32768 AS SMALLINT) AS short_col,
  2147483647 AS int_col,
  9223372036854775807 AS long_col,
  CAST(1.5 AS FLOAT) AS float_col,
  CAST(-0.1 AS DOUBLE) AS double_col,
  CAST('-12345678901234567890.123456789012345678' AS DECIMAL(38, 18)) AS decimal_col,
  'héllo, 世界' AS string_col,
  CAST('ab' AS CHAR(4)) AS char_col,
  CAST('xy' AS VARCHAR(5)) AS varchar_col,
  X'CAFE00' AS binary_col,
  true AS boolean_col,
  DATE'2024-02-29' AS date_col,
  TIMESTAMP'2024-02-29 23:59:59.123456+00:00' AS timestamp_col,
  TIMESTAMP_NTZ'2024-02-29 23:59:59.123456' AS timestamp_ntz_col,
  INTERVAL '1-2' YEAR TO MONTH AS year_month_col,
  INTERVAL '3 04:05:06.789' DAY TO SECOND AS day_time_col,
  make_interval(1, 2, 0, 3, 4, 5, 6.000007) AS calendar_interval_col,
  array(1, NULL, 3) AS array_col,
  map('a', 1, 'b', 2) AS map_col,
  named_struct('x', 1, 'y', 'z') AS struct_col,
  parse_json('{"k": [1, 2.5, null]}') AS variant_col,
  NULL AS null_col`;

/** Each column and the text its cell must show. */
const EXPECTED: [string, string][] = [
  ["byte_col", "-128"],
  ["short_col", "-32768"],
  ["int_col", "2147483647"],
  ["long_col", "9223372036854775807"],
  ["float_col", "1.5"],
  ["double_col", "-0.1"],
  ["decimal_col", "-12345678901234567890.123456789012345678"],
  ["string_col", "héllo, 世界"],
  ["char_col", "ab"],
  ["varchar_col", "xy"],
  ["binary_col", "0xCAFE00"],
  ["boolean_col", "true"],
  ["date_col", "2024-02-29"],
  ["timestamp_col", "2024-02-29T23:59:59.123456Z"],
  ["timestamp_ntz_col", "2024-02-29T23:59:59.123456"],
  ["year_month_col", "INTERVAL '1-2' YEAR TO MONTH"],
  ["day_time_col", "INTERVAL '3 04:05:06.789' DAY TO SECOND"],
  ["calendar_interval_col", "1 years 2 months 3 days 4 hours 5 minutes 6.000007 seconds"],
  ["array_col", "[1, NULL, 3]"],
  ["map_col", "{a -> 1, b -> 2}"],
  ["struct_col", "{x: 1, y: z}"],
  ["variant_col", '{"k":[1,2.5,null]}'],
  ["null_col", "NULL"],
];

test("a row of every Spark data type is displayed exactly", async ({ page }) => {
  await page.goto(stack.baseUrl());
  await waitReady(page);
  await page.locator("#sql").fill(EVERY_TYPE);
  await page.locator("#run").click();
  await expect(page.locator("#row-count")).toHaveAttribute("data-done", "true");
  await expect(page.locator("#row-count")).toHaveAttribute("data-rows", "1");
  await expect(page.locator("#schema-box")).toBeVisible();
  const names = await page.locator("#result thead th").allTextContents();
  const cells = await page.locator("#result tbody tr td").allTextContents();
  expect(names.map((n, i) => [n, cells[i]])).toEqual(EXPECTED);
  // The schema names each type as Spark does.
  await page.locator("#schema-box summary").click();
  await expect(page.locator("#schema li")).toContainText([
    "year_month_col: interval year to month not null",
    "variant_col: variant",
  ]);
});
