/**
 * Storage primitives for churn's embedded store (a local directory, "churn-home").
 *
 * <ul>
 *   <li>{@link dev.churn.core.storage.AtomicFiles} writes a file so that readers see either the
 *       old or the new content, never a torn one, and the result survives a crash;</li>
 *   <li>{@link dev.churn.core.storage.Sha256} hashes bytes, files and streams and verifies stored
 *       digests; {@link dev.churn.core.storage.Sha256OutputStream} hashes while writing;</li>
 *   <li>{@link dev.churn.core.storage.WriterLock} guarantees a single writer for a directory across
 *       processes and across threads of one JVM.</li>
 * </ul>
 *
 * <p>Failures are reported as the unchecked {@link dev.churn.core.storage.StorageException}, whose
 * message names the path involved.
 */
package dev.churn.core.storage;
