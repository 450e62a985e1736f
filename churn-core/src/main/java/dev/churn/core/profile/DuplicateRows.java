package dev.churn.core.profile;

import dev.churn.core.table.BooleanColumn;
import dev.churn.core.table.CategoricalColumn;
import dev.churn.core.table.Column;
import dev.churn.core.table.DateColumn;
import dev.churn.core.table.IdColumn;
import dev.churn.core.table.NumericColumn;
import java.util.Arrays;
import java.util.List;

/**
 * Counts rows that repeat an earlier row, like pandas' {@code DataFrame.duplicated().sum()}:
 * missing values equal each other and {@code -0.0} equals {@code 0.0}. One 64-bit hash per row
 * and one sort of the hashes; rows whose hash repeats are then compared value by value, so hash
 * collisions never count.
 */
final class DuplicateRows {
  private static final long SEED = 0x2545F4914F6CDD1DL;
  private static final long MISSING = 0x9E3779B97F4A7C15L;

  private DuplicateRows() {}

  static long count(List<Column> cols, int rows) {
    if (rows < 2 || cols.isEmpty()) {
      return 0;
    }
    long[] h = new long[rows];
    Arrays.fill(h, SEED);
    for (Column c : cols) {
      mix(h, c);
    }
    long[] sorted = h.clone();
    Arrays.sort(sorted);
    // The hashes that occur more than once, each once, ascending.
    long[] repeated = new long[16];
    int nRepeated = 0;
    for (int i = 1; i < rows; i++) {
      if (sorted[i] == sorted[i - 1] && (nRepeated == 0 || repeated[nRepeated - 1] != sorted[i])) {
        if (nRepeated == repeated.length) {
          repeated = Arrays.copyOf(repeated, nRepeated * 2);
        }
        repeated[nRepeated++] = sorted[i];
      }
    }
    if (nRepeated == 0) {
      return 0;
    }
    // Group the candidate rows by hash (compressed rows: starts[g] .. starts[g + 1]).
    int[] group = new int[rows];
    int[] starts = new int[nRepeated + 1];
    for (int r = 0; r < rows; r++) {
      int g = Arrays.binarySearch(repeated, 0, nRepeated, h[r]);
      group[r] = g;
      if (g >= 0) {
        starts[g + 1]++;
      }
    }
    for (int g = 0; g < nRepeated; g++) {
      starts[g + 1] += starts[g];
    }
    int[] members = new int[starts[nRepeated]];
    int[] fill = Arrays.copyOf(starts, nRepeated);
    for (int r = 0; r < rows; r++) {
      if (group[r] >= 0) {
        members[fill[group[r]]++] = r;
      }
    }
    long duplicates = 0;
    int[] reps = new int[8];
    for (int g = 0; g < nRepeated; g++) {
      int nReps = 0;
      for (int i = starts[g]; i < starts[g + 1]; i++) {
        int r = members[i];
        boolean dup = false;
        for (int k = 0; k < nReps && !dup; k++) {
          dup = equalRows(cols, reps[k], r);
        }
        if (dup) {
          duplicates++;
        } else {
          if (nReps == reps.length) {
            reps = Arrays.copyOf(reps, nReps * 2);
          }
          reps[nReps++] = r;
        }
      }
    }
    return duplicates;
  }

  private static void mix(long[] h, Column c) {
    int rows = h.length;
    if (c instanceof NumericColumn n) {
      for (int r = 0; r < rows; r++) {
        double v = n.get(r);
        long bits = Double.isNaN(v) ? MISSING : v == 0 ? 0L : Double.doubleToLongBits(v);
        h[r] = step(h[r], bits);
      }
    } else if (c instanceof CategoricalColumn k) {
      for (int r = 0; r < rows; r++) {
        h[r] = step(h[r], k.code(r));
      }
    } else if (c instanceof BooleanColumn b) {
      for (int r = 0; r < rows; r++) {
        h[r] = step(h[r], b.isMissing(r) ? 2 : b.get(r) ? 1 : 0);
      }
    } else if (c instanceof DateColumn d) {
      for (int r = 0; r < rows; r++) {
        h[r] = step(h[r], d.epochDay(r));
      }
    } else {
      IdColumn id = (IdColumn) c;
      for (int r = 0; r < rows; r++) {
        h[r] = step(h[r], id.isMissing(r) ? MISSING : id.format(r).hashCode());
      }
    }
  }

  private static long step(long h, long v) {
    long x = (h ^ v) * 0xBF58476D1CE4E5B9L;
    return x ^ (x >>> 31);
  }

  private static boolean equalRows(List<Column> cols, int a, int b) {
    for (Column c : cols) {
      if (c.isMissing(a) != c.isMissing(b)) {
        return false;
      }
      if (c.isMissing(a)) {
        continue;
      }
      boolean same;
      if (c instanceof NumericColumn n) {
        same = n.get(a) == n.get(b);
      } else if (c instanceof CategoricalColumn k) {
        same = k.code(a) == k.code(b);
      } else if (c instanceof BooleanColumn bc) {
        same = bc.get(a) == bc.get(b);
      } else if (c instanceof DateColumn d) {
        same = d.epochDay(a) == d.epochDay(b);
      } else {
        same = c.format(a).equals(c.format(b));
      }
      if (!same) {
        return false;
      }
    }
    return true;
  }
}
