package dev.churn.models.registry.spi;

import dev.churn.models.registry.AuditEntry;
import dev.churn.models.registry.ModelState;
import java.util.List;
import java.util.Set;

/**
 * Exclusive write access to a {@link RegistryStore}, from {@link
 * RegistryStore#beginWrite(java.time.Duration)} until {@link #close()}. The registry reads the
 * current log through it, writes a new version's artifacts, and commits one audit entry per
 * operation.
 *
 * <pre>{@code
 * try (RegistryWriter w = store.beginWrite(Duration.ofSeconds(30))) {
 *   ModelState before = ModelState.replay("churn", w.log("churn"));
 *   AuditEntry entry = ...;                        // seq = before.logEntries() + 1
 *   w.commit("churn", entry, before.apply(entry), Set.of(entry.version()));
 * }
 * }</pre>
 */
public interface RegistryWriter extends AutoCloseable {

  /**
   * Returns a model's committed entries as they are now, including everything other writers
   * committed before this writer began.
   *
   * @param model the model name
   * @return its entries in log order
   */
  List<AuditEntry> log(String model);

  /**
   * Stores an artifact of a version that is about to be registered (not yet committed). Writing
   * the same path again replaces it; leftovers of a version that is never committed are removed
   * by the store's recovery.
   *
   * @param model the model name
   * @param version the number the version will get
   * @param path the artifact path ({@code model.bin} or {@code attachments/<name>})
   * @param content the bytes
   * @return the lower-case hex SHA-256 of the stored bytes
   * @throws IllegalStateException if {@code version} is already committed
   * @throws dev.churn.core.storage.StorageException if it cannot be written
   */
  String writeArtifact(String model, int version, String path, byte[] content);

  /**
   * Removes the artifacts written for a version that will not be committed after all (best
   * effort; recovery removes whatever is left).
   *
   * @param model the model name
   * @param version the uncommitted version number
   */
  void discardArtifacts(String model, int version);

  /**
   * Commits one audit entry: once this returns the entry is durable and visible to readers, and
   * the store's materialized view (if any) reflects {@code after}, or will be completed from the
   * log by its recovery if updating it failed.
   *
   * @param model the model name
   * @param entry the entry; its seq is one more than the number of committed entries
   * @param after the model's state after the entry ({@code ModelState.replay} of the log plus it)
   * @param changedVersions the versions whose stage or aliases the entry changed
   * @throws IllegalArgumentException if the entry's seq does not follow the log
   * @throws dev.churn.core.storage.StorageException if the entry cannot be made durable (then it
   *     is not committed)
   */
  void commit(String model, AuditEntry entry, ModelState after, Set<Integer> changedVersions);

  /** Releases the exclusive right to write. */
  @Override
  void close();
}
