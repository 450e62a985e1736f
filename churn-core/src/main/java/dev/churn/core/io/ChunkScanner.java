package dev.churn.core.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts a CSV byte stream into chunks of whole records, so chunks can be parsed independently and
 * in parallel. A record ends at a line feed outside double quotes; quote state is tracked byte by
 * byte (an escaped quote {@code ""} toggles twice), which is exact for UTF-8 and any other
 * ASCII-compatible encoding.
 */
final class ChunkScanner implements Closeable {
  /** A run of whole records. */
  record Chunk(byte[] data, long firstLine, int lines) {}

  private final InputStream in;
  private byte[] buf;
  private int pos;
  private int limit;
  private boolean eof;
  private long nextLine = 1;
  private long consumed;

  ChunkScanner(InputStream in, int bufferSize) {
    this.in = in;
    this.buf = new byte[bufferSize];
  }

  /** Skips a UTF-8 byte order mark at the start of the input, if present. */
  void skipBom() throws IOException {
    fill(3);
    if (limit - pos >= 3
        && (buf[pos] & 0xff) == 0xEF
        && (buf[pos + 1] & 0xff) == 0xBB
        && (buf[pos + 2] & 0xff) == 0xBF) {
      pos += 3;
      consumed += 3;
    }
  }

  /** Returns the line number the next chunk starts on. */
  long nextLine() {
    return nextLine;
  }

  /** Returns how many bytes were handed out in chunks so far. */
  long consumed() {
    return consumed;
  }

  /**
   * Returns the next chunk of at most {@code maxRecords} records, or null at the end of input.
   */
  Chunk next(int maxRecords) throws IOException {
    int scan = pos;
    int records = 0;
    int lines = 0;
    boolean inQuotes = false;
    while (true) {
      if (scan == limit) {
        if (eof) {
          break;
        }
        int offset = scan - pos;
        compactAndRead();
        scan = pos + offset;
        if (scan == limit) {
          continue; // eof now set
        }
      }
      byte b = buf[scan++];
      if (b == '"') {
        inQuotes = !inQuotes;
      } else if (b == '\n') {
        lines++;
        if (!inQuotes && ++records == maxRecords) {
          break;
        }
      }
    }
    if (scan == pos) {
      return null;
    }
    byte[] data = Arrays.copyOfRange(buf, pos, scan);
    boolean endsWithNewline = data[data.length - 1] == '\n';
    Chunk chunk = new Chunk(data, nextLine, endsWithNewline ? lines : lines + 1);
    nextLine += lines;
    consumed += scan - pos;
    pos = scan;
    return chunk;
  }

  private void fill(int atLeast) throws IOException {
    while (!eof && limit - pos < atLeast) {
      compactAndRead();
    }
  }

  private void compactAndRead() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    if (limit == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
