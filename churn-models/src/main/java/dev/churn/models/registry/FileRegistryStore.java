package dev.churn.models.registry;

import dev.churn.core.storage.AtomicFiles;
import dev.churn.core.storage.Sha256;
import dev.churn.core.storage.StorageException;
import dev.churn.core.storage.WriterLock;
import dev.churn.models.registry.spi.RegistryStore;
import dev.churn.models.registry.spi.RegistryWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default {@link RegistryStore}: a directory, normally {@code
 * <churn-home>/registry}, with one sub-directory per model.
 *
 * <pre>{@code
 * registry/.lock                              writer lock (see WriterLock)
 * registry/<model>/log.jsonl                  append-only audit log, one JSON entry a line
 * registry/<model>/aliases.json               alias table + how many log entries it reflects
 * registry/<model>/versions/<n>/model.bin     the model package
 * registry/<model>/versions/<n>/meta.json     lineage, stage and aliases of version n
 * registry/<model>/versions/<n>/attachments/<name>   named attachments (reference-profile, ...)
 * }</pre>
 *
 * <p>Usage (normally through {@link ModelRegistry#open(Path)}):
 *
 * <pre>{@code
 * FileRegistryStore store = FileRegistryStore.open(churnHome);   // recovers, if no one is writing
 * ModelRegistry registry = ModelRegistry.builder(store).clock(clock).open();
 * }</pre>
 *
 * <p>How writes stay safe:
 *
 * <ul>
 *   <li>One writer at a time, across processes and threads: every write holds the {@link
 *       WriterLock} on the registry directory. Readers never take it.
 *   <li>A registration first writes the version's artifacts (each atomically: temp file, fsync,
 *       rename), then appends the audit entry to {@code log.jsonl} with a single write followed
 *       by an fsync (the commit point), then writes {@code meta.json} and {@code aliases.json}
 *       atomically. Transitions and alias changes append their entry, then rewrite the {@code
 *       meta.json} of the versions they changed and {@code aliases.json}.
 *   <li>Readers of the registry replay the log (complete lines only), so they see every committed
 *       operation whole and never a half-registered version; {@code meta.json} and {@code
 *       aliases.json} are a materialized view for people and other tools, and {@code
 *       aliases.json}'s {@code logEntries} says how far it is up to date.
 *   <li>Recovery, on {@link #open(Path)} (when no other writer holds the lock), on {@link
 *       #recover(Duration)}, and for the model concerned at the start of every commit: deletes
 *       temp files of interrupted atomic writes, truncates a half-written last log line, deletes
 *       version directories that no log entry registered (a registration that crashed before its
 *       commit), and rewrites {@code meta.json}/{@code aliases.json} that are missing or behind
 *       the log (a crash after the commit). Other files are never touched.
 *   <li>Every artifact is checked against the SHA-256 recorded at registration when it is read.
 * </ul>
 */
public final class FileRegistryStore implements RegistryStore {
  /** Name of the registry directory inside a churn home. */
  public static final String DIRECTORY = "registry";
  /** Name of a model's audit log. */
  public static final String LOG_FILE = "log.jsonl";
  /** Name of a model's alias table. */
  public static final String ALIASES_FILE = "aliases.json";
  /** Name of a version's metadata file. */
  public static final String META_FILE = "meta.json";
  /** Name of a model's directory of versions. */
  public static final String VERSIONS_DIR = "versions";

  private static final Logger LOG = LoggerFactory.getLogger(FileRegistryStore.class);
  private static final int TAIL_BLOCK = 8192;

  private final Path dir;
  private final Map<String, LogCache> caches = new ConcurrentHashMap<>();

  /** Test hook: runs right after a log line is made durable, before the state files. */
  volatile Runnable afterLogAppend = () -> { };

  private FileRegistryStore(Path dir) {
    this.dir = dir;
  }

  /**
   * Opens the store in {@code <home>/registry}, creating it if needed, and recovers from an
   * interrupted write if no other writer is active right now (otherwise that writer, or the next
   * one, completes the recovery of the models it touches).
   *
   * @param home the churn home directory
   * @return the store
   * @throws StorageException if the directory cannot be created
   */
  public static FileRegistryStore open(Path home) {
    Objects.requireNonNull(home, "home");
    return openDirectory(home.resolve(DIRECTORY));
  }

  /**
   * Opens the store in a registry directory itself (not a churn home), like {@link #open(Path)}.
   *
   * @param registryDirectory the directory holding the model directories
   * @return the store
   */
  public static FileRegistryStore openDirectory(Path registryDirectory) {
    Objects.requireNonNull(registryDirectory, "registryDirectory");
    Path d = registryDirectory.toAbsolutePath().normalize();
    try {
      Files.createDirectories(d);
    } catch (IOException e) {
      throw new StorageException("cannot create the registry directory " + d + ": " + e, e);
    }
    FileRegistryStore store = new FileRegistryStore(d);
    Optional<WriterLock> lock = WriterLock.tryAcquire(d);
    if (lock.isEmpty()) {
      LOG.info("registry {} is being written by another writer; recovery on open skipped", d);
    } else {
      try {
        store.recoverLocked();
      } finally {
        lock.get().close();
      }
    }
    return store;
  }

  /**
   * Returns the registry directory.
   *
   * @return the absolute directory
   */
  public Path directory() {
    return dir;
  }

  @Override
  public String location() {
    return dir.toString();
  }

  /**
   * Runs recovery now (see the class documentation), waiting for the writer lock.
   *
   * @param timeout how long to wait for the writer lock
   * @return what was repaired, one line per action; empty if everything was consistent
   * @throws StorageException if the lock is not free within the timeout
   */
  public List<String> recover(Duration timeout) {
    WriterLock lock = WriterLock.acquire(dir, timeout);
    try {
      return recoverLocked();
    } finally {
      lock.close();
    }
  }

  @Override
  public List<String> models() {
    List<String> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, Files::isDirectory)) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        if (RegistryNames.isValid(name) && hasCompleteLine(p.resolve(LOG_FILE))) {
          out.add(name);
        }
      }
    } catch (IOException e) {
      throw new StorageException("cannot list the registry directory " + dir + ": " + e, e);
    }
    Collections.sort(out);
    return List.copyOf(out);
  }

  /** Tells cheaply, without parsing (damage is reported when read), if a log has an entry. */
  private static boolean hasCompleteLine(Path log) {
    if (!Files.isRegularFile(log)) {
      return false;
    }
    try (FileChannel ch = FileChannel.open(log, StandardOpenOption.READ)) {
      return completeLength(ch, ch.size()) > 0;
    } catch (IOException e) {
      throw new StorageException("cannot read the audit log " + log + ": " + e, e);
    }
  }

  @Override
  public List<AuditEntry> log(String model) {
    RegistryNames.check("model name", model);
    Path file = logFile(model);
    LogCache cache = caches.computeIfAbsent(model, m -> new LogCache());
    synchronized (cache) {
      if (!Files.isRegularFile(file)) {
        cache.reset(null);
        return List.of();
      }
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
        Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        long size = ch.size();
        if (size < cache.offset || (key != null && !key.equals(cache.fileKey))) {
          cache.reset(key);
        }
        if (size > cache.offset) {
          readNewLines(file, ch, size, cache);
        }
        return List.copyOf(cache.entries);
      } catch (NoSuchFileException e) {
        cache.reset(null);
        return List.of();
      } catch (IOException e) {
        throw new StorageException("cannot read the audit log " + file + ": " + e, e);
      }
    }
  }

  private static void readNewLines(Path file, FileChannel ch, long size, LogCache cache)
      throws IOException {
    long length = size - cache.offset;
    if (length > Integer.MAX_VALUE - 16) {
      throw new StorageException("audit log " + file + " is larger than 2 GiB; it is damaged");
    }
    ByteBuffer buf = ByteBuffer.allocate((int) length);
    long pos = cache.offset;
    while (buf.hasRemaining()) {
      int n = ch.read(buf, pos);
      if (n < 0) {
        break;
      }
      pos += n;
    }
    byte[] bytes = buf.array();
    int filled = buf.position();
    int start = 0;
    for (int i = 0; i < filled; i++) {
      if (bytes[i] == '\n') {
        String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
        long lineNo = cache.entries.size() + 1L;
        AuditEntry e;
        try {
          e = AuditEntry.fromJson(line);
        } catch (IllegalArgumentException ex) {
          throw new StorageException("audit log " + file + " line " + lineNo + " is damaged: "
              + ex.getMessage() + "; restore the file from a backup", ex);
        }
        if (e.seq() != lineNo) {
          throw new StorageException("audit log " + file + " line " + lineNo + " has seq "
              + e.seq() + "; the log was edited or damaged; restore it from a backup");
        }
        cache.entries.add(e);
        cache.offset += i + 1 - start;
        start = i + 1;
      }
    }
    // bytes after the last line end belong to a line still being written (or torn by a crash)
  }

  @Override
  public byte[] readArtifact(String model, int version, String path, String expectedSha256) {
    RegistryNames.check("model name", model);
    if (!Artifact.isValidPath(path)) {
      throw new IllegalArgumentException("artifact path was '" + path + "'");
    }
    String expected = Sha256.normalizeHex(expectedSha256, "expectedSha256");
    Path file = versionDir(model, version).resolve(path);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new StorageException("artifact " + path + " of model '" + model + "' version "
          + version + " is missing: " + file + " does not exist; restore it from a backup", e);
    } catch (IOException e) {
      throw new StorageException("cannot read " + file + ": " + e, e);
    }
    String actual = Sha256.ofBytes(bytes);
    if (!actual.equals(expected)) {
      throw new StorageException("SHA-256 mismatch for " + file + " (" + path + " of model '"
          + model + "' version " + version + "): the registry recorded " + expected
          + " but the file has " + actual + "; the file was altered or damaged after registration."
          + " Restore it from a backup or register the model again");
    }
    return bytes;
  }

  @Override
  public RegistryWriter beginWrite(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    return new FileWriter(WriterLock.acquire(dir, timeout));
  }

  @Override
  public void close() {
    caches.clear();
  }

  @Override
  public String toString() {
    return "FileRegistryStore[" + dir + "]";
  }

  // ---------------------------------------------------------------- paths

  private Path modelDir(String model) {
    return dir.resolve(RegistryNames.check("model name", model));
  }

  private Path logFile(String model) {
    return modelDir(model).resolve(LOG_FILE);
  }

  private Path versionDir(String model, int version) {
    if (version < 1) {
      throw new IllegalArgumentException("version was " + version + " but it must be >= 1");
    }
    return modelDir(model).resolve(VERSIONS_DIR).resolve(Integer.toString(version));
  }

  // ---------------------------------------------------------------- materialized view

  /** Reads the materialized state (meta.json files and aliases.json) of a model. */
  ModelState readMaterialized(String model) {
    AliasFileState head = readAliasFile(model)
        .orElseThrow(() -> new StorageException(
            "no " + ALIASES_FILE + " for model '" + model + "'"));
    List<ModelVersion> versions = new ArrayList<>();
    for (int n = 1; ; n++) {
      Path meta = versionDir(model, n).resolve(META_FILE);
      if (!Files.exists(meta)) {
        break;
      }
      versions.add(readMeta(meta).orElseThrow(
          () -> new StorageException("cannot read " + meta)));
    }
    return new ModelState(model, versions, head.file().aliases(), head.file().logEntries(),
        head.file().updatedAt());
  }

  private record AliasFileState(RegistryJson.AliasFile file) {}

  private Optional<AliasFileState> readAliasFile(String model) {
    Path f = modelDir(model).resolve(ALIASES_FILE);
    try {
      return Optional.of(new AliasFileState(RegistryJson.aliasesFromJson(
          Files.readString(f, StandardCharsets.UTF_8))));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn("cannot read {}: {}", f, e.toString());
      return Optional.empty();
    }
  }

  private static Optional<ModelVersion> readMeta(Path meta) {
    try {
      String json = Files.readString(meta, StandardCharsets.UTF_8);
      return Optional.of(RegistryJson.versionFromJson(json));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn("cannot read {}: {}", meta, e.toString());
      return Optional.empty();
    }
  }

  private void writeMeta(ModelVersion v) {
    AtomicFiles.writeString(versionDir(v.model(), v.number()).resolve(META_FILE),
        RegistryJson.versionToJson(v));
  }

  private void writeAliases(ModelState s) {
    AtomicFiles.writeString(modelDir(s.model()).resolve(ALIASES_FILE),
        RegistryJson.aliasesToJson(s));
  }

  /** Rewrites whatever part of the materialized view differs from {@code state}. */
  private void materialize(ModelState state, List<String> actions) {
    for (ModelVersion v : state.versions()) {
      Path meta = versionDir(state.model(), v.number()).resolve(META_FILE);
      if (!readMeta(meta).equals(Optional.of(v))) {
        writeMeta(v);
        actions.add("rewrote " + meta + " from the audit log");
      }
    }
    Optional<RegistryJson.AliasFile> head = readAliasFile(state.model()).map(AliasFileState::file);
    RegistryJson.AliasFile expected = new RegistryJson.AliasFile(state.model(), state.logEntries(),
        state.updatedAt(), state.aliases());
    if (!head.equals(Optional.of(expected))) {
      writeAliases(state);
      actions.add("rewrote " + modelDir(state.model()).resolve(ALIASES_FILE)
          + " from the audit log");
    }
  }

  private long materializedHead(String model) {
    return readAliasFile(model).map(a -> a.file().logEntries()).orElse(0L);
  }

  // ---------------------------------------------------------------- checks

  /**
   * Checks this store's files of a model against the state replayed from its log, without
   * changing anything: a half-written last log line, leftover temp files, version directories
   * that no entry registered, and {@code aliases.json} / {@code meta.json} files that are missing,
   * unreadable (e.g. truncated), behind the log or different from it. Everything reported here is
   * what {@link #recover(Duration)} repairs.
   *
   * @param model the model name
   * @param replayed the state replayed from the model's log
   * @return one message per problem; empty if none
   */
  @Override
  public List<String> checkStorage(String model, ModelState replayed) {
    Objects.requireNonNull(replayed, "replayed");
    Path modelDir = modelDir(model);
    List<String> out = new ArrayList<>();
    Path log = logFile(model);
    if (Files.isRegularFile(log)) {
      try (FileChannel ch = FileChannel.open(log, StandardOpenOption.READ)) {
        long size = ch.size();
        long end = completeLength(ch, size);
        if (end < size) {
          out.add(log + " ends with a half-written line (" + (size - end) + " bytes) of an"
              + " interrupted append; recovery truncates it");
        }
      } catch (IOException e) {
        out.add("cannot read " + log + ": " + e);
      }
    }
    out.addAll(tempFilesUnder(modelDir));
    Path versionsDir = modelDir.resolve(VERSIONS_DIR);
    if (Files.isDirectory(versionsDir)) {
      List<Path> orphans = new ArrayList<>();
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(versionsDir)) {
        for (Path v : ds) {
          String n = v.getFileName().toString();
          if (n.matches("[1-9][0-9]{0,8}") && Files.isDirectory(v)
              && Integer.parseInt(n) > replayed.versions().size()) {
            orphans.add(v);
          }
        }
      } catch (IOException e) {
        out.add("cannot list " + versionsDir + ": " + e);
      }
      Collections.sort(orphans);
      for (Path v : orphans) {
        out.add(v + " was never registered (a registration interrupted before its commit);"
            + " recovery deletes it");
      }
    }
    Path aliases = modelDir.resolve(ALIASES_FILE);
    String aliasesProblem = null;
    try {
      RegistryJson.AliasFile head = RegistryJson.aliasesFromJson(
          Files.readString(aliases, StandardCharsets.UTF_8));
      RegistryJson.AliasFile expected = new RegistryJson.AliasFile(model, replayed.logEntries(),
          replayed.updatedAt(), replayed.aliases());
      if (head.logEntries() < replayed.logEntries()) {
        aliasesProblem = aliases + " reflects " + head.logEntries() + " of the "
            + replayed.logEntries() + " audit log entries (a write interrupted after its commit,"
            + " or one in progress); recovery completes the state files from the log";
      } else if (!head.equals(expected)) {
        aliasesProblem = aliases + " differs from the replay of the audit log; recovery rewrites"
            + " it";
      }
    } catch (NoSuchFileException e) {
      aliasesProblem = aliases + " is missing; recovery rewrites it from the audit log";
    } catch (IOException | IllegalArgumentException e) {
      aliasesProblem = aliases + " cannot be read (" + e.getMessage() + "); it is damaged or"
          + " truncated; recovery rewrites it from the audit log";
    }
    if (aliasesProblem != null) {
      out.add(aliasesProblem);
    }
    for (ModelVersion v : replayed.versions()) {
      Path meta = versionDir(model, v.number()).resolve(META_FILE);
      try {
        ModelVersion onDisk = RegistryJson.versionFromJson(
            Files.readString(meta, StandardCharsets.UTF_8));
        if (!onDisk.equals(v)) {
          out.add(meta + " differs from the replay of the audit log (it says " + onDisk.stage()
              + " with aliases " + onDisk.aliases() + ", the log " + v.stage() + " with aliases "
              + v.aliases() + "); recovery rewrites it");
        }
      } catch (NoSuchFileException e) {
        out.add(meta + " is missing; recovery rewrites it from the audit log");
      } catch (IOException | IllegalArgumentException e) {
        out.add(meta + " cannot be read (" + e.getMessage() + "); it is damaged or truncated;"
            + " recovery rewrites it from the audit log");
      }
    }
    return List.copyOf(out);
  }

  /**
   * Checks this store for leftovers that belong to no listed model, without changing anything:
   * temp files in the registry directory and model directories with no committed audit entry (a
   * first registration interrupted before its commit). {@link #recover(Duration)} removes them.
   *
   * @return one message per problem; empty if none
   */
  @Override
  public List<String> checkStorage() {
    List<String> out = new ArrayList<>();
    List<String> listed = models();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      List<Path> entries = new ArrayList<>();
      ds.forEach(entries::add);
      Collections.sort(entries);
      for (Path p : entries) {
        String name = p.getFileName().toString();
        if (Files.isRegularFile(p) && AtomicFiles.isTempFile(p)) {
          out.add("leftover temp file " + p + " of an interrupted write; recovery deletes it");
        } else if (Files.isDirectory(p) && RegistryNames.isValid(name) && !listed.contains(name)) {
          out.add(p + " has no committed audit entry (a first registration interrupted before"
              + " its commit); recovery deletes what it left");
        }
      }
    } catch (IOException e) {
      out.add("cannot list " + dir + ": " + e);
    }
    return List.copyOf(out);
  }

  private static List<String> tempFilesUnder(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(p -> AtomicFiles.isTempFile(p) && Files.isRegularFile(p)).sorted()
          .map(p -> "leftover temp file " + p + " of an interrupted write; recovery deletes it")
          .toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      return List.of("cannot scan " + root + " for leftover temp files: " + e);
    }
  }

  // ---------------------------------------------------------------- recovery

  private List<String> recoverLocked() {
    List<String> actions = new ArrayList<>();
    for (Path p : AtomicFiles.deleteLeftovers(dir)) {
      actions.add("deleted leftover temp file " + p);
    }
    List<Path> modelDirs = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, Files::isDirectory)) {
      ds.forEach(modelDirs::add);
    } catch (IOException e) {
      throw new StorageException("cannot list the registry directory " + dir + ": " + e, e);
    }
    Collections.sort(modelDirs);
    for (Path modelDir : modelDirs) {
      String name = modelDir.getFileName().toString();
      if (!RegistryNames.isValid(name)) {
        LOG.warn("ignoring {}: not a valid model name", modelDir);
        continue;
      }
      try {
        recoverModel(name, actions);
      } catch (StorageException e) {
        LOG.error("cannot recover model '{}': {}", name, e.getMessage());
        actions.add("could not recover model '" + name + "': " + e.getMessage());
      }
    }
    for (String a : actions) {
      LOG.info("registry recovery: {}", a);
    }
    return List.copyOf(actions);
  }

  private void recoverModel(String model, List<String> actions) {
    Path modelDir = modelDir(model);
    Path versionsDir = modelDir.resolve(VERSIONS_DIR);
    deleteLeftoversUnder(modelDir, actions);
    truncateTornLine(logFile(model), actions);
    caches.remove(model);
    List<AuditEntry> entries = log(model);
    ModelState state = replay(model, entries);
    Set<Integer> committed = new HashSet<>();
    state.versions().forEach(v -> committed.add(v.number()));
    if (Files.isDirectory(versionsDir)) {
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(versionsDir)) {
        for (Path v : ds) {
          String n = v.getFileName().toString();
          if (!n.matches("[1-9][0-9]{0,8}") || !Files.isDirectory(v)) {
            LOG.warn("ignoring {}: not a version directory", v);
            continue;
          }
          if (!committed.contains(Integer.parseInt(n))) {
            deleteRecursively(v);
            actions.add("deleted " + v + ": its registration was interrupted before the commit");
          }
        }
      } catch (IOException e) {
        throw new StorageException("cannot list " + versionsDir + ": " + e, e);
      }
    }
    if (entries.isEmpty()) {
      deleteIfExists(modelDir.resolve(ALIASES_FILE));
      deleteIfExists(logFile(model));
      deleteIfEmpty(versionsDir);
      if (deleteIfEmpty(modelDir)) {
        actions.add("deleted " + modelDir + ": its first registration was interrupted");
      }
      return;
    }
    materialize(state, actions);
  }

  private ModelState replay(String model, List<AuditEntry> entries) {
    try {
      return ModelState.replay(model, entries);
    } catch (IllegalArgumentException e) {
      throw new StorageException("the audit log " + logFile(model) + " is inconsistent: "
          + e.getMessage() + "; restore it from a backup", e);
    }
  }

  private static void deleteLeftoversUnder(Path root, List<String> actions) {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> dirs = Files.walk(root)) {
      for (Path d : dirs.filter(Files::isDirectory).toList()) {
        for (Path p : AtomicFiles.deleteLeftovers(d)) {
          actions.add("deleted leftover temp file " + p);
        }
      }
    } catch (IOException e) {
      throw new StorageException("cannot scan " + root + " for leftover temp files: " + e, e);
    }
  }

  /** Removes bytes after the last line end: a line whose append was cut short by a crash. */
  private static void truncateTornLine(Path log, List<String> actions) {
    if (!Files.isRegularFile(log)) {
      return;
    }
    try (FileChannel ch =
        FileChannel.open(log, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = ch.size();
      long end = completeLength(ch, size);
      if (end < size) {
        ch.truncate(end);
        ch.force(true);
        actions.add("truncated a half-written last line (" + (size - end) + " bytes) of " + log);
      }
    } catch (IOException e) {
      throw new StorageException("cannot repair the audit log " + log + ": " + e, e);
    }
  }

  /** Returns the length of the file up to and including its last '\n' (0 if there is none). */
  private static long completeLength(FileChannel ch, long size) throws IOException {
    long blockEnd = size;
    ByteBuffer buf = ByteBuffer.allocate(TAIL_BLOCK);
    while (blockEnd > 0) {
      long blockStart = Math.max(0, blockEnd - TAIL_BLOCK);
      buf.clear();
      buf.limit((int) (blockEnd - blockStart));
      long pos = blockStart;
      while (buf.hasRemaining()) {
        int n = ch.read(buf, pos);
        if (n < 0) {
          break;
        }
        pos += n;
      }
      for (int i = buf.position() - 1; i >= 0; i--) {
        if (buf.get(i) == '\n') {
          return blockStart + i + 1;
        }
      }
      blockEnd = blockStart;
    }
    return 0;
  }

  private static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new StorageException("cannot delete " + root + ": " + e, e);
    }
  }

  private static void deleteIfExists(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new StorageException("cannot delete " + p + ": " + e, e);
    }
  }

  private static boolean deleteIfEmpty(Path d) {
    if (!Files.isDirectory(d)) {
      return false;
    }
    try (Stream<Path> s = Files.list(d)) {
      if (s.findAny().isPresent()) {
        return false;
      }
    } catch (IOException e) {
      return false;
    }
    deleteIfExists(d);
    return true;
  }

  private static void fsyncDirectory(Path d) {
    try (FileChannel ch = FileChannel.open(d, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      LOG.debug("cannot fsync directory {} on this platform", d, e);
    }
  }

  // ---------------------------------------------------------------- writing

  private static final class LogCache {
    long offset;
    Object fileKey;
    final List<AuditEntry> entries = new ArrayList<>();

    void reset(Object key) {
      offset = 0;
      fileKey = key;
      entries.clear();
    }
  }

  private final class FileWriter implements RegistryWriter {
    private final WriterLock lock;
    private final Set<String> preparedVersions = new HashSet<>();

    FileWriter(WriterLock lock) {
      this.lock = lock;
    }

    private void checkOpen() {
      if (!lock.isHeld()) {
        throw new IllegalStateException("this registry writer is closed");
      }
    }

    @Override
    public List<AuditEntry> log(String model) {
      checkOpen();
      return FileRegistryStore.this.log(model);
    }

    @Override
    public String writeArtifact(String model, int version, String path, byte[] content) {
      checkOpen();
      Objects.requireNonNull(content, "content");
      if (!Artifact.isValidPath(path)) {
        throw new IllegalArgumentException("artifact path was '" + path + "'");
      }
      long committed = log(model).stream().filter(e -> e.action() == AuditAction.REGISTER).count();
      if (version != committed + 1) {
        throw new IllegalStateException("model '" + model + "' has " + committed
            + " committed versions; artifacts can only be written for version " + (committed + 1)
            + ", not " + version);
      }
      Path vdir = versionDir(model, version);
      if (preparedVersions.add(model + "/" + version) && Files.exists(vdir)) {
        LOG.info("deleting {}: left by a registration interrupted before its commit", vdir);
        deleteRecursively(vdir);
      }
      return AtomicFiles.writeHashed(vdir.resolve(path), out -> out.write(content));
    }

    @Override
    public void discardArtifacts(String model, int version) {
      checkOpen();
      long committed = log(model).stream().filter(e -> e.action() == AuditAction.REGISTER).count();
      if (version > committed) {
        try {
          deleteRecursively(versionDir(model, version));
          deleteIfEmpty(modelDir(model).resolve(VERSIONS_DIR));
          if (committed == 0) {
            deleteIfEmpty(modelDir(model));
          }
        } catch (StorageException e) {
          LOG.warn("cannot discard the artifacts of {} v{}; recovery will: {}", model, version,
              e.getMessage());
        }
      }
    }

    @Override
    public void commit(String model, AuditEntry entry, ModelState after, Set<Integer> changed) {
      checkOpen();
      Objects.requireNonNull(entry, "entry");
      Objects.requireNonNull(after, "after");
      Objects.requireNonNull(changed, "changedVersions");
      List<AuditEntry> current = log(model);
      if (!entry.model().equals(model) || entry.seq() != current.size() + 1L
          || after.logEntries() != entry.seq()) {
        throw new IllegalArgumentException("entry " + entry.seq() + " of model '" + entry.model()
            + "' does not follow the " + current.size() + " committed entries of '" + model + "'");
      }
      if (materializedHead(model) != current.size()) {
        List<String> actions = new ArrayList<>();
        truncateTornLine(logFile(model), actions);
        materialize(replay(model, current), actions);
        actions.forEach(a -> LOG.info("registry recovery: {}", a));
      }
      if (entry.action() == AuditAction.REGISTER) {
        // make the new directories durable before the entry that points into them
        Path vdir = versionDir(model, entry.version());
        if (Files.isDirectory(vdir.resolve(ModelVersion.ATTACHMENTS_DIR))) {
          fsyncDirectory(vdir.resolve(ModelVersion.ATTACHMENTS_DIR));
        }
        fsyncDirectory(vdir);
        fsyncDirectory(vdir.getParent());
        fsyncDirectory(modelDir(model));
        fsyncDirectory(dir);
      }
      append(logFile(model), entry.toJson());
      afterLogAppend.run();
      try {
        for (int n : changed) {
          writeMeta(after.version(n).orElseThrow(
              () -> new IllegalArgumentException("changed version " + n + " is not in the state")));
        }
        writeAliases(after);
      } catch (RuntimeException e) {
        LOG.warn("model '{}': audit entry {} is committed but the state files could not be"
            + " updated ({}); they will be completed from the log by the next writer or open",
            model, entry.seq(), e.toString());
      }
    }

    private void append(Path log, String json) {
      byte[] line = (json + "\n").getBytes(StandardCharsets.UTF_8);
      boolean created = !Files.exists(log);
      try {
        Files.createDirectories(log.getParent());
      } catch (IOException e) {
        throw new StorageException("cannot create " + log.getParent() + ": " + e, e);
      }
      try (FileChannel ch = FileChannel.open(log, StandardOpenOption.CREATE,
          StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        long size = ch.size();
        long end = completeLength(ch, size);
        if (end < size) {
          LOG.warn("truncating a half-written last line ({} bytes) of {}", size - end, log);
          ch.truncate(end);
        }
        try {
          ByteBuffer buf = ByteBuffer.wrap(line);
          long pos = end;
          while (buf.hasRemaining()) {
            pos += ch.write(buf, pos);
          }
          ch.force(true);
        } catch (IOException e) {
          try {
            ch.truncate(end);
          } catch (IOException suppressed) {
            e.addSuppressed(suppressed);
          }
          throw e;
        }
      } catch (IOException e) {
        throw new StorageException("cannot append to the audit log " + log + ": " + e, e);
      }
      if (created) {
        fsyncDirectory(log.getParent());
        fsyncDirectory(dir);
      }
    }

    @Override
    public void close() {
      lock.close();
    }
  }
}
