package org.sparkconnectts.example;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.connect.planner.SparkConnectPlanner;
import org.apache.spark.sql.connect.plugin.CommandPlugin;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sparkconnectts.example.proto.ExampleRecordNotes;

/**
 * Runs {@code ExampleRecordNotes}: creates or replaces the client session's temporary view
 * {@code view_name} with the notes as rows (position INT, note STRING). Returns false for any
 * other command, so that the next plugin can take it.
 */
public final class ExampleRecordNotesPlugin implements CommandPlugin {
  private static final StructType SCHEMA =
      new StructType()
          .add("position", DataTypes.IntegerType, false)
          .add("note", DataTypes.StringType, false);

  @Override
  public boolean process(byte[] extension, SparkConnectPlanner planner) {
    return ExtensionMessages.unpack(extension, ExampleRecordNotes.class)
        .map(
            message -> {
              if (message.getViewName().isEmpty()) {
                throw ExtensionMessages.invalid("example_record_notes needs a view_name");
              }
              List<Row> rows = new ArrayList<>();
              for (int i = 0; i < message.getNotesCount(); i++) {
                rows.add(RowFactory.create(i + 1, message.getNotes(i)));
              }
              planner
                  .session()
                  .createDataFrame(rows, SCHEMA)
                  .createOrReplaceTempView(message.getViewName());
              return true;
            })
        .orElse(false);
  }
}
