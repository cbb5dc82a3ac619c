package org.sparkconnectts.example;

import java.util.Optional;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.connect.planner.SparkConnectPlanner;
import org.apache.spark.sql.connect.plugin.ExpressionPlugin;
import org.sparkconnectts.example.proto.ExampleExpression;

/**
 * Plans {@code ExampleExpression}: its child expression aliased as its custom field. The alias is
 * built as Spark's own protocol message and handed back to the planner, which keeps the plugin
 * free of Catalyst's Scala constructors and works the same on every Spark 4 release.
 */
public final class ExampleExpressionPlugin implements ExpressionPlugin {
  @Override
  public Optional<Expression> transform(byte[] extension, SparkConnectPlanner planner) {
    return ExtensionMessages.unpack(extension, ExampleExpression.class)
        .map(
            message -> {
              if (message.getCustomField().isEmpty()) {
                throw ExtensionMessages.invalid(
                    "example_expression needs a non-empty custom_field (the alias)");
              }
              var alias =
                  org.apache.spark.connect.proto.Expression.Alias.newBuilder()
                      .setExpr(ExtensionMessages.sparkExpression(message.getChild()))
                      .addName(message.getCustomField());
              return planner.transformExpression(
                  org.apache.spark.connect.proto.Expression.newBuilder().setAlias(alias).build());
            });
  }
}
