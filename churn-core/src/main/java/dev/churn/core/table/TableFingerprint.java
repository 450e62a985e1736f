package dev.churn.core.table;

import dev.churn.core.storage.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A SHA-256 fingerprint of a table's content: equal for tables with the same column names,
 * types and values (categories compared by their text, not their codes), whatever the Arrow
 * layout, batch boundaries or dictionary order. Provenance records use it to say exactly which
 * data a model was trained on.
 *
 * <pre>{@code
 * String sha = TableFingerprint.of(trainingTable);
 * }</pre>
 */
public final class TableFingerprint {
  private TableFingerprint() {}

  /**
   * Returns the fingerprint of a table.
   *
   * @param table an open table
   * @return the SHA-256 as 64 lower-case hex digits
   */
  public static String of(Table table) {
    MessageDigest md = Sha256.newDigest();
    ByteBuffer buf = ByteBuffer.allocate(1 << 16);
    for (ColumnSpec c : table.schema().columns()) {
      text(md, buf, c.name());
      text(md, buf, c.type().name());
    }
    put(md, buf, 8).putLong(table.rowCount());
    for (Column c : table.columns()) {
      for (int r = 0; r < table.rowCount(); r++) {
        if (c.isMissing(r)) {
          put(md, buf, 1).put((byte) 0);
          continue;
        }
        put(md, buf, 1).put((byte) 1);
        if (c instanceof NumericColumn n) {
          put(md, buf, 8).putLong(Double.doubleToLongBits(n.get(r)));
        } else if (c instanceof DateColumn d) {
          put(md, buf, 4).putInt(d.epochDay(r));
        } else if (c instanceof BooleanColumn b) {
          put(md, buf, 1).put((byte) (b.get(r) ? 1 : 0));
        } else {
          text(md, buf, c.format(r));
        }
      }
    }
    buf.flip();
    md.update(buf);
    return Sha256.toHex(md.digest());
  }

  private static void text(MessageDigest md, ByteBuffer buf, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    put(md, buf, 4).putInt(b.length);
    for (int off = 0; off < b.length; off += buf.capacity()) {
      int n = Math.min(buf.capacity(), b.length - off);
      put(md, buf, n).put(b, off, n);
    }
  }

  private static ByteBuffer put(MessageDigest md, ByteBuffer buf, int need) {
    if (buf.remaining() < need) {
      buf.flip();
      md.update(buf);
      buf.clear();
    }
    return buf;
  }
}
