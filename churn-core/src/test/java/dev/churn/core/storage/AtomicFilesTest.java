package dev.churn.core.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @TempDir Path dir;

  @Test
  void writeString_newFile_createsFileWithContent() throws IOException {
    Path target = dir.resolve("index.json");

    AtomicFiles.writeString(target, "{\"a\":1}");

    assertThat(Files.readString(target)).isEqualTo("{\"a\":1}");
    assertThat(listNames(dir)).containsExactly("index.json");
  }

  @Test
  void write_existingFile_replacesContent() throws IOException {
    Path target = dir.resolve("model.bin");
    AtomicFiles.write(target, new byte[] {1, 2, 3});

    AtomicFiles.write(target, new byte[] {9});

    assertThat(Files.readAllBytes(target)).containsExactly(9);
    assertThat(listNames(dir)).containsExactly("model.bin");
  }

  @Test
  void write_emptyContent_createsEmptyFile() throws IOException {
    Path target = dir.resolve("empty");

    AtomicFiles.write(target, new byte[0]);

    assertThat(Files.size(target)).isZero();
  }

  @Test
  void write_writerThrowsHalfway_leavesOldFileIntactAndNoTempFile() throws IOException {
    Path target = dir.resolve("registry.json");
    AtomicFiles.writeString(target, "old content");
    IllegalStateException boom = new IllegalStateException("boom");

    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    target,
                    out -> {
                      // More than the 64 KiB buffer, so bytes really reach the temp file first.
                      out.write(new byte[200_000]);
                      out.flush();
                      throw boom;
                    }))
        .isSameAs(boom);

    assertThat(Files.readString(target)).isEqualTo("old content");
    assertThat(listNames(dir)).containsExactly("registry.json");
  }

  @Test
  void write_writerThrowsIOException_wrapsInStorageExceptionNamingTarget() throws IOException {
    Path target = dir.resolve("a.txt");
    AtomicFiles.writeString(target, "old");

    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    target,
                    out -> {
                      out.write("partial".getBytes(UTF_8));
                      throw new IOException("disk full");
                    }))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining(target.toString())
        .hasMessageContaining("disk full")
        .hasCauseInstanceOf(IOException.class);

    assertThat(Files.readString(target)).isEqualTo("old");
    assertThat(listNames(dir)).containsExactly("a.txt");
  }

  @Test
  void write_newFileAndWriterThrows_leavesNoFileAtAll() throws IOException {
    Path target = dir.resolve("never.txt");

    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    target,
                    out -> {
                      out.write(1);
                      throw new UncheckedIOException(new IOException("gone"));
                    }))
        .isInstanceOf(UncheckedIOException.class);

    assertThat(listNames(dir)).isEmpty();
  }

  @Test
  void write_missingParents_createsThem() throws IOException {
    Path target = dir.resolve("a/b/c/file.txt");

    AtomicFiles.writeString(target, "x");

    assertThat(Files.readString(target)).isEqualTo("x");
  }

  @Test
  void write_writerClosesStream_stillCompletes() throws IOException {
    Path target = dir.resolve("closed.txt");

    AtomicFiles.write(
        target,
        out -> {
          out.write("hello".getBytes(UTF_8));
          out.close();
        });

    assertThat(Files.readString(target)).isEqualTo("hello");
  }

  @Test
  void write_targetIsDirectory_throwsStorageExceptionAndCleansUp() throws IOException {
    Path target = Files.createDirectory(dir.resolve("sub"));
    Files.writeString(target.resolve("inside"), "keep");

    assertThatThrownBy(() -> AtomicFiles.writeString(target, "x"))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining(target.toString());

    assertThat(listNames(dir)).containsExactly("sub");
  }

  @Test
  void writeHashed_anyContent_returnsDigestOfFile() {
    Path target = dir.resolve("data.bin");

    String sha = AtomicFiles.writeHashed(target, out -> out.write("abc".getBytes(UTF_8)));

    assertThat(sha)
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        .isEqualTo(Sha256.ofFile(target));
  }

  @Test
  void deleteLeftovers_mixedFiles_removesOnlyTempFiles() throws IOException {
    Files.writeString(dir.resolve("keep.json"), "1");
    Files.writeString(dir.resolve(".hidden"), "2");
    Files.writeString(dir.resolve("x.tmp"), "3");
    Files.writeString(dir.resolve(".keep.json.notreallyhex00000.tmp"), "4");
    Files.writeString(dir.resolve(".keep.json.0123456789ABCDEF.tmp"), "5"); // upper case: not ours
    Path leftover1 = Files.writeString(dir.resolve(".keep.json.0123456789abcdef.tmp"), "6");
    Path leftover2 = Files.writeString(dir.resolve(".a.b.ffffffffffffffff.tmp"), "7");
    Files.createDirectories(dir.resolve("nested"));
    Path nested = Files.writeString(dir.resolve("nested/.n.0000000000000000.tmp"), "8");

    List<Path> removed = AtomicFiles.deleteLeftovers(dir);

    assertThat(removed).containsExactly(leftover2, leftover1);
    assertThat(listNames(dir))
        .containsExactlyInAnyOrder(
            "keep.json",
            ".hidden",
            "x.tmp",
            ".keep.json.notreallyhex00000.tmp",
            ".keep.json.0123456789ABCDEF.tmp",
            "nested");
    assertThat(nested).exists();
  }

  @Test
  void deleteLeftovers_missingDirectory_returnsEmpty() {
    assertThat(AtomicFiles.deleteLeftovers(dir.resolve("absent"))).isEmpty();
  }

  @Test
  void tempFileName_anyName_isRecognisedAsTempFile() {
    String name = AtomicFiles.tempFileName("model.bin");

    assertThat(name).startsWith(".model.bin.").endsWith(".tmp");
    assertThat(AtomicFiles.isTempFile(dir.resolve(name))).isTrue();
    assertThat(AtomicFiles.isTempFile(dir.resolve("model.bin"))).isFalse();
  }

  @Test
  void tempFileName_veryLongName_staysWithinFileNameLimit() {
    String name = AtomicFiles.tempFileName("x".repeat(250));

    assertThat(name.length()).isLessThanOrEqualTo(255);
    assertThat(AtomicFiles.isTempFile(Path.of(name))).isTrue();
  }

  @Test
  void write_nullArguments_throwNamingTheArgument() {
    assertThatThrownBy(() -> AtomicFiles.write(null, new byte[0]))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("target");
    assertThatThrownBy(() -> AtomicFiles.write(dir.resolve("f"), (byte[]) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("content");
  }

  private static List<String> listNames(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
