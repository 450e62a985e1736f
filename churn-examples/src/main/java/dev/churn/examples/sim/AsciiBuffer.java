package dev.churn.examples.sim;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer for writing CSV rows of ASCII text without creating strings: integers and
 * fixed-point decimals are written digit by digit, which is several times faster than {@code
 * String.format} or {@code StringBuilder.append(double)} in the simulator's hot loops.
 */
final class AsciiBuffer {

  private static final byte[] LONG_MIN = Long.toString(Long.MIN_VALUE).getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private byte[] bytes;
  private int size;

  AsciiBuffer(int initialCapacity) {
    bytes = new byte[Math.max(16, initialCapacity)];
  }

  int size() {
    return size;
  }

  void clear() {
    size = 0;
  }

  /** The content, for tests. */
  String asString() {
    return new String(bytes, 0, size, java.nio.charset.StandardCharsets.US_ASCII);
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, size);
  }

  private void ensure(int extra) {
    if (size + extra > bytes.length) {
      long wanted = Math.max((long) bytes.length * 2, (long) size + extra);
      if (wanted > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("AsciiBuffer cannot grow beyond 2 GB");
      }
      bytes = Arrays.copyOf(bytes, (int) wanted);
    }
  }

  AsciiBuffer put(byte b) {
    ensure(1);
    bytes[size++] = b;
    return this;
  }

  AsciiBuffer comma() {
    return put((byte) ',');
  }

  AsciiBuffer newline() {
    return put((byte) '\n');
  }

  AsciiBuffer put(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, bytes, size, b.length);
    size += b.length;
    return this;
  }

  AsciiBuffer put(byte[] b, int from, int length) {
    ensure(length);
    System.arraycopy(b, from, bytes, size, length);
    size += length;
    return this;
  }

  AsciiBuffer putInt(int value) {
    return putLong(value);
  }

  AsciiBuffer putLong(long value) {
    if (value < 0) {
      if (value == Long.MIN_VALUE) {
        return put(LONG_MIN);
      }
      put((byte) '-');
      value = -value;
    }
    int digits = digits(value);
    ensure(digits);
    int pos = size + digits;
    size = pos;
    while (value >= 10) {
      long q = value / 10;
      bytes[--pos] = (byte) ('0' + (int) (value - q * 10));
      value = q;
    }
    bytes[--pos] = (byte) ('0' + (int) value);
    return this;
  }

  /** Writes {@code thousandths / 1000} with exactly three decimals, e.g. {@code 6309273 -> 6309.273}. */
  AsciiBuffer putThousandths(long thousandths) {
    if (thousandths < 0) {
      if (thousandths == Long.MIN_VALUE) {
        // -9223372036854775.808, the most negative value the real data shows
        put((byte) '-');
        putLong(9223372036854775L);
        return putFraction(808);
      }
      put((byte) '-');
      thousandths = -thousandths;
    }
    putLong(thousandths / 1000);
    return putFraction((int) (thousandths % 1000));
  }

  private AsciiBuffer putFraction(int f) {
    ensure(4);
    bytes[size++] = '.';
    bytes[size++] = (byte) ('0' + f / 100);
    bytes[size++] = (byte) ('0' + f / 10 % 10);
    bytes[size++] = (byte) ('0' + f % 10);
    return this;
  }

  private static int digits(long v) {
    int d = 1;
    long p = 10;
    while (d < 19 && v >= p) {
      d++;
      p *= 10;
    }
    return d;
  }
}
