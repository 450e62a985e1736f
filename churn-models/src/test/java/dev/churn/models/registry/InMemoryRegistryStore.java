package dev.churn.models.registry;

import dev.churn.core.storage.Sha256;
import dev.churn.core.storage.StorageException;
import dev.churn.models.registry.spi.RegistryStore;
import dev.churn.models.registry.spi.RegistryWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A second {@link RegistryStore}, in memory, written only against the SPI: it shows that the
 * registry needs nothing from the file store beyond the SPI contract. Entries are kept as their
 * JSON lines, as a database store would.
 */
final class InMemoryRegistryStore implements RegistryStore {
  private final Map<String, List<String>> logs = new TreeMap<>();
  private final Map<String, byte[]> artifacts = new TreeMap<>();
  private final Map<String, ModelState> materialized = new TreeMap<>();
  private final Semaphore writer = new Semaphore(1);

  @Override
  public String location() {
    return "memory";
  }

  @Override
  public synchronized List<String> models() {
    return List.copyOf(logs.keySet());
  }

  @Override
  public synchronized List<AuditEntry> log(String model) {
    List<AuditEntry> out = new ArrayList<>();
    for (String line : logs.getOrDefault(model, List.of())) {
      out.add(AuditEntry.fromJson(line));
    }
    return out;
  }

  synchronized ModelState materialized(String model) {
    return materialized.get(model);
  }

  @Override
  public synchronized byte[] readArtifact(String model, int version, String path, String sha) {
    byte[] b = artifacts.get(model + "/" + version + "/" + path);
    if (b == null) {
      throw new StorageException("missing " + path);
    }
    if (!Sha256.ofBytes(b).equals(sha)) {
      throw new StorageException("SHA-256 mismatch for " + path);
    }
    return b.clone();
  }

  @Override
  public RegistryWriter beginWrite(Duration timeout) {
    try {
      if (!writer.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new StorageException("memory store is busy");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("interrupted", e);
    }
    return new RegistryWriter() {
      private boolean open = true;

      @Override
      public List<AuditEntry> log(String model) {
        return InMemoryRegistryStore.this.log(model);
      }

      @Override
      public String writeArtifact(String model, int version, String path, byte[] content) {
        synchronized (InMemoryRegistryStore.this) {
          artifacts.put(model + "/" + version + "/" + path, content.clone());
        }
        return Sha256.ofBytes(content);
      }

      @Override
      public void discardArtifacts(String model, int version) {
        synchronized (InMemoryRegistryStore.this) {
          if (version > ModelState.replay(model, log(model)).versions().size()) {
            artifacts.keySet().removeIf(k -> k.startsWith(model + "/" + version + "/"));
          }
        }
      }

      @Override
      public void commit(String model, AuditEntry entry, ModelState after, Set<Integer> changed) {
        synchronized (InMemoryRegistryStore.this) {
          List<String> lines = logs.computeIfAbsent(model, m -> new ArrayList<>());
          if (entry.seq() != lines.size() + 1) {
            throw new IllegalArgumentException("seq " + entry.seq() + " after " + lines.size());
          }
          lines.add(entry.toJson());
          materialized.put(model, after);
        }
      }

      @Override
      public void close() {
        if (open) {
          open = false;
          writer.release();
        }
      }
    };
  }

  @Override
  public void close() {}
}
