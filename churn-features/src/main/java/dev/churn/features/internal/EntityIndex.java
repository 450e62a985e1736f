package dev.churn.features.internal;

import dev.churn.core.table.CategoricalColumn;
import dev.churn.core.table.Column;
import dev.churn.core.table.Dictionary;
import dev.churn.core.table.IdColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dense integer ids for entity keys, and which of them were seen in a kept row.
 *
 * <p>While the entity column is categorical and every batch's dictionary extends the previous
 * one (always the case for a CSV stream or slices of one table), an entity's id is simply its
 * dictionary code: no hashing at all. Otherwise ids are given in order of first appearance
 * through a hash map, switching over without renumbering the ids given so far.
 */
final class EntityIndex {
  private Dictionary dictionary;
  private boolean hashing;
  private Map<String, Integer> ids;
  private List<String> keys;
  private boolean[] seen = new boolean[0];
  private int[] codeToId = new int[0];
  private Dictionary cachedDictionary;

  /** Returns an upper bound of the ids given so far (state must be sized to it). */
  int size() {
    return hashing ? keys.size() : dictionary == null ? 0 : dictionary.size();
  }

  /** Returns the ids that had at least one kept row, ascending. */
  int[] seenIds() {
    int n = size();
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (seen[i]) {
        count++;
      }
    }
    int[] out = new int[count];
    int j = 0;
    for (int i = 0; i < n; i++) {
      if (seen[i]) {
        out[j++] = i;
      }
    }
    return out;
  }

  /** Returns the key of an id. */
  String key(int id) {
    return hashing ? keys.get(id) : dictionary.get(id);
  }

  /**
   * Fills {@code out[row]} with the entity id of each row whose {@code keep[row]} is true, and
   * -1 for the others and for rows with a missing entity.
   */
  void map(Column entity, boolean[] keep, int[] out) {
    int n = entity.size();
    if (!hashing && entity instanceof CategoricalColumn c
        && (dictionary == null || c.dictionary().extendsDictionary(dictionary))) {
      dictionary = c.dictionary();
      int[] codes = c.codes();
      for (int r = 0; r < n; r++) {
        out[r] = keep[r] ? codes[r] : -1;
      }
    } else {
      if (!hashing) {
        startHashing();
      }
      if (entity instanceof CategoricalColumn c) {
        mapCategorical(c, keep, out);
      } else if (entity instanceof IdColumn idc) {
        for (int r = 0; r < n; r++) {
          out[r] = keep[r] ? idc.get(r).map(this::idOf).orElse(-1) : -1;
        }
      } else {
        for (int r = 0; r < n; r++) {
          out[r] = keep[r] && !entity.isMissing(r) ? idOf(entity.format(r)) : -1;
        }
      }
    }
    int size = size();
    if (seen.length < size) {
      seen = Arrays.copyOf(seen, Math.max(size, seen.length + (seen.length >> 1)));
    }
    for (int r = 0; r < n; r++) {
      if (out[r] >= 0) {
        seen[out[r]] = true;
      }
    }
  }

  private void startHashing() {
    hashing = true;
    int n = dictionary == null ? 0 : dictionary.size();
    ids = new HashMap<>(Math.max(16, n * 2));
    keys = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      keys.add(dictionary.get(i));
      ids.put(dictionary.get(i), i);
    }
  }

  private int idOf(String key) {
    Integer id = ids.get(key);
    if (id == null) {
      id = keys.size();
      ids.put(key, id);
      keys.add(key);
    }
    return id;
  }

  private void mapCategorical(CategoricalColumn c, boolean[] keep, int[] out) {
    Dictionary d = c.dictionary();
    if (cachedDictionary == null || !d.extendsDictionary(cachedDictionary)) {
      codeToId = new int[d.size()];
      Arrays.fill(codeToId, -1);
    } else if (codeToId.length < d.size()) {
      int old = codeToId.length;
      codeToId = Arrays.copyOf(codeToId, d.size());
      Arrays.fill(codeToId, old, codeToId.length, -1);
    }
    cachedDictionary = d;
    int[] codes = c.codes();
    for (int r = 0; r < codes.length; r++) {
      int code = keep[r] ? codes[r] : CategoricalColumn.MISSING;
      if (code < 0) {
        out[r] = -1;
      } else {
        int id = codeToId[code];
        if (id < 0) {
          id = idOf(d.get(code));
          codeToId[code] = id;
        }
        out[r] = id;
      }
    }
  }
}
