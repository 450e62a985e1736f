package dev.churn.core.storage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crash-safe file replacement: after a write returns, the target holds the complete new content and
 * that content is on disk; if the write fails or the process dies part-way, the target still holds
 * its complete old content (or does not exist, if it did not exist before).
 *
 * <p>Every write goes to a temporary file in the same directory as the target, named {@code
 * .<name>.<16 hex digits>.tmp}, which is flushed to disk ({@link FileChannel#force(boolean)
 * force(true)}), then renamed over the target with {@link StandardCopyOption#ATOMIC_MOVE}, after
 * which the parent directory is flushed so that the rename itself survives a power loss. Parent
 * directories are created as needed. A file system that cannot rename atomically makes the write
 * fail with a {@link StorageException} rather than silently losing the guarantee.
 *
 * <p>Usage:
 *
 * <pre>{@code
 * AtomicFiles.writeString(home.resolve("registry/index.json"), json);
 * AtomicFiles.write(home.resolve("models/m1.bin"), out -> model.writeTo(out));
 * String sha = AtomicFiles.writeHashed(home.resolve("data/part-0.arrow"), out -> table.writeTo(out));
 * // at start-up, while holding the WriterLock:
 * AtomicFiles.deleteLeftovers(home.resolve("models"));
 * }</pre>
 *
 * <p>Failure reporting: I/O failures are thrown as the unchecked {@link StorageException} naming the
 * target; a {@link RuntimeException} or {@link Error} thrown by the caller's writer propagates
 * unchanged, and an {@link IOException} thrown by the writer is wrapped like any other I/O failure.
 * In every failure case the temporary file is deleted.
 *
 * <p>Notes: the new file gets default permissions for a newly created file (the old file's
 * permissions are not copied); if the target is a symbolic link, the link itself is replaced by a
 * regular file. Concurrent writers to the same target do not corrupt it (the last rename wins), but
 * callers are expected to serialise writers with a {@link WriterLock}.
 */
public final class AtomicFiles {

  private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);

  /** Buffer between the caller's writer and the file channel. */
  private static final int BUFFER_SIZE = 64 * 1024;

  /** Longest part of the target's name kept in a temp file name, to stay under name limits. */
  private static final int MAX_NAME_IN_TEMP = 200;

  /** Matches exactly the temp file names produced by {@link #tempFileName(String)}. */
  private static final Pattern TEMP_NAME = Pattern.compile("\\..+\\.[0-9a-f]{16}\\.tmp", Pattern.DOTALL);

  private AtomicFiles() {}

  /**
   * Atomically replaces {@code target} with {@code content}.
   *
   * @param target the file to create or replace; its parent directories are created if missing
   * @param content the complete new content
   * @throws StorageException if the file cannot be written
   */
  public static void write(Path target, byte[] content) {
    Objects.requireNonNull(content, "content");
    write(target, out -> out.write(content));
  }

  /**
   * Atomically replaces {@code target} with {@code content} encoded as UTF-8.
   *
   * @param target the file to create or replace; its parent directories are created if missing
   * @param content the complete new content
   * @throws StorageException if the file cannot be written
   */
  public static void writeString(Path target, String content) {
    Objects.requireNonNull(content, "content");
    write(target, content.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Atomically replaces {@code target} with whatever {@code writer} writes to the stream it is given.
   *
   * <p>The stream is buffered. The writer must not keep it after returning; closing it is allowed
   * and only flushes it. If the writer throws, nothing is renamed and the temp file is deleted.
   *
   * @param target the file to create or replace; its parent directories are created if missing
   * @param writer writes the complete new content
   * @throws StorageException if the file cannot be written, or the writer throws an IOException
   */
  public static void write(Path target, IoConsumer<? super OutputStream> writer) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(writer, "writer");
    Path absolute = target.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    Path name = absolute.getFileName();
    if (parent == null || name == null) {
      throw new IllegalArgumentException(
          "target must name a file inside a directory, but was '" + target + "'");
    }
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new StorageException(
          "Cannot create directory " + parent + " for " + absolute + ": " + e, e);
    }
    Path temp = createTempFile(parent, name.toString(), absolute);
    boolean moved = false;
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        BufferedOutputStream buffered =
            new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_SIZE);
        UnclosableOutputStream shield = new UnclosableOutputStream(buffered);
        writer.accept(shield);
        shield.detach();
        buffered.flush();
        channel.force(true);
      }
      Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      moved = true;
      LOG.debug("Wrote {} atomically", absolute);
    } catch (IOException e) {
      throw new StorageException("Cannot write " + absolute + " atomically: " + e, e);
    } finally {
      if (!moved) {
        deleteTempQuietly(temp);
      }
    }
    fsyncDirectory(parent);
  }

  /**
   * Like {@link #write(Path, IoConsumer)}, and returns the SHA-256 of the bytes written, computed
   * while writing (no second read of the file).
   *
   * @param target the file to create or replace; its parent directories are created if missing
   * @param writer writes the complete new content
   * @return lower-case hex SHA-256 of the new content
   * @throws StorageException if the file cannot be written, or the writer throws an IOException
   */
  public static String writeHashed(Path target, IoConsumer<? super OutputStream> writer) {
    Objects.requireNonNull(writer, "writer");
    String[] digest = new String[1];
    write(
        target,
        out -> {
          Sha256OutputStream hashing = new Sha256OutputStream(out);
          writer.accept(hashing);
          digest[0] = hashing.hexDigest();
        });
    return digest[0];
  }

  /**
   * Deletes the temp files that interrupted writes left in {@code dir} (not in its
   * subdirectories): files named {@code .<name>.<16 hex digits>.tmp}. Other files are never
   * touched.
   *
   * <p>Call this only when no write into {@code dir} can be in progress, for example at start-up
   * while holding the {@link WriterLock}; otherwise the temp file of a running write would be
   * deleted and that write would fail.
   *
   * @param dir the directory to clean; a missing directory is treated as empty
   * @return the deleted files, sorted by name
   * @throws StorageException if the directory cannot be listed or a leftover cannot be deleted
   */
  public static List<Path> deleteLeftovers(Path dir) {
    Objects.requireNonNull(dir, "dir");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> candidates = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, AtomicFiles::isTempFile)) {
      for (Path entry : entries) {
        if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
          candidates.add(entry);
        }
      }
    } catch (IOException e) {
      throw new StorageException("Cannot list " + dir + " to delete leftover temp files: " + e, e);
    }
    Collections.sort(candidates);
    List<Path> removed = new ArrayList<>(candidates.size());
    for (Path leftover : candidates) {
      try {
        if (Files.deleteIfExists(leftover)) {
          removed.add(leftover);
          LOG.info("Deleted leftover temp file {} of an interrupted write", leftover);
        }
      } catch (IOException e) {
        throw new StorageException("Cannot delete leftover temp file " + leftover + ": " + e, e);
      }
    }
    return List.copyOf(removed);
  }

  /**
   * Tells whether {@code file}'s name has the form of an {@link AtomicFiles} temp file.
   *
   * @param file any path
   * @return true if its file name is {@code .<name>.<16 hex digits>.tmp}
   */
  public static boolean isTempFile(Path file) {
    Objects.requireNonNull(file, "file");
    Path name = file.getFileName();
    return name != null && TEMP_NAME.matcher(name.toString()).matches();
  }

  static String tempFileName(String targetName) {
    String kept =
        targetName.length() > MAX_NAME_IN_TEMP ? targetName.substring(0, MAX_NAME_IN_TEMP) : targetName;
    long random = ThreadLocalRandom.current().nextLong();
    return "." + kept + "." + String.format("%016x", random) + ".tmp";
  }

  private static Path createTempFile(Path parent, String targetName, Path target) {
    for (int attempt = 0; ; attempt++) {
      Path temp = parent.resolve(tempFileName(targetName));
      try {
        return Files.createFile(temp);
      } catch (FileAlreadyExistsException e) {
        if (attempt >= 10) {
          throw new StorageException("Cannot create a unique temp file next to " + target, e);
        }
      } catch (IOException e) {
        throw new StorageException("Cannot create temp file " + temp + " for " + target + ": " + e, e);
      }
    }
  }

  private static void deleteTempQuietly(Path temp) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      LOG.warn("Could not delete temp file {} of a failed write; deleteLeftovers will remove it", temp, e);
    }
  }

  /**
   * Flushes a directory's entries to disk so that a completed rename survives a power loss. Some
   * platforms (notably Windows) cannot open a directory as a channel and throw an IOException; there
   * the rename's durability is left to the file system, so the exception is logged and ignored.
   */
  private static void fsyncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      LOG.debug("Cannot fsync directory {} on this platform; relying on the file system", dir, e);
    }
  }

  /** Hands the caller a stream whose close() only flushes and which refuses writes once detached. */
  private static final class UnclosableOutputStream extends OutputStream {
    private final OutputStream delegate;
    private boolean detached;

    UnclosableOutputStream(OutputStream delegate) {
      this.delegate = delegate;
    }

    void detach() {
      detached = true;
    }

    private void ensureAttached() throws IOException {
      if (detached) {
        throw new IOException("The stream of an AtomicFiles write was used after the writer returned");
      }
    }

    @Override
    public void write(int b) throws IOException {
      ensureAttached();
      delegate.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      ensureAttached();
      delegate.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      ensureAttached();
      delegate.flush();
    }

    @Override
    public void close() throws IOException {
      if (!detached) {
        delegate.flush();
      }
    }
  }
}
