package dev.churn.core.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.churn.core.storage.Sha256;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Property tests: JSON round-trip is lossless and the fingerprint ignores only createdAt. */
class ProvenanceProperties {

  private static final long SEED = 42L;
  private static final Environment ENV =
      new Environment("1.2.3", "17", "Vendor \"quoted\"", "Linux", "amd64", "6.1", 4);

  /** Any BMP text including quotes, backslashes, control characters and non-ASCII. */
  private static Gen<String> text() {
    return strings().basicMultilingualPlaneAlphabet().ofLengthBetween(1, 12);
  }

  private static Gen<Provenance> provenances() {
    Gen<List<String>> names = lists().of(text()).ofSizeBetween(0, 4);
    Gen<List<String>> paramEntries = lists().of(text()).ofSizeBetween(0, 6);
    Gen<Long> seeds = longs().all();
    Gen<Integer> hasSeed = integers().between(0, 1);
    Gen<Long> epochSeconds = longs().between(-62_135_596_800L, 253_402_300_799L); // years 1-9999
    Gen<Integer> nanos = integers().between(0, 999_999_999);
    return names
        .zip(paramEntries, (n, pe) -> new Object[] {n, pe})
        .zip(seeds.zip(hasSeed, (s, h) -> h == 1 ? OptionalLong.of(s) : OptionalLong.empty()), (a, s) -> new Object[] {a[0], a[1], s})
        .zip(epochSeconds.zip(nanos, Instant::ofEpochSecond), (a, t) -> build(a, t))
        .describedAs(Provenance::toJson);
  }

  @SuppressWarnings("unchecked")
  private static Provenance build(Object[] parts, Instant createdAt) {
    List<String> inputNames = (List<String>) parts[0];
    List<String> params = (List<String>) parts[1];
    OptionalLong seed = (OptionalLong) parts[2];
    List<InputFingerprint> inputs = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (String name : inputNames) {
      if (!name.isBlank() && !seen.contains(name)) {
        seen.add(name);
        inputs.add(new InputFingerprint(name, Sha256.ofString(name), name.length() * 1000L));
      }
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String p : params) {
      if (!p.isBlank()) {
        parameters.put(p, p + "=\\\"" + p.length());
      }
    }
    return new Provenance("Producer " + params.size(), inputs, parameters, ENV, createdAt, seed);
  }

  @Test
  void fromJson_anyProvenance_roundTripsLosslessly() {
    qt().withFixedSeed(SEED)
        .withExamples(300)
        .forAll(provenances())
        .checkAssert(
            p -> {
              String json = p.toJson();
              Provenance read = Provenance.fromJson(json);
              assertThat(read).isEqualTo(p);
              assertThat(read.toJson()).isEqualTo(json);
              assertThat(read.fingerprint()).isEqualTo(p.fingerprint());
            });
  }

  @Test
  void fingerprint_anyProvenance_ignoresCreatedAtOnly() {
    qt().withFixedSeed(SEED)
        .withExamples(300)
        .forAll(provenances(), longs().between(1, 1_000_000_000L))
        .checkAssert(
            (p, shift) -> {
              Provenance later =
                  new Provenance(
                      p.producer(), p.inputs(), p.parameters(), p.environment(), p.createdAt().minusNanos(shift), p.seed());
              Provenance otherSeed =
                  new Provenance(
                      p.producer(),
                      p.inputs(),
                      p.parameters(),
                      p.environment(),
                      p.createdAt(),
                      OptionalLong.of(p.seed().orElse(0) + shift));
              assertThat(later.fingerprint()).isEqualTo(p.fingerprint());
              assertThat(later.toJson()).isNotEqualTo(p.toJson());
              assertThat(otherSeed.fingerprint()).isNotEqualTo(p.fingerprint());
            });
  }
}
