package dev.churn.core.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.churn.core.storage.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFingerprintTest {

  private static final String ABC_SHA =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @TempDir Path dir;

  @Test
  void constructor_upperCaseDigest_isLowerCased() {
    InputFingerprint f = new InputFingerprint("a", ABC_SHA.toUpperCase(Locale.ROOT), 3);

    assertThat(f.sha256()).isEqualTo(ABC_SHA);
  }

  @Test
  void constructor_invalidFields_throwNamingFieldAndValue() {
    assertThatThrownBy(() -> new InputFingerprint(" ", ABC_SHA, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name");
    assertThatThrownBy(() -> new InputFingerprint("a", "abc", 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sha256")
        .hasMessageContaining("'abc'");
    assertThatThrownBy(() -> new InputFingerprint("a", ABC_SHA, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bytes must not be negative, but was -1");
    assertThatThrownBy(() -> new InputFingerprint(null, ABC_SHA, 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("name");
  }

  @Test
  void ofFile_largeFile_matchesSha256AndSize() throws IOException {
    byte[] data = new byte[200_001];
    new Random(1).nextBytes(data);
    Path file = Files.write(dir.resolve("big.bin"), data);

    InputFingerprint f = InputFingerprint.ofFile("big", file);

    assertThat(f).isEqualTo(new InputFingerprint("big", Sha256.ofBytes(data), data.length));
  }
}
