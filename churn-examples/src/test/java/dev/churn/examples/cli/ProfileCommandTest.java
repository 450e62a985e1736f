package dev.churn.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code churn profile} in-process on generated CSV files and on the real data. */
class ProfileCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path csv;

  /** What one run printed and returned. */
  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        ChurnCli.commandLine()
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  /** 60 rows: an id, a number with missing values and an outlier, a category, a boolean, a date. */
  @BeforeEach
  void writeCsv() throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("customer,minutes,plan,active,since");
    for (int i = 0; i < 60; i++) {
      String minutes = i % 10 == 3 ? "NA" : i == 59 ? "1000" : String.format(Locale.ROOT, "%.1f", 100 + (i % 7) * 1.5);
      String plan = i % 3 == 0 ? "gold" : i % 3 == 1 ? "silver" : "<bronze & co>";
      lines.add("c" + (1000 + i) + "," + minutes + "," + plan + "," + (i % 4 == 0) + ",2017-0"
          + (1 + i % 6) + "-15");
    }
    csv = dir.resolve("customers.csv");
    Files.write(csv, lines, StandardCharsets.UTF_8);
  }

  @Test
  void profile_jsonIsOneDocumentWithTheContractFields() throws IOException {
    Run r = run("profile", "--csv", csv.toString(), "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    List<JsonNode> docs;
    try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(r.out())) {
      docs = it.readAll();
    }
    assertThat(docs).hasSize(1);
    JsonNode doc = docs.get(0);
    assertThat(doc.get("rows").asInt()).isEqualTo(60);
    assertThat(doc.get("columns").isArray()).isTrue();
    assertThat(doc.get("columns")).hasSize(5);
    for (JsonNode c : doc.get("columns")) {
      assertThat(c.has("name") && c.has("type") && c.has("missing") && c.has("distinct"))
          .as(c.toString())
          .isTrue();
    }
    JsonNode minutes = doc.get("columns").get(1);
    assertThat(minutes.get("name").asText()).isEqualTo("minutes");
    assertThat(minutes.get("type").asText()).isEqualTo("numeric");
    assertThat(minutes.get("missing").asInt()).isEqualTo(6);
    assertThat(minutes.get("stats").get("max").asDouble()).isEqualTo(1000.0);
    assertThat(minutes.get("histogram").get("counts")).hasSize(20);
    assertThat(minutes.get("warnings").get(0).asText()).isEqualTo("outliers");
    assertThat(doc.get("columns").get(0).get("type").asText()).isEqualTo("id");
    assertThat(doc.get("columns").get(2).get("top").get(0).get("value").asText())
        .isEqualTo("gold");
    assertThat(doc.get("columns").get(3).get("true_share").asDouble()).isEqualTo(0.25);
    assertThat(doc.get("columns").get(4).get("min").asText()).isEqualTo("2017-01-15");
    assertThat(doc.get("warnings").findValuesAsText("kind")).contains("id_like", "outliers");
    assertThat(doc.get("html").isNull()).isTrue();
  }

  @Test
  void profile_textShowsOneLinePerColumnAndTheWarnings() {
    Run r = run("profile", "--csv", csv.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("60 rows, 5 columns")
        .contains("column", "type", "missing", "distinct")
        .contains("minutes", "numeric", "6 (10.0 %)")
        .contains("top 'gold' 33.3 %")
        .contains("warnings (")
        .contains("OUTLIERS");
  }

  @Test
  void profile_htmlWritesASelfContainedPageWithCharts() throws IOException {
    Path html = dir.resolve("profile.html");
    Run r = run("profile", "--csv", csv.toString(), "--html", html.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    String page = Files.readString(html);
    assertThat(page)
        .startsWith("<!DOCTYPE html>")
        .contains("<img src=\"data:image/png;base64,")
        .contains("customers.csv")
        .contains("&lt;bronze &amp; co&gt;")
        .doesNotContain("<bronze")
        .doesNotContain("src=\"http")
        .doesNotContain("href=\"http")
        .doesNotContain("<script")
        .doesNotContain("<link");
    // three charts for numeric/categorical/boolean/date columns: four; none for the ID column
    assertThat(page.split("<img src=\"data:image/png;base64,", -1)).hasSize(5);
    assertThat(r.out()).contains("HTML report: " + html);
  }

  @Test
  void profile_sampleRowsProfilesARandomSample() throws IOException {
    Run r = run("profile", "--csv", csv.toString(), "--sample-rows", "10", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode doc = JSON.readTree(r.out());
    assertThat(doc.get("rows").asInt()).isEqualTo(10);
    assertThat(doc.get("file_rows").asInt()).isEqualTo(60);
    assertThat(doc.get("sampled").asBoolean()).isTrue();
  }

  @Test
  void sample_choosesExactlyKDistinctRowsReproducibly() {
    BitSet a = ProfileCommand.sample(1000, 37, 42);
    assertThat(a.cardinality()).isEqualTo(37);
    assertThat(a.length()).isLessThanOrEqualTo(1000);
    assertThat(ProfileCommand.sample(1000, 37, 42)).isEqualTo(a);
    assertThat(ProfileCommand.sample(5, 5, 1).cardinality()).isEqualTo(5);
  }

  @Test
  void profile_missingFileExitsOneWithAOneLineMessage() {
    Path nope = dir.resolve("nope.csv");
    Run r = run("profile", "--csv", nope.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("churn profile: no such file: " + nope);
    assertThat(r.err()).doesNotContain("\tat ");
  }

  @Test
  void profile_verboseAddsTheStackTrace() {
    Run r = run("profile", "--csv", dir.resolve("nope.csv").toString(), "--verbose");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("churn profile: no such file: ").contains("\tat ");
  }

  @Test
  void profile_badDataExitsOneNamingFileAndLine() throws IOException {
    Path ragged = dir.resolve("ragged.csv");
    Files.writeString(ragged, "a,b\n1,2\n3\n");
    Run r = run("profile", "--csv", ragged.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("churn profile: " + ragged).contains("line 3");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void profile_htmlInAMissingFolderCreatesIt() {
    Path html = dir.resolve("new/folder/p.html");
    Run r = run("profile", "--csv", csv.toString(), "--html", html.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(html).exists();
  }

  @Test
  void profile_htmlUnderAFileExitsOneBeforeReading() throws IOException {
    Path blocker = Files.writeString(dir.resolve("blocker"), "not a folder");
    Path html = blocker.resolve("p.html");
    Run r = run("profile", "--csv", csv.toString(), "--html", html.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("churn profile: cannot write " + html);
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void profile_unknownOptionExitsTwo() {
    Run r = run("profile", "--csv", csv.toString(), "--colour");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("churn profile: Unknown option: '--colour'")
        .contains("churn profile --help");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void profile_missingCsvOptionExitsTwo() {
    Run r = run("profile", "--json");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--csv");
  }

  @Test
  void profile_sampleRowsBelowOneExitsTwo() {
    Run r = run("profile", "--csv", csv.toString(), "--sample-rows", "0");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--sample-rows was 0 but it must be at least 1");
  }

  @Test
  void profile_realMlcChurnMatchesPandas() throws IOException {
    Path real = sharedData().resolve("mlc_churn.csv");
    Assumptions.assumeTrue(
        Files.exists(real), "../shared/data/mlc_churn.csv not found; skipping the real-data test");
    Path html = dir.resolve("mlc.html");
    Run r = run("profile", "--csv", real.toString(), "--json", "--html", html.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode doc = JSON.readTree(r.out());
    // pandas: len(df) 5000, df.shape[1] 20, df.churn.nunique() 2, df.state.nunique() 51
    assertThat(doc.get("rows").asInt()).isEqualTo(5000);
    assertThat(doc.get("columns")).hasSize(20);
    assertThat(doc.get("type_counts").get("numeric").asInt()).isEqualTo(15);
    JsonNode churn = doc.get("columns").get(19);
    assertThat(churn.get("name").asText()).isEqualTo("churn");
    assertThat(churn.get("distinct").asInt()).isEqualTo(2);
    assertThat(churn.get("top").get(1).get("count").asInt()).isEqualTo(707);
    assertThat(doc.get("columns").get(0).get("distinct").asInt()).isEqualTo(51);
    assertThat(Files.readString(html)).contains("<img src=\"data:image/png;base64,");
  }

  /** The shared data folder: system property {@code churn.shared.data}, else ../shared/data. */
  static Path sharedData() {
    String configured = System.getProperty("churn.shared.data");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path here = Path.of("").toAbsolutePath();
    Path root = Files.exists(here.resolve("churn-examples")) ? here : here.getParent();
    return root.resolve("../shared/data").normalize();
  }
}
