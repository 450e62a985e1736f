package dev.churn.features.labels;

import dev.churn.core.time.Period;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * A deliberately naive second implementation of the KKBox churn rule, written from the closed
 * form in {@link SubscriptionChurnLabeler}'s documentation rather than from its fold: for every
 * member, loop over all transactions again and again. Quadratic, obviously slow, easy to check by
 * eye.
 */
final class NaiveChurnLabels {
  private NaiveChurnLabels() {}

  /** A labelled cohort member. */
  record Labeled(LocalDate expiry, boolean churn) {}

  /** Returns the cohort of {@code month}: msno to expiry and label, sorted by msno. */
  static TreeMap<String, Labeled> label(
      List<Tx> txs, Period month, int windowDays, int asOfOffsetDays) {
    LocalDate asOf = month.firstDay().plusDays(asOfOffsetDays);
    Set<String> members = new LinkedHashSet<>();
    for (Tx t : txs) {
      if (t.msno() != null) {
        members.add(t.msno());
      }
    }
    TreeMap<String, Labeled> cohort = new TreeMap<>();
    for (String m : members) {
      // The last cancellation before as_of: latest day, then latest expiry on that day.
      Tx lastCancel = null;
      boolean known = false;
      for (Tx t : txs) {
        if (m.equals(t.msno()) && t.usable() && t.date().isBefore(asOf)) {
          known = true;
          if (t.cancel()
              && (lastCancel == null
                  || t.date().isAfter(lastCancel.date())
                  || (t.date().equals(lastCancel.date())
                      && t.expire().isAfter(lastCancel.expire())))) {
            lastCancel = t;
          }
        }
      }
      if (!known) {
        continue;
      }
      LocalDate expiry = lastCancel == null ? null : lastCancel.expire();
      for (Tx t : txs) {
        if (m.equals(t.msno()) && t.usable() && t.date().isBefore(asOf) && !t.cancel()
            && (lastCancel == null || t.date().isAfter(lastCancel.date()))
            && (expiry == null || t.expire().isAfter(expiry))) {
          expiry = t.expire();
        }
      }
      if (!month.contains(expiry)) {
        continue;
      }
      boolean renewed = false;
      for (Tx t : txs) {
        if (m.equals(t.msno()) && t.usable() && !t.cancel()
            && !t.date().isBefore(asOf)
            && !t.date().isAfter(expiry.plusDays(windowDays))) {
          renewed = true;
        }
      }
      cohort.put(m, new Labeled(expiry, !renewed));
    }
    return cohort;
  }
}
