package org.sparkconnectts.example;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.SparkIllegalArgumentException;

/**
 * What the three plugins share: unpacking the serialized {@code google.protobuf.Any} that Spark
 * hands them (with plain protobuf-java, shipped beside this jar), reading Spark's own messages
 * nested inside ours (which arrive as bytes: see the README), and rejecting bad input with a
 * Spark error class the client receives.
 */
final class ExtensionMessages {
  private ExtensionMessages() {}

  /**
   * The message packed in {@code any}, or empty when the Any holds another type: the plugin
   * registry then asks the next plugin, and Spark fails the plan when none answers.
   */
  static <T extends Message> Optional<T> unpack(byte[] any, Class<T> type) {
    try {
      Any parsed = Any.parseFrom(any);
      if (!parsed.is(type)) return Optional.empty();
      return Optional.of(parsed.unpack(type));
    } catch (InvalidProtocolBufferException e) {
      throw invalid("the extension message could not be parsed: " + e.getMessage());
    }
  }

  /** Spark's Expression message nested in one of ours (its serialized bytes). */
  static org.apache.spark.connect.proto.Expression sparkExpression(ByteString bytes) {
    try {
      return org.apache.spark.connect.proto.Expression.parseFrom(bytes.toByteArray());
    } catch (Exception e) {
      throw invalid("the nested spark.connect.Expression could not be parsed: " + e.getMessage());
    }
  }

  /** Spark's Relation message nested in one of ours (its serialized bytes). */
  static org.apache.spark.connect.proto.Relation sparkRelation(ByteString bytes) {
    try {
      return org.apache.spark.connect.proto.Relation.parseFrom(bytes.toByteArray());
    } catch (Exception e) {
      throw invalid("the nested spark.connect.Relation could not be parsed: " + e.getMessage());
    }
  }

  /**
   * An error with Spark's USER_RAISED_EXCEPTION class (SQLSTATE P0001, the class of
   * {@code raise_error}); Spark Connect sends its class, message and parameters to the client.
   */
  static SparkIllegalArgumentException invalid(String message) {
    return new SparkIllegalArgumentException("USER_RAISED_EXCEPTION", Map.of("errorMessage", message));
  }
}
