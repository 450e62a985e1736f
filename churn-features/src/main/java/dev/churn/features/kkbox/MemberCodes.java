package dev.churn.features.kkbox;

import dev.churn.core.table.Dictionary;
import java.util.Arrays;

/**
 * The member dictionary shared by every table one {@link KkboxReader} reads, so that a member has
 * the same {@code msno} code in all of them. Not thread-safe: the reader's caller thread is the
 * only one that extends it.
 */
final class MemberCodes {
  private final Dictionary.Builder shared = new Dictionary.Builder();

  /** Returns the dictionary of every member seen so far. */
  Dictionary snapshot() {
    return shared.snapshot();
  }

  /** Returns a new translation from a source's own msno codes to the shared ones. */
  Translation translation() {
    return new Translation();
  }

  /**
   * Translates the codes of one growing source dictionary (such as the batches of one CSV stream,
   * whose dictionaries extend each other) into shared codes, extending the translation as the
   * source dictionary grows.
   */
  final class Translation {
    private int[] map = new int[0];
    private int size;
    private boolean identity = true;

    /**
     * Brings the translation up to date with {@code source}, which must extend every dictionary
     * given before, and returns it: {@code map[sourceCode]} is the shared code.
     */
    int[] update(Dictionary source) {
      int n = source.size();
      if (n > map.length) {
        map = Arrays.copyOf(map, Math.max(n, map.length * 2));
      }
      for (int i = size; i < n; i++) {
        map[i] = shared.codeOf(source.get(i));
        identity &= map[i] == i;
      }
      size = Math.max(size, n);
      return map;
    }

    /** Returns whether every source code translated so far equals its shared code. */
    boolean isIdentity() {
      return identity;
    }
  }
}
