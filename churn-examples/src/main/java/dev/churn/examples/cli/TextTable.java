package dev.churn.examples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A plain-text table with aligned columns, for the readable output of commands.
 *
 * <pre>{@code
 * TextTable t = new TextTable("column", "type", "missing").alignRight(2);
 * t.row("age", "numeric", "0 (0.0 %)");
 * t.print(out);
 * }</pre>
 */
public final class TextTable {
  private final String[] header;
  private final boolean[] right;
  private final List<String[]> rows = new ArrayList<>();
  private int maxWidth = 60;

  /**
   * Creates a table with these column headers.
   *
   * @param header one title per column
   */
  public TextTable(String... header) {
    this.header = header.clone();
    this.right = new boolean[header.length];
  }

  /**
   * Right-aligns the given columns (0-based), for numbers.
   *
   * @param columns the 0-based column positions
   * @return this table
   */
  public TextTable alignRight(int... columns) {
    for (int c : columns) {
      right[Objects.checkIndex(c, header.length)] = true;
    }
    return this;
  }

  /**
   * Sets the widest a cell may be before it is cut with "..." (default 60).
   *
   * @param width the widest cell, at least 4
   * @return this table
   */
  public TextTable maxWidth(int width) {
    if (width < 4) {
      throw new IllegalArgumentException("maxWidth was '" + width + "' but it must be >= 4");
    }
    this.maxWidth = width;
    return this;
  }

  /**
   * Adds a row; missing trailing cells are empty.
   *
   * @param cells one text per column, at most as many as there are columns
   * @return this table
   */
  public TextTable row(String... cells) {
    if (cells.length > header.length) {
      throw new IllegalArgumentException(
          "row has " + cells.length + " cells but the table has " + header.length + " columns");
    }
    String[] r = Arrays.copyOf(cells, header.length);
    for (int i = 0; i < r.length; i++) {
      r[i] = r[i] == null ? "" : cut(r[i].replace('\n', ' '));
    }
    rows.add(r);
    return this;
  }

  private String cut(String s) {
    return s.length() <= maxWidth ? s : s.substring(0, maxWidth - 3) + "...";
  }

  /**
   * Prints the header, a rule and the rows, with two spaces between columns.
   *
   * @param out where to print; not closed
   */
  public void print(PrintWriter out) {
    int[] width = new int[header.length];
    for (int c = 0; c < header.length; c++) {
      width[c] = header[c].length();
      for (String[] r : rows) {
        width[c] = Math.max(width[c], r[c].length());
      }
    }
    printRow(out, header, width);
    String[] rule = new String[header.length];
    for (int c = 0; c < header.length; c++) {
      rule[c] = "-".repeat(width[c]);
    }
    printRow(out, rule, width);
    for (String[] r : rows) {
      printRow(out, r, width);
    }
  }

  private void printRow(PrintWriter out, String[] cells, int[] width) {
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      if (c > 0) {
        sb.append("  ");
      }
      String pad = " ".repeat(width[c] - cells[c].length());
      sb.append(right[c] ? pad + cells[c] : cells[c] + (c == cells.length - 1 ? "" : pad));
    }
    out.println(sb.toString().stripTrailing());
  }
}
