package dev.churn.models.registry.spi;

import dev.churn.models.registry.AuditEntry;
import dev.churn.models.registry.ModelState;
import java.time.Duration;
import java.util.List;

/**
 * Where a {@link dev.churn.models.registry.ModelRegistry} keeps its data: per model an
 * append-only audit log, the artifacts of every version (the model package and named
 * attachments), and whatever materialized view of the current state the store wants to offer to
 * other readers. The default is {@link dev.churn.models.registry.FileRegistryStore}, the
 * directory layout of the embedded store; a JDBC or remote store implements this interface and is
 * passed to {@link dev.churn.models.registry.ModelRegistry#builder(RegistryStore)}, with no
 * change to the registry API.
 *
 * <p>The contract:
 *
 * <ul>
 *   <li><b>The audit log is the truth.</b> The registry computes every state by replaying {@link
 *       #log(String)} with {@link dev.churn.models.registry.ModelState#replay}. An entry is
 *       committed once {@link RegistryWriter#commit} returns; a reader sees either all of a
 *       committed entry or nothing of it, and entries in commit order.
 *   <li><b>Artifacts before entries.</b> The registry writes a version's artifacts with {@link
 *       RegistryWriter#writeArtifact} before committing the entry that registers the version, so
 *       a reader that sees the entry can read the artifacts. Artifacts of a committed version are
 *       never overwritten.
 *   <li><b>One writer.</b> {@link #beginWrite(Duration)} grants exclusive write access across
 *       every process and thread using the same store; readers do not wait for it.
 *   <li><b>Checked reads.</b> {@link #readArtifact} verifies the SHA-256 recorded for the
 *       artifact and throws {@link dev.churn.core.storage.StorageException} on a mismatch.
 *   <li><b>Crash recovery.</b> A store completes or discards what an interrupted writer left
 *       (artifacts of a version never committed, a half-written log line, a materialized state
 *       behind the log) before or while serving; the file store does it on open and at the start
 *       of every commit.
 * </ul>
 *
 * <p>Names passed in are already validated by the registry ({@link
 * dev.churn.models.registry.RegistryNames}); implementations must be safe for use by several
 * threads.
 */
public interface RegistryStore extends AutoCloseable {

  /**
   * Describes where the data is, for messages.
   *
   * @return e.g. the registry directory or a JDBC URL without credentials
   */
  String location();

  /**
   * Lists the models that have at least one committed entry.
   *
   * @return model names, sorted
   */
  List<String> models();

  /**
   * Returns a model's committed audit entries.
   *
   * @param model the model name
   * @return its entries in log order (seq 1, 2, ...); empty if the model has none
   * @throws dev.churn.core.storage.StorageException if the log cannot be read or is damaged
   */
  List<AuditEntry> log(String model);

  /**
   * Reads an artifact of a committed version and checks its digest.
   *
   * @param model the model name
   * @param version the version number
   * @param path the artifact path ({@code model.bin} or {@code attachments/<name>})
   * @param expectedSha256 the digest recorded for it
   * @return the content
   * @throws dev.churn.core.storage.StorageException if it is missing, unreadable, or its SHA-256
   *     differs from {@code expectedSha256} (the message names the artifact and both digests)
   */
  byte[] readArtifact(String model, int version, String path, String expectedSha256);

  /**
   * Takes the exclusive right to write, waiting up to {@code timeout} for another writer.
   *
   * @param timeout how long to wait
   * @return the writer; close it to release the right
   * @throws dev.churn.core.storage.StorageException if another writer still holds it after the
   *     timeout (the message names the holder where known)
   */
  RegistryWriter beginWrite(Duration timeout);

  /**
   * Checks what the store keeps about a model besides its log and artifacts (a materialized view,
   * index tables, leftovers of interrupted writes) against the state replayed from the log; used
   * by {@link dev.churn.models.registry.ModelRegistry#verify()}. Changes nothing. The default
   * finds nothing, which is right for a store that keeps only the log and the artifacts.
   *
   * @param model the model name
   * @param replayed {@code ModelState.replay(model, log(model))}
   * @return one message per problem, saying what is wrong and how to repair it; empty if none
   */
  default List<String> checkStorage(String model, ModelState replayed) {
    return List.of();
  }

  /**
   * Checks the store for problems that belong to no listed model, e.g. the files of a model
   * whose first registration never committed; used by {@link
   * dev.churn.models.registry.ModelRegistry#verify()}. Changes nothing. The default finds
   * nothing.
   *
   * @return one message per problem; empty if none
   */
  default List<String> checkStorage() {
    return List.of();
  }

  /** Releases resources; the store must not be used afterwards. */
  @Override
  void close();
}
