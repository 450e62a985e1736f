package dev.churn.examples.sim;

import dev.churn.core.time.Dates;
import dev.churn.core.time.Period;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads simulated KKBox files back with plain string splitting (deliberately not the simulator's
 * code) and holds a straightforward reference implementation of the label rule, for tests.
 */
final class SimFiles {

  /** One transaction row. */
  record Tx(
      String msno,
      int method,
      int planDays,
      int listPrice,
      int paid,
      boolean autoRenew,
      LocalDate date,
      LocalDate expiry,
      boolean cancel,
      String line) {}

  /** One member row. */
  record Member(String msno, int city, int bd, String gender, int via, LocalDate registered) {}

  private SimFiles() {}

  static String header(Path file) {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
      return r.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Calls {@code row} with the split fields of every data row (header skipped). */
  static void forEachRow(Path file, Consumer<String[]> row) {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
      r.readLine();
      String line;
      while ((line = r.readLine()) != null) {
        row.accept(line.split(",", -1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> dataLines(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
      return lines.subList(1, lines.size());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Member> members(Path file) {
    Map<String, Member> members = new LinkedHashMap<>();
    forEachRow(
        file,
        f ->
            members.put(
                f[0],
                new Member(
                    f[0],
                    Integer.parseInt(f[1]),
                    Integer.parseInt(f[2]),
                    f[3],
                    Integer.parseInt(f[4]),
                    Dates.parseYyyymmdd(f[5]))));
    return members;
  }

  static List<Tx> transactions(Path file) {
    List<Tx> txs = new ArrayList<>();
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split(",", -1);
        txs.add(
            new Tx(
                f[0],
                Integer.parseInt(f[1]),
                Integer.parseInt(f[2]),
                Integer.parseInt(f[3]),
                Integer.parseInt(f[4]),
                f[5].equals("1"),
                Dates.parseYyyymmdd(f[6]),
                Dates.parseYyyymmdd(f[7]),
                f[8].equals("1"),
                line));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return txs;
  }

  static Map<String, Boolean> labels(Path file) {
    Map<String, Boolean> labels = new LinkedHashMap<>();
    forEachRow(file, f -> labels.put(f[0], f[1].equals("1")));
    return labels;
  }

  /**
   * The KKBox rule, written independently of the simulator: for each member, take the latest
   * transaction dated before the month's first day (later rows win ties); if its expiry falls in
   * the month the member is in the cohort, and churned unless a non-cancel transaction is dated
   * from the first day to expiry + 30 days.
   */
  static Map<String, Boolean> referenceLabels(List<Tx> txs, Period month) {
    LocalDate d0 = month.firstDay();
    LocalDate d1 = month.lastDay();
    Map<String, List<Tx>> byMember = new LinkedHashMap<>();
    for (Tx t : txs) {
      byMember.computeIfAbsent(t.msno(), k -> new ArrayList<>()).add(t);
    }
    Map<String, Boolean> labels = new HashMap<>();
    for (Map.Entry<String, List<Tx>> e : byMember.entrySet()) {
      List<Tx> list = new ArrayList<>(e.getValue());
      list.sort(Comparator.comparing(Tx::date)); // stable: file order within a date
      Tx state = null;
      for (Tx t : list) {
        if (t.date().isBefore(d0)) {
          state = t;
        }
      }
      if (state == null) {
        continue;
      }
      LocalDate expiry = state.expiry();
      if (expiry.isBefore(d0) || expiry.isAfter(d1)) {
        continue;
      }
      LocalDate windowEnd = expiry.plusDays(30);
      boolean renewed =
          list.stream()
              .anyMatch(
                  t -> !t.cancel() && !t.date().isBefore(d0) && !t.date().isAfter(windowEnd));
      labels.put(e.getKey(), !renewed);
    }
    return labels;
  }

  /** The days each member has a log row on, read once, to count active days in any window. */
  static final class Activity {
    private final Map<String, int[]> days = new HashMap<>();

    Activity(List<Path> logFiles) {
      Map<String, int[]> growing = new HashMap<>();
      Map<String, Integer> sizes = new HashMap<>();
      for (Path file : logFiles) {
        forEachRow(
            file,
            f -> {
              int n = sizes.merge(f[0], 1, Integer::sum);
              int[] a = growing.computeIfAbsent(f[0], k -> new int[32]);
              if (n > a.length) {
                a = java.util.Arrays.copyOf(a, a.length * 2);
                growing.put(f[0], a);
              }
              a[n - 1] = Integer.parseInt(f[1]);
            });
      }
      growing.forEach((k, a) -> days.put(k, java.util.Arrays.copyOf(a, sizes.get(k))));
    }

    /** Counts, per member, the days with a log row in [asOf - days, asOf). */
    Map<String, Integer> daysActive(LocalDate asOf, int window) {
      int from = Dates.toYyyymmdd(asOf.minusDays(window));
      int to = Dates.toYyyymmdd(asOf);
      Map<String, Integer> counts = new HashMap<>();
      days.forEach(
          (msno, dates) -> {
            int c = 0;
            for (int d : dates) {
              if (d >= from && d < to) {
                c++;
              }
            }
            if (c > 0) {
              counts.put(msno, c);
            }
          });
      return counts;
    }
  }
}
