package dev.churn.models.eval;

/** Sorts {@code int} indices with a primitive comparator, without boxing (a merge sort). */
final class IndexSort {

  /** Compares two row indices. */
  @FunctionalInterface
  interface IntComparator {
    int compare(int a, int b);
  }

  private IndexSort() {}

  /** Sorts {@code a} in place; stable. */
  static void sort(int[] a, IntComparator cmp) {
    int[] buffer = a.clone();
    mergeSort(buffer, a, 0, a.length, cmp);
  }

  /** Sorts src[from, to) into dst[from, to); src and dst start with the same contents. */
  private static void mergeSort(int[] src, int[] dst, int from, int to, IntComparator cmp) {
    int length = to - from;
    if (length < 16) {
      for (int i = from + 1; i < to; i++) {
        int v = dst[i];
        int j = i - 1;
        while (j >= from && cmp.compare(dst[j], v) > 0) {
          dst[j + 1] = dst[j];
          j--;
        }
        dst[j + 1] = v;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(dst, src, from, mid, cmp);
    mergeSort(dst, src, mid, to, cmp);
    if (cmp.compare(src[mid - 1], src[mid]) <= 0) {
      System.arraycopy(src, from, dst, from, length);
      return;
    }
    for (int i = from, p = from, q = mid; i < to; i++) {
      if (q >= to || (p < mid && cmp.compare(src[p], src[q]) <= 0)) {
        dst[i] = src[p++];
      } else {
        dst[i] = src[q++];
      }
    }
  }
}
