package dev.churn.models;

import dev.churn.core.ChurnException;
import dev.churn.models.spi.ModelBackend;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model backends on the class path, found with {@link ServiceLoader} and chosen by id.
 *
 * <p>Each backend must have a unique id: two classes with the same id fail discovery naming both.
 * A backend that fails to load is logged and skipped, so one broken plugin does not take the
 * others down. Discovered backends are logged at INFO with their class and jar.
 *
 * <pre>{@code
 * Backends backends = Backends.discover();
 * ModelBackend xgb = backends.get("xgboost");
 * }</pre>
 */
public final class Backends {
  private static final Logger LOG = LoggerFactory.getLogger(Backends.class);

  private final Map<String, ModelBackend> byId;
  private final List<String> problems;

  private Backends(Map<String, ModelBackend> byId, List<String> problems) {
    this.byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
    this.problems = List.copyOf(problems);
  }

  /** Discovers the backends with the context class loader. */
  public static Backends discover() {
    return discover(Thread.currentThread().getContextClassLoader());
  }

  /**
   * Discovers the backends visible to a class loader.
   *
   * @throws ChurnException when two backends share an id
   */
  public static Backends discover(ClassLoader loader) {
    Map<String, ModelBackend> found = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    var it = ServiceLoader.load(ModelBackend.class, loader).iterator();
    while (true) {
      ModelBackend b;
      try {
        if (!it.hasNext()) {
          break;
        }
        b = it.next();
      } catch (ServiceConfigurationError e) {
        problems.add(e.getMessage());
        LOG.warn("a model backend could not be loaded and is skipped: {}", e.getMessage());
        continue;
      }
      ModelBackend before = found.putIfAbsent(b.id(), b);
      if (before != null && before.getClass() != b.getClass()) {
        throw new ChurnException("two model backends use the id '" + b.id() + "': "
            + before.getClass().getName() + " and " + b.getClass().getName()
            + "; remove one of the jars or rename one backend");
      }
      LOG.info("model backend '{}' ({}) from {}", b.id(), b.getClass().getName(),
          b.getClass().getProtectionDomain().getCodeSource() == null ? "?"
              : b.getClass().getProtectionDomain().getCodeSource().getLocation());
    }
    return new Backends(found, problems);
  }

  /** Returns backends given explicitly (tests, custom wiring). */
  public static Backends of(ModelBackend... backends) {
    Map<String, ModelBackend> m = new TreeMap<>();
    for (ModelBackend b : backends) {
      if (m.putIfAbsent(b.id(), b) != null) {
        throw new ChurnException("two model backends use the id '" + b.id() + "': "
            + m.get(b.id()).getClass().getName() + " and " + b.getClass().getName());
      }
    }
    return new Backends(m, List.of());
  }

  /** Returns the ids, sorted. */
  public List<String> ids() {
    return List.copyOf(byId.keySet());
  }

  /** Returns the backends, sorted by id. */
  public List<ModelBackend> all() {
    return List.copyOf(byId.values());
  }

  /** Returns the messages of backends that failed to load. */
  public List<String> problems() {
    return problems;
  }

  /**
   * Returns a backend by id.
   *
   * @throws ChurnException naming the ids that exist, or saying which dependency to add when
   *     there are none
   */
  public ModelBackend get(String id) {
    ModelBackend b = byId.get(id);
    if (b == null) {
      if (byId.isEmpty()) {
        throw new ChurnException("no model backend is on the class path; add the churn-models"
            + " jar (it brings xgboost, logistic and forest) or a backend plugin");
      }
      throw new ChurnException("no model backend '" + id + "'; available: " + ids());
    }
    return b;
  }
}
