package org.sparkconnectts.example;

import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sequence;

import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.classic.Dataset;
import org.apache.spark.sql.connect.planner.SparkConnectPlanner;
import org.apache.spark.sql.connect.plugin.RelationPlugin;
import org.sparkconnectts.example.proto.ExampleRepeat;

/**
 * Plans {@code ExampleRepeat}: every row of the input relation {@code times} times, with the
 * copy's number (1 to times) in a new INT column. The application logic is ordinary Dataset code
 * on the client's session.
 */
public final class ExampleRepeatPlugin implements RelationPlugin {
  @Override
  public Optional<LogicalPlan> transform(byte[] extension, SparkConnectPlanner planner) {
    return ExtensionMessages.unpack(extension, ExampleRepeat.class)
        .map(
            message -> {
              if (message.getTimes() < 1) {
                throw ExtensionMessages.invalid(
                    "example_repeat needs times >= 1, got " + message.getTimes());
              }
              if (message.getInput().isEmpty()) {
                throw ExtensionMessages.invalid("example_repeat needs an input relation");
              }
              String column = message.getIndexColumn().isEmpty() ? "copy" : message.getIndexColumn();
              LogicalPlan input =
                  planner.transformRelation(ExtensionMessages.sparkRelation(message.getInput()));
              Dataset<Row> rows = Dataset.ofRows(planner.session(), input);
              return rows.withColumn(column, explode(sequence(lit(1), lit(message.getTimes()))))
                  .logicalPlan();
            });
  }
}
