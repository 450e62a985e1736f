package dev.churn.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;

/**
 * What a command has to say, in the two forms every {@code churn} command offers: a readable
 * text for people and one JSON document for programs. Commands build a report and hand it to
 * {@link OutputOptions#print}.
 */
public interface CliReport {

  /**
   * Returns the report as one JSON document; field names in snake_case, NaN and infinities as
   * null.
   *
   * @param mapper the mapper to create nodes with
   * @return the document
   */
  JsonNode toJson(ObjectMapper mapper);

  /**
   * Prints the report for people: aligned tables, short lines.
   *
   * @param out where to print; not closed
   */
  void printText(PrintWriter out);
}
