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
 * Dense integer ids for entity keys, in order of first appearance. Categorical entity columns are
 * mapped code by code through a cache that follows the stream's growing dictionary, so a row
 * costs one array read; id columns cost one hash lookup per row.
 */
final class EntityIndex {
  private final Map<String, Integer> ids = new HashMap<>();
  private final List<String> keys = new ArrayList<>();
  private Dictionary cachedDictionary;
  private int[] codeToId = new int[0];

  int size() {
    return keys.size();
  }

  List<String> keys() {
    return keys;
  }

  int idOf(String key) {
    Integer id = ids.get(key);
    if (id == null) {
      id = keys.size();
      ids.put(key, id);
      keys.add(key);
    }
    return id;
  }

  /**
   * Fills {@code out[row]} with the entity id of each row whose {@code keep[row]} is true, and
   * -1 for the others and for rows with a missing entity; only kept rows create ids.
   */
  void map(Column entity, boolean[] keep, int[] out) {
    int n = entity.size();
    if (entity instanceof CategoricalColumn c) {
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
      for (int r = 0; r < n; r++) {
        int code = keep[r] ? c.code(r) : CategoricalColumn.MISSING;
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
}
