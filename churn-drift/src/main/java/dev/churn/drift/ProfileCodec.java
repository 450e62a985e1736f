package dev.churn.drift;

import dev.churn.core.DataFormatException;
import dev.churn.core.table.ColumnRole;
import dev.churn.core.table.ColumnType;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of a {@link ReferenceProfile}, big-endian:
 *
 * <pre>
 * magic "CHRP" | version u8 = 1 | rows i32 | maxPoints i32 | bins i32 | columns i32
 * per column: kind u8 (0 numeric, 1 categorical, 2 boolean) | name str | role str | rows i32 |
 *             missing i32 | ...
 *   numeric:      distinct i64 | min, max, mean, std f64 | exact u8 | ksErrorBound f64 |
 *                 wassersteinErrorBound f64 | points i32 | values f64[points] |
 *                 weights varint[points] | edges i32 | edges f64[edges] | counts varint[edges+1]
 *   categorical:  categories i32 | (name str, count varint)[categories]
 * str = length varint + UTF-8 bytes; varint = unsigned LEB128
 * </pre>
 *
 * <p>A reader refuses a version it does not know, so a later format can change freely under a new
 * number.
 */
final class ProfileCodec {
  static final int VERSION = 1;
  private static final byte[] MAGIC = {'C', 'H', 'R', 'P'};
  private static final String SOURCE = "reference profile bytes";

  private ProfileCodec() {}

  static byte[] encode(ReferenceProfile p) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(MAGIC);
      out.writeByte(VERSION);
      out.writeInt(p.rows());
      out.writeInt(p.maxPoints());
      out.writeInt(p.bins());
      out.writeInt(p.columns().size());
      for (ColumnReference c : p.columns()) {
        out.writeByte(switch (c.type()) {
          case NUMERIC -> 0;
          case CATEGORICAL -> 1;
          case BOOLEAN -> 2;
          default -> throw new IllegalStateException("unexpected column type " + c.type());
        });
        writeString(out, c.name());
        writeString(out, c.role().name());
        out.writeInt(c.rows());
        out.writeInt(c.missing());
        if (c instanceof NumericReference n) {
          out.writeLong(n.distinct());
          out.writeDouble(n.min());
          out.writeDouble(n.max());
          out.writeDouble(n.mean());
          out.writeDouble(n.std());
          out.writeByte(n.isExact() ? 1 : 0);
          out.writeDouble(n.ksErrorBound());
          out.writeDouble(n.wassersteinErrorBound());
          double[] pts = n.pointArray();
          long[] wts = n.weightArray();
          out.writeInt(pts.length);
          for (double v : pts) {
            out.writeDouble(v);
          }
          for (long w : wts) {
            writeVarint(out, w);
          }
          double[] edges = n.edgeArray();
          out.writeInt(edges.length);
          for (double e : edges) {
            out.writeDouble(e);
          }
          for (long w : n.binCountArray()) {
            writeVarint(out, w);
          }
        } else {
          CategoricalReference k = (CategoricalReference) c;
          long[] counts = k.countArray();
          out.writeInt(counts.length);
          for (int i = 0; i < counts.length; i++) {
            writeString(out, k.categories().get(i));
            writeVarint(out, counts[i]);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return bytes.toByteArray();
  }

  static ReferenceProfile decode(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
    String column = null;
    try {
      for (byte m : MAGIC) {
        if (in.get() != m) {
          throw fail(null, "a reference profile (magic 'CHRP')",
              "the bytes start differently; they are not a serialized ReferenceProfile");
        }
      }
      int version = in.get() & 0xff;
      if (version != VERSION) {
        throw fail(null, "format version " + VERSION, "found version " + version
            + "; read it with the churn version that wrote it, or rebuild the profile");
      }
      int rows = nonNegative(in.getInt(), "rows", null);
      int maxPoints = nonNegative(in.getInt(), "maxPoints", null);
      int bins = nonNegative(in.getInt(), "bins", null);
      int n = nonNegative(in.getInt(), "column count", null);
      List<ColumnReference> columns = new ArrayList<>(Math.min(n, 4096));
      for (int c = 0; c < n; c++) {
        int kind = in.get();
        String name = readString(in);
        column = name;
        ColumnRole role;
        try {
          role = ColumnRole.valueOf(readString(in));
        } catch (IllegalArgumentException e) {
          throw fail(name, "a column role", "the role is unknown");
        }
        int colRows = nonNegative(in.getInt(), "rows", name);
        int missing = nonNegative(in.getInt(), "missing", name);
        if (missing > colRows) {
          throw fail(name, "missing <= rows", "missing is " + missing + " of " + colRows);
        }
        switch (kind) {
          case 0 -> columns.add(numeric(in, name, role, colRows, missing));
          case 1, 2 -> {
            int k = nonNegative(in.getInt(), "category count", name);
            List<String> cats = new ArrayList<>(Math.min(k, 1 << 16));
            long[] counts = new long[k];
            for (int i = 0; i < k; i++) {
              cats.add(readString(in));
              counts[i] = readVarint(in);
            }
            columns.add(new CategoricalReference(name,
                kind == 1 ? ColumnType.CATEGORICAL : ColumnType.BOOLEAN, role, colRows, missing,
                cats, counts));
          }
          default -> throw fail(name, "column kind 0, 1 or 2", "found " + kind);
        }
      }
      if (in.hasRemaining()) {
        throw fail(null, "the end of the profile",
            in.remaining() + " bytes follow the last column");
      }
      return new ReferenceProfile(rows, maxPoints, bins, columns);
    } catch (BufferUnderflowException e) {
      throw fail(column, "more bytes", "the profile is truncated after " + in.position()
          + " of " + bytes.length + " bytes");
    } catch (IllegalArgumentException e) {
      throw new DataFormatException(SOURCE, -1, column, null, e.getMessage(), e);
    }
  }

  private static NumericReference numeric(ByteBuffer in, String name, ColumnRole role, int rows,
      int missing) {
    long distinct = in.getLong();
    double min = in.getDouble();
    double max = in.getDouble();
    double mean = in.getDouble();
    double std = in.getDouble();
    boolean exact = in.get() != 0;
    double ksError = in.getDouble();
    double wError = in.getDouble();
    int k = nonNegative(in.getInt(), "point count", name);
    if (k > in.remaining() / 8) {
      throw fail(name, k + " points", "the profile is truncated");
    }
    double[] pts = new double[k];
    for (int i = 0; i < k; i++) {
      pts[i] = in.getDouble();
      if (i > 0 && !(pts[i] > pts[i - 1])) {
        throw fail(name, "ascending points", "point " + i + " is " + pts[i] + " after "
            + pts[i - 1]);
      }
    }
    long[] wts = new long[k];
    long total = 0;
    for (int i = 0; i < k; i++) {
      wts[i] = readVarint(in);
      total += wts[i];
    }
    if (total != rows - missing) {
      throw fail(name, "point weights adding up to " + (rows - missing) + " values",
          "they add up to " + total);
    }
    int e = nonNegative(in.getInt(), "edge count", name);
    if (e > in.remaining() / 8) {
      throw fail(name, e + " edges", "the profile is truncated");
    }
    double[] edges = new double[e];
    for (int i = 0; i < e; i++) {
      edges[i] = in.getDouble();
    }
    long[] counts = new long[e + 1];
    for (int i = 0; i <= e; i++) {
      counts[i] = readVarint(in);
    }
    return new NumericReference(name, role, rows, missing, distinct, min, max, mean, std, pts,
        wts, exact, ksError, wError, edges, counts);
  }

  private static int nonNegative(int v, String what, String column) {
    if (v < 0) {
      throw fail(column, what + " >= 0", "found " + v);
    }
    return v;
  }

  private static DataFormatException fail(String column, String expected, String problem) {
    return new DataFormatException(SOURCE, -1, column, expected, problem);
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    writeVarint(out, b.length);
    out.write(b);
  }

  private static String readString(ByteBuffer in) {
    long len = readVarint(in);
    if (len > in.remaining()) {
      throw new BufferUnderflowException();
    }
    byte[] b = new byte[(int) len];
    in.get(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  private static void writeVarint(DataOutputStream out, long v) throws IOException {
    while ((v & ~0x7FL) != 0) {
      out.writeByte((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.writeByte((int) v);
  }

  private static long readVarint(ByteBuffer in) {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte b = in.get();
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        if (v < 0) {
          throw fail(null, "a count >= 0", "found " + v);
        }
        return v;
      }
    }
    throw fail(null, "a variable-length integer of at most 10 bytes", "it is longer");
  }
}
