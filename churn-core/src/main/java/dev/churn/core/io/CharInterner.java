package dev.churn.core.io;

import java.util.Arrays;

/**
 * Gives dense codes to distinct strings seen as slices of a char buffer, without allocating a
 * String for values already seen. Open addressing with linear probing.
 */
final class CharInterner {
  private String[] values = new String[16];
  private int[] hashes = new int[16];
  private int[] table = new int[64]; // code + 1, 0 = empty
  private int size;

  int codeOf(char[] buf, int off, int len) {
    int h = 1;
    for (int i = 0; i < len; i++) {
      h = 31 * h + buf[off + i];
    }
    int mask = table.length - 1;
    int slot = mix(h) & mask;
    while (true) {
      int entry = table[slot];
      if (entry == 0) {
        break;
      }
      int code = entry - 1;
      if (hashes[code] == h && equals(values[code], buf, off, len)) {
        return code;
      }
      slot = (slot + 1) & mask;
    }
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
      hashes = Arrays.copyOf(hashes, size * 2);
    }
    values[size] = new String(buf, off, len);
    hashes[size] = h;
    table[slot] = size + 1;
    size++;
    if (size * 2 > table.length) {
      rehash();
    }
    return size - 1;
  }

  int size() {
    return size;
  }

  String get(int code) {
    return values[code];
  }

  private static int mix(int h) {
    return h ^ (h >>> 16) * 0x45d9f3b;
  }

  private static boolean equals(String s, char[] buf, int off, int len) {
    if (s.length() != len) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (s.charAt(i) != buf[off + i]) {
        return false;
      }
    }
    return true;
  }

  private void rehash() {
    int[] t = new int[table.length * 2];
    int mask = t.length - 1;
    for (int code = 0; code < size; code++) {
      int slot = mix(hashes[code]) & mask;
      while (t[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      t[slot] = code + 1;
    }
    table = t;
  }
}
