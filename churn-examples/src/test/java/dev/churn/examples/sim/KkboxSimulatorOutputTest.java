package dev.churn.examples.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.churn.core.time.Period;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Determinism, the user_logs layouts and ranges, and atomicity of the output files. */
class KkboxSimulatorOutputTest {

  @TempDir Path tmp;

  private static KkboxSimulator.Builder small() {
    return KkboxSimulator.builder().members(1_500).months(3).seed(99).dataDriftAt(2);
  }

  @Test
  void simulate_sameConfigAndSeed_writesByteIdenticalFilesWhateverTheThreads() throws IOException {
    SimulationResult a = small().threads(1).build().simulate(tmp.resolve("a"));
    SimulationResult b = small().threads(3).build().simulate(tmp.resolve("b"));
    List<String> names = fileNames(tmp.resolve("a"));
    assertThat(names)
        .containsExactly(
            "members.csv",
            "train_201601.csv",
            "train_201602.csv",
            "train_201603.csv",
            "transactions.csv",
            "user_logs.csv");
    assertThat(fileNames(tmp.resolve("b"))).isEqualTo(names);
    for (String name : names) {
      assertThat(Files.mismatch(tmp.resolve("a").resolve(name), tmp.resolve("b").resolve(name)))
          .as(name)
          .isEqualTo(-1L);
    }
    assertThat(b.months()).isEqualTo(a.months().stream()
        .map(m -> new SimulationResult.Month(m.month(), tmp.resolve("b").resolve(
            m.labels().getFileName()), m.cohortSize(), m.churned(), m.activeAtStart(),
            m.newMembers(), m.userLogRows()))
        .collect(Collectors.toList()));
    assertThat(b.bytes()).isEqualTo(a.bytes());
  }

  @Test
  void simulate_anotherSeed_writesOtherData() throws IOException {
    small().build().simulate(tmp.resolve("a"));
    small().seed(100).build().simulate(tmp.resolve("b"));
    assertThat(Files.mismatch(tmp.resolve("a/members.csv"), tmp.resolve("b/members.csv")))
        .isNotEqualTo(-1L);
  }

  @Test
  void simulate_dirtyRates_changeOnlyTheDirtyValues() {
    SimulationResult dirty = small().build().simulate(tmp.resolve("a"));
    SimulationResult clean = small().clean().build().simulate(tmp.resolve("b"));
    assertThat(clean.dirty())
        .isEqualTo(new SimulationResult.DirtyCounts(0, 0, 0, 0));
    assertThat(clean.months()).hasSameSizeAs(dirty.months());
    for (int k = 0; k < 3; k++) {
      assertThat(clean.months().get(k).cohortSize()).isEqualTo(dirty.months().get(k).cohortSize());
      assertThat(clean.months().get(k).churned()).isEqualTo(dirty.months().get(k).churned());
    }
    assertThat(clean.userLogRows()).isEqualTo(dirty.userLogRows());
    assertThat(clean.transactionRows())
        .isEqualTo(dirty.transactionRows() - dirty.dirty().duplicateTransactions());
  }

  @Test
  void userLogsPerMonth_writesTheSameRowsSplitByMonth() throws IOException {
    SimulationResult single = small().build().simulate(tmp.resolve("a"));
    SimulationResult split = small().userLogsPerMonth(true).build().simulate(tmp.resolve("b"));
    assertThat(split.userLogs())
        .extracting(p -> p.getFileName().toString())
        .containsExactly("user_logs_201601.csv", "user_logs_201602.csv", "user_logs_201603.csv");
    List<String> all = SimFiles.dataLines(single.userLogs().get(0));
    for (int k = 0; k < 3; k++) {
      String prefix = "2016" + String.format("%02d", k + 1);
      List<String> expected =
          all.stream().filter(l -> l.split(",")[1].startsWith(prefix)).collect(Collectors.toList());
      Path file = split.userLogs().get(k);
      assertThat(SimFiles.header(file)).isEqualTo(KkboxSimulator.USER_LOGS_HEADER);
      assertThat(SimFiles.dataLines(file)).isEqualTo(expected);
      assertThat(split.months().get(k).userLogRows()).isEqualTo(expected.size());
    }
    assertThat(tmp.resolve("b/user_logs.csv")).doesNotExist();
    assertThat(Files.mismatch(tmp.resolve("a/transactions.csv"), tmp.resolve("b/transactions.csv")))
        .isEqualTo(-1L);
  }

  @Test
  void userLogsBetween_writesExactlyTheRowsOfThatRange() throws IOException {
    SimulationResult full = small().build().simulate(tmp.resolve("a"));
    SimulationResult part =
        small()
            .userLogsBetween(LocalDate.of(2016, 2, 10), LocalDate.of(2016, 3, 5))
            .userLogsPerMonth(true)
            .build()
            .simulate(tmp.resolve("b"));
    assertThat(part.userLogs())
        .extracting(p -> p.getFileName().toString())
        .containsExactly("user_logs_201602.csv", "user_logs_201603.csv");
    List<String> expected =
        SimFiles.dataLines(full.userLogs().get(0)).stream()
            .filter(
                l -> {
                  int d = Integer.parseInt(l.split(",")[1]);
                  return d >= 20160210 && d <= 20160305;
                })
            .sorted()
            .collect(Collectors.toList());
    List<String> written = new ArrayList<>();
    part.userLogs().forEach(p -> written.addAll(SimFiles.dataLines(p)));
    written.sort(null);
    assertThat(written).isEqualTo(expected);
    assertThat(part.userLogRows()).isEqualTo(expected.size());
    assertThat(part.months().get(0).userLogRows()).isZero();
    for (String name : List.of("members.csv", "transactions.csv", "train_201602.csv")) {
      assertThat(Files.mismatch(tmp.resolve("a").resolve(name), tmp.resolve("b").resolve(name)))
          .as(name)
          .isEqualTo(-1L);
    }
  }

  @Test
  void simulate_failingHalfway_leavesNoPartialFileAndKeepsOldOnes() throws IOException {
    Path dir = tmp.resolve("out");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("members.csv"), "old content\n");
    List<String> seen = new ArrayList<>();
    KkboxSimulator failing =
        KkboxSimulator.builder()
            .members(5_000)
            .months(6)
            .progress(
                line -> {
                  seen.add(line);
                  if (line.contains("% of members done")) {
                    throw new IllegalStateException("stop here");
                  }
                })
            .build();
    assertThatThrownBy(() -> failing.simulate(dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("stop here");
    assertThat(fileNames(dir)).containsExactly("members.csv");
    assertThat(Files.readString(dir.resolve("members.csv"), StandardCharsets.UTF_8))
        .isEqualTo("old content\n");
    assertThat(seen).hasSize(2);
  }

  @Test
  void simulate_startMonthAndLabelNames_followTheConfiguration() {
    SimulationResult r =
        KkboxSimulator.builder()
            .members(300)
            .months(2)
            .startMonth(Period.of(2016, 12))
            .build()
            .simulate(tmp);
    assertThat(r.labelFiles().keySet()).containsExactly(Period.of(2016, 12), Period.of(2017, 1));
    assertThat(r.labelFiles().values())
        .extracting(p -> p.getFileName().toString())
        .containsExactly("train_201612.csv", "train_201701.csv");
    long[] outside = {0};
    SimFiles.forEachRow(
        r.userLogs().get(0),
        f -> {
          int d = Integer.parseInt(f[1]);
          if (d < 20161201 || d > 20170131) {
            outside[0]++;
          }
        });
    assertThat(outside[0]).isZero();
  }

  private static List<String> fileNames(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }
}
