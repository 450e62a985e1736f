package dev.churn.features;

import java.util.regex.Pattern;

/** Validates names that become directory names in the store. */
final class Names {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}");

  private Names() {}

  static String check(String what, String name) {
    if (name == null || !VALID.matcher(name).matches() || name.contains("..")) {
      throw new IllegalArgumentException(
          what + " was '" + name + "' but it must be 1 to 64 letters, digits, '_', '-' or '.',"
              + " not start with '.' or '-', and not contain '..'");
    }
    return name;
  }
}
