/**
 * The DataFrame programs of the demo's DataFrame view. The page shows each program's source, cut
 * from this very file between its `#region` and `#endregion` lines, next to its plan and result.
 */
import {
  avg,
  col,
  count,
  type DataFrame,
  lit,
  rank,
  round,
  type SparkSession,
  sum,
  Window,
} from "@spark-connect/web";

// #region revenue-by-region
export function revenueByRegion(spark: SparkSession): DataFrame {
  return spark
    .table("sales")
    .groupBy("region")
    .agg(
      round(sum("amount"), 2).alias("revenue"),
      count(lit(1)).alias("orders"),
      round(avg("quantity"), 2).alias("avg_quantity"),
    )
    .orderBy(col("revenue").desc());
}
// #endregion

// #region best-product-per-month
export function bestProductPerMonth(spark: SparkSession): DataFrame {
  const byMonth = Window.partitionBy("month").orderBy(col("revenue").desc());
  return spark
    .table("sales")
    .withColumn("month", col("order_date").cast("string").substr(1, 7))
    .groupBy("month", "product")
    .agg(sum("amount").alias("revenue"))
    .withColumn("rank", rank().over(byMonth))
    .where(col("rank").equalTo(1))
    .select("month", "product", "revenue")
    .orderBy("month");
}
// #endregion

// #region a-million-rows
export function aMillionRows(spark: SparkSession): DataFrame {
  return spark
    .range(1_000_000)
    .select(
      col("id"),
      col("id").multiply(2).alias("twice"),
      col("id").mod(7).cast("string").alias("bucket"),
    );
}
// #endregion

/** A program the page can show and run. */
export interface Program {
  readonly id: string;
  readonly title: string;
  readonly build: (spark: SparkSession) => DataFrame;
}

export const PROGRAMS: readonly Program[] = [
  { id: "revenue-by-region", title: "Revenue by region", build: revenueByRegion },
  { id: "best-product-per-month", title: "Best product per month", build: bestProductPerMonth },
  { id: "a-million-rows", title: "A million rows, streamed", build: aMillionRows },
];

/** The source text of the program with this id, as written in this file. */
export function programSource(fileText: string, id: string): string {
  const start = fileText.indexOf(`// #region ${id}\n`);
  const end = fileText.indexOf("// #endregion", start);
  if (start < 0 || end < 0) return "";
  return fileText.slice(start + `// #region ${id}\n`.length, end).trimEnd();
}
