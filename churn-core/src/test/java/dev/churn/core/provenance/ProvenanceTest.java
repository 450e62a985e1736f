package dev.churn.core.provenance;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.churn.core.storage.Sha256;
import dev.churn.core.storage.StorageException;
import dev.churn.core.time.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {

  private static final Environment ENV =
      new Environment("0.1.0", "17.0.15", "Debian", "Linux", "amd64", "6.1.0", 8);
  private static final String ABC_SHA =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @TempDir Path dir;

  private final MutableClock clock = MutableClock.at(Instant.parse("2017-03-01T10:15:30.123456789Z"));

  private Provenance sample() {
    return Provenance.builder("Trainer.fit")
        .input("train.csv", ABC_SHA, 3)
        .input("members", Sha256.ofString("members"), 7)
        .parameter("eta", 0.05)
        .parameter("rounds", 200)
        .parameter("balanced", true)
        .parameter("algorithm", "xgboost")
        .seed(42)
        .clock(clock)
        .environment(ENV)
        .build();
  }

  @Test
  void builder_allParts_buildsRecord() {
    Provenance p = sample();

    assertThat(p.producer()).isEqualTo("Trainer.fit");
    assertThat(p.inputs())
        .extracting(InputFingerprint::name)
        .containsExactly("train.csv", "members");
    assertThat(p.parameters())
        .containsExactly(
            Map.entry("algorithm", "xgboost"),
            Map.entry("balanced", "true"),
            Map.entry("eta", "0.05"),
            Map.entry("rounds", "200"));
    assertThat(p.seed()).hasValue(42);
    assertThat(p.createdAt()).isEqualTo(clock.instant());
    assertThat(p.environment()).isEqualTo(ENV);
  }

  @Test
  void builderInput_file_hashesContentAndSize() throws IOException {
    Path file = Files.writeString(dir.resolve("train.csv"), "abc");

    Provenance p = Provenance.builder("Trainer.fit").input("train.csv", file).clock(clock).build();

    assertThat(p.inputs()).containsExactly(new InputFingerprint("train.csv", ABC_SHA, 3));
  }

  @Test
  void builderInput_missingFile_throwsStorageExceptionNamingFile() {
    Path missing = dir.resolve("missing.csv");

    assertThatThrownBy(() -> Provenance.builder("x").input("train", missing))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("'train'");
  }

  @Test
  void builder_duplicateInputOrParameter_throwsNamingIt() {
    Provenance.Builder b = Provenance.builder("x").input("a", ABC_SHA, 3).parameter("eta", 0.1);

    assertThatThrownBy(() -> b.input("a", ABC_SHA, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a'");
    assertThatThrownBy(() -> b.parameter("eta", 0.2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'eta'")
        .hasMessageContaining("'0.1'");
  }

  @Test
  void builder_defaults_noSeedSystemClockCurrentEnvironment() {
    Instant before = Instant.now();

    Provenance p = Provenance.builder("x").build();

    assertThat(p.seed()).isEmpty();
    assertThat(p.inputs()).isEmpty();
    assertThat(p.parameters()).isEmpty();
    assertThat(p.createdAt()).isBetween(before, Instant.now());
    assertThat(p.environment()).isEqualTo(Environment.current());
  }

  @Test
  void constructor_invalidParts_throwNamingRule() {
    InputFingerprint in = new InputFingerprint("a", ABC_SHA, 3);
    Instant now = clock.instant();

    assertThatThrownBy(() -> new Provenance(" ", List.of(), Map.of(), ENV, now, OptionalLong.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("producer");
    assertThatThrownBy(() -> new Provenance("p", List.of(in, in), Map.of(), ENV, now, OptionalLong.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a' appears twice");
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("k", null);
    assertThatThrownBy(() -> new Provenance("p", List.of(), nullValue, ENV, now, OptionalLong.empty()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("parameters[k]");
  }

  @Test
  void parameters_anyInputMap_areSortedAndImmutable() {
    Map<String, String> params = new HashMap<>(Map.of("z", "1", "a", "2", "m", "3"));
    Provenance p = new Provenance("p", List.of(), params, ENV, clock.instant(), OptionalLong.empty());
    params.put("b", "4");

    assertThat(p.parameters().keySet()).containsExactly("a", "m", "z");
    assertThatThrownBy(() -> p.parameters().put("c", "5")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void toJson_sample_hasStableLayout() {
    String json = sample().toJson();

    assertThat(json)
        .isEqualTo(
            String.join(
                "\n",
                "{",
                "  \"schemaVersion\" : 1,",
                "  \"producer\" : \"Trainer.fit\",",
                "  \"createdAt\" : \"2017-03-01T10:15:30.123456789Z\",",
                "  \"seed\" : 42,",
                "  \"inputs\" : [",
                "    {",
                "      \"name\" : \"train.csv\",",
                "      \"sha256\" : \"" + ABC_SHA + "\",",
                "      \"bytes\" : 3",
                "    },",
                "    {",
                "      \"name\" : \"members\",",
                "      \"sha256\" : \"" + Sha256.ofString("members") + "\",",
                "      \"bytes\" : 7",
                "    }",
                "  ],",
                "  \"parameters\" : {",
                "    \"algorithm\" : \"xgboost\",",
                "    \"balanced\" : \"true\",",
                "    \"eta\" : \"0.05\",",
                "    \"rounds\" : \"200\"",
                "  },",
                "  \"environment\" : {",
                "    \"churnVersion\" : \"0.1.0\",",
                "    \"javaVersion\" : \"17.0.15\",",
                "    \"javaVendor\" : \"Debian\",",
                "    \"osName\" : \"Linux\",",
                "    \"osArch\" : \"amd64\",",
                "    \"osVersion\" : \"6.1.0\",",
                "    \"availableProcessors\" : 8",
                "  }",
                "}"));
  }

  @Test
  void toJson_sameProvenance_sameBytes() {
    assertThat(sample().toJson().getBytes(UTF_8)).isEqualTo(sample().toJson().getBytes(UTF_8));
  }

  @Test
  void fromJson_toJsonOutput_roundTripsLosslessly() {
    Provenance original = sample();

    Provenance read = Provenance.fromJson(original.toJson());

    assertThat(read).isEqualTo(original);
    assertThat(read.toJson()).isEqualTo(original.toJson());
  }

  @Test
  void fromJson_noSeed_roundTripsAsEmpty() {
    Provenance original = Provenance.builder("x").clock(clock).environment(ENV).build();

    String json = original.toJson();

    assertThat(json).contains("\"seed\" : null");
    assertThat(Provenance.fromJson(json)).isEqualTo(original);
    assertThat(Provenance.fromJson(json).seed()).isEmpty();
  }

  @Test
  void fromJson_extremeSeed_roundTrips() {
    Provenance original =
        Provenance.builder("x").seed(Long.MIN_VALUE).clock(clock).environment(ENV).build();

    assertThat(Provenance.fromJson(original.toJson()).seed()).hasValue(Long.MIN_VALUE);
  }

  @Test
  void fromJson_invalidDocuments_throwIllegalArgument() {
    String valid = sample().toJson();
    List<String> bad =
        List.of(
            "",
            "null",
            "[]",
            "{not json",
            valid.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 2"),
            valid.replace("\"producer\" : \"Trainer.fit\",", ""),
            valid.replace(ABC_SHA, "xyz"),
            valid.replace("\"bytes\" : 3", "\"bytes\" : -3"),
            valid.replace("\"seed\" : 42", "\"seed\" : \"forty-two\""),
            valid.replace("\"createdAt\" : \"2017-03-01T10:15:30.123456789Z\"", "\"createdAt\" : \"yesterday\""),
            valid + " {}");
    for (String json : bad) {
      assertThatThrownBy(() -> Provenance.fromJson(json))
          .as(json)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void fromJson_missingField_namesIt() {
    String json = sample().toJson().replace("\"producer\" : \"Trainer.fit\",", "");

    assertThatThrownBy(() -> Provenance.fromJson(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'producer'");
  }

  @Test
  void fingerprint_differentCreatedAt_isUnchanged() {
    Provenance first = sample();
    clock.advance(Duration.ofDays(31));
    Provenance later = sample();

    assertThat(later.createdAt()).isNotEqualTo(first.createdAt());
    assertThat(later.fingerprint()).isEqualTo(first.fingerprint()).matches("[0-9a-f]{64}");
  }

  @Test
  void fingerprint_anyMeaningfulChange_changesIt() {
    String base = sample().fingerprint();
    assertThat(build(b -> b)).isEqualTo(base);

    assertThat(build(b -> b.seed(43))).isNotEqualTo(base);
    assertThat(build(b -> b.parameter("extra", "1"))).isNotEqualTo(base);
    assertThat(Provenance.builder("Trainer.refit").input("train.csv", ABC_SHA, 3).clock(clock).environment(ENV).build().fingerprint())
        .isNotEqualTo(base);
    assertThat(
            Provenance.builder("Trainer.fit")
                .input("train.csv", Sha256.ofString("abd"), 3)
                .input("members", Sha256.ofString("members"), 7)
                .parameter("eta", 0.05)
                .parameter("rounds", 200)
                .parameter("balanced", true)
                .parameter("algorithm", "xgboost")
                .seed(42)
                .clock(clock)
                .environment(ENV)
                .build()
                .fingerprint())
        .isNotEqualTo(base);
  }

  @Test
  void fingerprint_parameterInsertionOrder_doesNotMatter() {
    Provenance ab = Provenance.builder("p").parameter("a", 1).parameter("b", 2).environment(ENV).clock(clock).build();
    Provenance ba = Provenance.builder("p").parameter("b", 2).parameter("a", 1).environment(ENV).clock(clock).build();

    assertThat(ab.fingerprint()).isEqualTo(ba.fingerprint());
    assertThat(ab.toJson()).isEqualTo(ba.toJson());
  }

  @Test
  void fingerprint_roundTrippedProvenance_isUnchanged() {
    Provenance p = sample();

    assertThat(Provenance.fromJson(p.toJson()).fingerprint()).isEqualTo(p.fingerprint());
  }

  /** Fingerprint of {@link #sample()} with one change applied (later calls override earlier ones). */
  private String build(UnaryOperator<Provenance.Builder> change) {
    Provenance.Builder b =
        Provenance.builder("Trainer.fit")
            .input("train.csv", ABC_SHA, 3)
            .input("members", Sha256.ofString("members"), 7)
            .parameter("eta", 0.05)
            .parameter("rounds", 200)
            .parameter("balanced", true)
            .parameter("algorithm", "xgboost")
            .seed(42)
            .clock(clock)
            .environment(ENV);
    return change.apply(b).build().fingerprint();
  }
}
