import java.io.*;
import java.math.BigDecimal;
import java.nio.file.*;
import java.time.*;
import java.util.*;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.CatalystTypeConverters;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.arrow.ArrowConverters$;
import org.apache.spark.sql.types.*;
import org.apache.spark.unsafe.types.CalendarInterval;
import org.apache.spark.unsafe.types.VariantVal;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Checks our Arrow encoding against Spark's own code, with no Spark server: a plain JVM on the
 * jars that pyspark ships (the fixtures of ../spark-encoding.test.ts come from here).
 *
 * write <dir>: Spark's own Arrow encoding (ArrowConverters.toBatchWithSchemaIterator, what Spark
 *   Connect's server sends as arrow_batch.data) of rows covering every type, two rows per batch,
 *   plus createEmptyArrowBatch (an empty result).
 * read <file>: decodes IPC stream bytes the way Spark Connect's server reads LocalRelation data
 *   (ArrowConverters.fromIPCStream) and prints the Spark schema and the rows.
 *
 *   J=~/.cache/spark-connect-ts/pyspark/4.1.4/pyspark/jars
 *   java --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
 *     --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Duser.timezone=UTC \
 *     -cp "$J/*" spark-arrow-fixture.java write /tmp/out
 */
public class SparkArrowFixture {
  static final String DDL =
      "b boolean, y tinyint, sh smallint, i int, l bigint, f float, d double, "
          + "dec decimal(38,10), dec2 decimal(5,2), s string, bin binary, dt date, ts timestamp, "
          + "ntz timestamp_ntz, t time(6), dti interval day to second, ymi interval year to month, "
          + "ci interval, v variant, arr array<int>, m map<string,double>, "
          + "st struct<x:int,y:string>, nested array<struct<k:string,v:array<bigint>>>, "
          + "mi map<int,array<string>>, n void, id int, id string, dup struct<a:int,a:string>";

  static List<Object> list(Object... xs) { return Arrays.asList(xs); }

  public static void main(String[] args) throws Exception {
    // TIME is behind a flag in Spark 4.1 (off by default).
    org.apache.spark.sql.internal.SQLConf.get().setConfString("spark.sql.timeType.enabled", "true");
    if (args[0].equals("write")) write(Paths.get(args[1]));
    else read(Files.readAllBytes(Paths.get(args[1])));
  }

  static void write(Path dir) throws Exception {
    StructType schema = StructType.fromDDL(DDL);
    Map<String, Object> m1 = new LinkedHashMap<>();
    m1.put("a", 1.5);
    m1.put("b", null);
    Map<Integer, Object> mi1 = new LinkedHashMap<>();
    mi1.put(2, list("x", null));
    mi1.put(1, list());
    Row r1 = RowFactory.create(
        true, (byte) -5, (short) 300, 123456, 9007199254740993L, 1.5f, -0.1,
        new BigDecimal("-1234567890123456789.0123456789"), new BigDecimal("1.20"),
        "h\u00e9llo \u2713", new byte[] {0, 1, (byte) 255}, LocalDate.of(1969, 12, 31),
        Instant.parse("2023-11-14T22:13:20.123456Z"), LocalDateTime.parse("2023-11-14T22:13:20.123456"),
        LocalTime.parse("13:45:07.123456"), Duration.ofSeconds(-90061).minusNanos(1000),
        Period.ofMonths(-14), new CalendarInterval(1, 2, 3L),
        new VariantVal(new byte[] {12, 12}, new byte[] {1, 0, 0}),
        list(1, null, 3), m1, RowFactory.create(7, "z"),
        list(RowFactory.create("k1", list(1L, null)), null), mi1, null, 1, "one",
        RowFactory.create(5, "five"));
    Row r2 = RowFactory.create(new Object[28]);
    Row r3 = RowFactory.create(
        false, (byte) 127, (short) -32768, Integer.MIN_VALUE, Long.MIN_VALUE, Float.NaN,
        Double.NEGATIVE_INFINITY, new BigDecimal("0E-10"), new BigDecimal("-0.01"), "",
        new byte[0], LocalDate.of(9999, 12, 31), Instant.parse("1969-12-31T23:59:59.999999Z"),
        LocalDateTime.parse("0001-01-01T00:00:00"), LocalTime.MIDNIGHT, Duration.ZERO,
        Period.ofYears(178956970).plusMonths(7), new CalendarInterval(-1, -2, -3000001L),
        new VariantVal(new byte[] {0}, new byte[] {1, 0, 0}), list(), new LinkedHashMap<>(),
        RowFactory.create(null, null), list(), new LinkedHashMap<>(), null, null, null,
        RowFactory.create(null, null));
    var toCatalyst = CatalystTypeConverters.createToCatalystConverter(schema);
    List<InternalRow> rows = new ArrayList<>();
    for (Row r : List.of(r1, r2, r3)) rows.add(((InternalRow) toCatalyst.apply(r)).copy());
    // Two rows per batch: the result is two IPC streams, as the server sends them.
    var batches = ArrowConverters$.MODULE$.toBatchWithSchemaIterator(
        CollectionConverters.asScala(rows.iterator()), schema, 2L, Long.MAX_VALUE,
        "America/Los_Angeles", false, false);
    int n = 0;
    while (batches.hasNext()) Files.write(dir.resolve("batch-" + n++ + ".arrows"), (byte[]) batches.next());
    Files.write(dir.resolve("empty.arrows"), ArrowConverters$.MODULE$.createEmptyArrowBatch(
        schema, "America/Los_Angeles", false, false));
    System.out.println("wrote " + n + " batches");
  }

  static void read(byte[] bytes) {
    var result = ArrowConverters$.MODULE$.fromIPCStream(bytes);
    StructType schema = result._2();
    System.out.println(schema.toDDL());
    var it = result._1();
    while (it.hasNext()) {
      InternalRow row = (InternalRow) it.next();
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < schema.length(); i++) {
        DataType type = schema.fields()[i].dataType();
        Object value;
        if (row.isNullAt(i)) value = null;
        else if (type instanceof CalendarIntervalType) value = row.getInterval(i);
        else if (type instanceof TimeType) value = "nanosOfDay=" + row.getLong(i);
        else if (type instanceof VariantType) {
          VariantVal v = row.getVariant(i);
          value = "variant(" + Arrays.toString(v.getValue()) + "," + Arrays.toString(v.getMetadata()) + ")";
        } else if (type instanceof BinaryType) value = Arrays.toString(row.getBinary(i));
        else value = CatalystTypeConverters.convertToScala(row.get(i, type), type);
        line.append(i == 0 ? "" : " | ").append(schema.fields()[i].name()).append("=").append(value);
      }
      System.out.println(line);
    }
  }
}
