package dev.churn.core.provenance;

import java.util.Objects;

/**
 * The software and machine a computation ran on, recorded in {@link Provenance} so that a result
 * can be traced to the library and JVM that produced it.
 *
 * <p>Usage:
 *
 * <pre>{@code
 * Environment env = Environment.current();
 * env.churnVersion();   // e.g. "0.1.0", or "dev" when not running from a released jar
 * }</pre>
 *
 * @param churnVersion the churn library version, from the jar manifest's {@code
 *     Implementation-Version}, or {@value #DEV_VERSION} when absent (e.g. running from classes)
 * @param javaVersion the {@code java.version} system property
 * @param javaVendor the {@code java.vendor} system property
 * @param osName the {@code os.name} system property
 * @param osArch the {@code os.arch} system property
 * @param osVersion the {@code os.version} system property
 * @param availableProcessors processors available to the JVM, at least 1
 */
public record Environment(
    String churnVersion,
    String javaVersion,
    String javaVendor,
    String osName,
    String osArch,
    String osVersion,
    int availableProcessors) {

  /** Version reported when the library does not run from a jar with a version in its manifest. */
  public static final String DEV_VERSION = "dev";

  private static final String CHURN_VERSION = readChurnVersion();

  /**
   * Validates the fields.
   *
   * @param churnVersion the churn library version
   * @param javaVersion the Java version
   * @param javaVendor the Java vendor
   * @param osName the operating system's name
   * @param osArch the operating system's architecture
   * @param osVersion the operating system's version
   * @param availableProcessors processors available to the JVM
   * @throws IllegalArgumentException if {@code availableProcessors} is less than 1
   */
  public Environment {
    Objects.requireNonNull(churnVersion, "churnVersion");
    Objects.requireNonNull(javaVersion, "javaVersion");
    Objects.requireNonNull(javaVendor, "javaVendor");
    Objects.requireNonNull(osName, "osName");
    Objects.requireNonNull(osArch, "osArch");
    Objects.requireNonNull(osVersion, "osVersion");
    if (availableProcessors < 1) {
      throw new IllegalArgumentException(
          "availableProcessors must be at least 1, but was " + availableProcessors);
    }
  }

  /**
   * Describes the running JVM and machine.
   *
   * @return the current environment
   */
  public static Environment current() {
    return new Environment(
        CHURN_VERSION,
        property("java.version"),
        property("java.vendor"),
        property("os.name"),
        property("os.arch"),
        property("os.version"),
        Runtime.getRuntime().availableProcessors());
  }

  private static String property(String key) {
    String value = System.getProperty(key);
    return value == null ? "unknown" : value;
  }

  private static String readChurnVersion() {
    Package pkg = Environment.class.getPackage();
    String version = pkg == null ? null : pkg.getImplementationVersion();
    return version == null || version.isBlank() ? DEV_VERSION : version;
  }
}
