package dev.churn.models.runs;

import java.util.Objects;
import java.util.regex.Pattern;

/** Validation of the names a run store turns into paths or JSON keys. */
final class Names {

  /** Run ids: UTC start second and 6 random hex digits, e.g. {@code 20261123T101500Z-3fa9c1}. */
  static final Pattern RUN_ID = Pattern.compile("\\d{8}T\\d{6}Z-[0-9a-f]{6}");

  /** Artifact file names: no separators, no leading dot (so never ".", "..", or hidden/temp). */
  private static final Pattern ARTIFACT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,199}");

  /** Kinds: a short word such as fit or compare. */
  private static final Pattern KIND = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private static final int MAX_KEY = 250;
  private static final int MAX_NAME = 500;

  private Names() {}

  static String checkRunId(String id) {
    Objects.requireNonNull(id, "id");
    if (!RUN_ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "run id was '" + id + "' but it must look like 20261123T101500Z-3fa9c1 (UTC start time,"
              + " '-', 6 hex digits)");
    }
    return id;
  }

  static String checkArtifactName(String name) {
    Objects.requireNonNull(name, "artifact name");
    if (!ARTIFACT.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "artifact name was '" + name + "' but it must be a plain file name of 1 to 200"
              + " characters: letters, digits, '.', '_' and '-', not starting with '.' (no path"
              + " separators, no '..')");
    }
    return name;
  }

  static String checkKind(String kind) {
    Objects.requireNonNull(kind, "kind");
    if (!KIND.matcher(kind).matches()) {
      throw new IllegalArgumentException(
          "kind was '" + kind + "' but it must be a word of 1 to 64 letters, digits, '.', '_' or"
              + " '-', e.g. \"fit\" or \"compare\"");
    }
    return kind;
  }

  static String checkRunName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || name.length() > MAX_NAME || hasControl(name)) {
      throw new IllegalArgumentException(
          "name was '" + name + "' but it must be non-blank text of at most " + MAX_NAME
              + " characters without control characters");
    }
    return name;
  }

  /** Keys of parameters, metrics and tags. */
  static String checkKey(String what, String key) {
    Objects.requireNonNull(key, what);
    if (key.isBlank() || key.length() > MAX_KEY || hasControl(key)) {
      throw new IllegalArgumentException(
          what + " was '" + key + "' but it must be non-blank text of at most " + MAX_KEY
              + " characters without control characters");
    }
    return key;
  }

  private static boolean hasControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isISOControl(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
