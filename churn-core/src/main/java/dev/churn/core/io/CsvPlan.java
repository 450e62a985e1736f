package dev.churn.core.io;

import dev.churn.core.table.ColumnSpec;
import dev.churn.core.table.Schema;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** How a CSV file maps onto a schema: which field feeds which column, and how cells are read. */
final class CsvPlan {
  final String source;
  final Schema schema;
  final List<String> header;
  /** For each field of a record, the schema column it feeds, or -1 to skip the field. */
  final int[] fieldToColumn;
  final char[][] missingTokens;
  final char delimiter;
  /** When the schema was inferred: how many rows the inference looked at; otherwise 0. */
  final int inferredFromRows;

  CsvPlan(
      String source,
      Schema schema,
      List<String> header,
      List<String> missingTokens,
      char delimiter,
      int inferredFromRows) {
    this.source = source;
    this.schema = schema;
    this.header = List.copyOf(header);
    this.fieldToColumn = new int[header.size()];
    Arrays.fill(fieldToColumn, -1);
    for (int c = 0; c < schema.size(); c++) {
      ColumnSpec spec = schema.columns().get(c);
      fieldToColumn[header.indexOf(spec.name())] = c;
    }
    this.missingTokens = new char[missingTokens.size()][];
    for (int i = 0; i < missingTokens.size(); i++) {
      this.missingTokens[i] = missingTokens.get(i).toCharArray();
    }
    this.delimiter = delimiter;
    this.inferredFromRows = inferredFromRows;
  }

  /** Returns whether trimmed cell text is a missing value. */
  boolean isMissing(char[] b, int off, int len) {
    if (len == 0) {
      return true;
    }
    for (char[] t : missingTokens) {
      if (t.length == len && Arrays.equals(t, 0, len, b, off, off + len)) {
        return true;
      }
    }
    return false;
  }

  /** Returns a hint appended to type errors when the schema was guessed from a sample. */
  String inferenceHint() {
    if (inferredFromRows <= 0) {
      return "";
    }
    return " (the column type was inferred from the first " + inferredFromRows
        + " rows; pass an explicit Schema or a larger inference sample)";
  }

  static String utf8(byte[] data) {
    return new String(data, StandardCharsets.UTF_8);
  }
}
