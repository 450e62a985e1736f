package dev.churn.core.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {

  private static final String EMPTY =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  private static final String ABC =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  private static final String TWO_BLOCKS =
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";

  @TempDir Path dir;

  @Test
  void ofBytes_knownVectors_matchFips180Examples() {
    assertThat(Sha256.ofBytes(new byte[0])).isEqualTo(EMPTY);
    assertThat(Sha256.ofBytes("abc".getBytes(UTF_8))).isEqualTo(ABC);
    assertThat(Sha256.ofString("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))
        .isEqualTo(TWO_BLOCKS);
  }

  @Test
  void ofFile_multiMegabyteFile_equalsDigestOfBytes() throws IOException {
    byte[] data = new byte[3 * 1024 * 1024 + 17]; // not a multiple of the 64 KiB buffer
    new Random(7).nextBytes(data);
    Path file = Files.write(dir.resolve("big.bin"), data);

    assertThat(Sha256.ofFile(file)).isEqualTo(Sha256.ofBytes(data));
  }

  @Test
  void ofFile_emptyFile_isEmptyDigest() throws IOException {
    Path file = Files.write(dir.resolve("empty"), new byte[0]);

    assertThat(Sha256.ofFile(file)).isEqualTo(EMPTY);
  }

  @Test
  void ofFile_missingFile_throwsStorageExceptionNamingFile() {
    Path missing = dir.resolve("missing.bin");

    assertThatThrownBy(() -> Sha256.ofFile(missing))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  void ofStream_anyStream_readsToEnd() {
    ByteArrayInputStream in = new ByteArrayInputStream("abc".getBytes(UTF_8));

    assertThat(Sha256.ofStream(in)).isEqualTo(ABC);
    assertThat(in.available()).isZero();
  }

  @Test
  void verify_matchingDigestAnyCase_passes() throws IOException {
    Path file = Files.writeString(dir.resolve("f"), "abc");

    Sha256.verify(file, ABC);
    Sha256.verify(file, ABC.toUpperCase(java.util.Locale.ROOT));
  }

  @Test
  void verify_mismatch_throwsNamingFileExpectedAndActual() throws IOException {
    Path file = Files.writeString(dir.resolve("f"), "abd");

    assertThatThrownBy(() -> Sha256.verify(file, ABC))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("expected " + ABC)
        .hasMessageContaining(Sha256.ofString("abd"));
  }

  @Test
  void verify_malformedExpected_throwsIllegalArgumentNamingArgument() throws IOException {
    Path file = Files.writeString(dir.resolve("f"), "abc");

    assertThatThrownBy(() -> Sha256.verify(file, "abc123"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expectedHex")
        .hasMessageContaining("abc123")
        .hasMessageContaining("64 hex");
  }

  @Test
  void isValidHex_variousInputs_acceptsOnly64HexChars() {
    assertThat(Sha256.isValidHex(ABC)).isTrue();
    assertThat(Sha256.isValidHex(ABC.toUpperCase(java.util.Locale.ROOT))).isTrue();
    assertThat(Sha256.isValidHex(null)).isFalse();
    assertThat(Sha256.isValidHex(ABC.substring(1))).isFalse();
    assertThat(Sha256.isValidHex(ABC.substring(1) + "g")).isFalse();
    assertThat(Sha256.isValidHex(ABC.substring(1) + "\u0663")).isFalse(); // Arabic-Indic digit 3
  }

  @Test
  void outputStream_writes_passThroughAndHash() throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    try (Sha256OutputStream out = new Sha256OutputStream(sink)) {
      out.write('a');
      assertThat(out.hexDigest()).isEqualTo(Sha256.ofString("a"));
      out.write("xbcx".getBytes(UTF_8), 1, 2);

      assertThat(out.hexDigest()).isEqualTo(ABC);
      assertThat(out.bytesWritten()).isEqualTo(3);
    }
    assertThat(sink.toString(UTF_8)).isEqualTo("abc");
  }
}
