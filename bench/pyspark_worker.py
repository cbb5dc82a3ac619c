"""One PySpark Connect measurement of `npm run bench`, in its own process; prints one JSON line.

    python bench/pyspark_worker.py <toArrow|collect|latency> <sc://host:port> <rows> <query>
"""
import json
import resource
import sys
import time

from pyspark.sql import SparkSession


def main() -> dict:
    method, remote, rows, query = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    spark = SparkSession.builder.remote(remote).getOrCreate()
    try:
        if method == "latency":
            n = rows or 200
            for _ in range(20):
                spark.sql("SELECT 1").collect()
            times = []
            for _ in range(n):
                t = time.perf_counter()
                spark.sql("SELECT 1").collect()
                times.append((time.perf_counter() - t) * 1000)
            times.sort()
            return {"p50": times[len(times) // 2], "p95": times[min(n - 1, n * 95 // 100)], "calls": n}
        spark.sql("SELECT 1").collect()
        started = time.perf_counter()
        df = spark.sql(query)
        if method == "toArrow":
            count = df.toArrow().num_rows
        elif method == "collect":
            count = len(df.collect())
        else:
            raise SystemExit(f"unknown method {method}")
        ms = (time.perf_counter() - started) * 1000
        if count != rows:
            raise SystemExit(f"{method} returned {count} rows, expected {rows}")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        return {"ms": ms, "rows": count, "peakRssBytes": peak}
    finally:
        spark.stop()


if __name__ == "__main__":
    print(json.dumps(main()), flush=True)
