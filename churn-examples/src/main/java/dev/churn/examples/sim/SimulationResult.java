package dev.churn.examples.sim;

import dev.churn.core.time.Period;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link KkboxSimulator#simulate(Path)} wrote: the files, their row counts, each simulated
 * month's cohort and churn rate, the drift settings and how many dirty values were injected.
 *
 * <p>Everything except {@link #seconds()} is a pure function of the simulator's configuration.
 *
 * @param directory the output directory
 * @param members {@code members.csv}
 * @param transactions {@code transactions.csv}
 * @param userLogs {@code user_logs.csv}, or one {@code user_logs_YYYYMM.csv} per month written
 * @param memberRows data rows in {@code members.csv}
 * @param transactionRows data rows in {@code transactions.csv}, duplicates included
 * @param userLogRows data rows in all user_logs files
 * @param bytes bytes written to all files
 * @param months one entry per simulated (and labelled) month, in order
 * @param drift when data and concept drift start
 * @param dirty counts of the dirty values written
 * @param seed the random seed used
 * @param seconds wall-clock time of the simulation
 */
public record SimulationResult(
    Path directory,
    Path members,
    Path transactions,
    List<Path> userLogs,
    long memberRows,
    long transactionRows,
    long userLogRows,
    long bytes,
    List<Month> months,
    Drift drift,
    DirtyCounts dirty,
    long seed,
    double seconds) {

  /**
   * Checks the fields are present and copies the lists.
   *
   * @param directory the output directory
   * @param members {@code members.csv}
   * @param transactions {@code transactions.csv}
   * @param userLogs the user_logs file(s)
   * @param memberRows data rows in {@code members.csv}
   * @param transactionRows data rows in {@code transactions.csv}
   * @param userLogRows data rows in all user_logs files
   * @param bytes bytes written to all files
   * @param months one entry per simulated month
   * @param drift when drift starts
   * @param dirty counts of the dirty values
   * @param seed the random seed
   * @param seconds wall-clock time
   */
  public SimulationResult {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(members, "members");
    Objects.requireNonNull(transactions, "transactions");
    userLogs = List.copyOf(userLogs);
    months = List.copyOf(months);
    Objects.requireNonNull(drift, "drift");
    Objects.requireNonNull(dirty, "dirty");
  }

  /**
   * Returns the label file of each month, in month order.
   *
   * @return month to {@code train_YYYYMM.csv}
   */
  public Map<Period, Path> labelFiles() {
    Map<Period, Path> map = new LinkedHashMap<>();
    for (Month m : months) {
      map.put(m.month(), m.labels());
    }
    return Collections.unmodifiableMap(map);
  }

  /**
   * One simulated month: the cohort whose membership expires in it and how many of them churned.
   *
   * @param month the month
   * @param labels its label file {@code train_YYYYMM.csv}
   * @param cohortSize members whose membership (as known on the month's first day) expires in the
   *     month: the rows of the label file
   * @param churned how many of them have {@code is_churn = 1}
   * @param activeAtStart members with a membership valid on the month's first day
   * @param newMembers members who registered in the month
   * @param userLogRows user_logs rows dated in the month that were written
   */
  public record Month(
      Period month,
      Path labels,
      int cohortSize,
      int churned,
      int activeAtStart,
      int newMembers,
      long userLogRows) {

    /**
     * Checks the month and the label file are present.
     *
     * @param month the month
     * @param labels its label file
     * @param cohortSize rows of the label file
     * @param churned rows with {@code is_churn = 1}
     * @param activeAtStart members with a valid membership on the first day
     * @param newMembers members who registered in the month
     * @param userLogRows user_logs rows written for the month
     */
    public Month {
      Objects.requireNonNull(month, "month");
      Objects.requireNonNull(labels, "labels");
    }

    /**
     * Returns the share of the cohort that churned.
     *
     * @return churned / cohortSize, or 0 for an empty cohort
     */
    public double churnRate() {
      return cohortSize == 0 ? 0 : (double) churned / cohortSize;
    }
  }

  /**
   * When drift starts; empty when there is none.
   *
   * @param dataDriftFrom first month with data drift (listening volume and song length down, price
   *     increase, new members from a new channel and another city mix)
   * @param conceptDriftFrom first month with concept drift (churn driven by price and discounts
   *     instead of engagement)
   */
  public record Drift(Optional<Period> dataDriftFrom, Optional<Period> conceptDriftFrom) {

    /**
     * Checks both fields are present.
     *
     * @param dataDriftFrom first month with data drift
     * @param conceptDriftFrom first month with concept drift
     */
    public Drift {
      Objects.requireNonNull(dataDriftFrom, "dataDriftFrom");
      Objects.requireNonNull(conceptDriftFrom, "conceptDriftFrom");
    }
  }

  /**
   * How many dirty values were written.
   *
   * @param agesOutOfRange members whose {@code bd} is outside 0-100
   * @param missingGender members with an empty gender
   * @param duplicateTransactions extra copies of transaction rows (exact duplicates)
   * @param extremeTotalSecs user_logs rows with {@code total_secs} of about -9.2e15 or +9.2e15
   */
  public record DirtyCounts(
      long agesOutOfRange, long missingGender, long duplicateTransactions, long extremeTotalSecs) {}
}
