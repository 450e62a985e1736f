package dev.churn.models.registry;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rule for names in the registry: model names, alias names and attachment names.
 *
 * <p>A name matches {@value #PATTERN}: it starts with an ASCII letter or digit, continues with
 * ASCII letters, digits, {@code _}, {@code .} or {@code -}, and is 1 to {@value #MAX_LENGTH}
 * characters long. On top of that it must not contain {@code ..}, must not end with {@code .}
 * and must not be a device name reserved by Windows ({@code CON}, {@code PRN}, {@code AUX},
 * {@code NUL}, {@code COM1}-{@code COM9}, {@code LPT1}-{@code LPT9}, also followed by an
 * extension), so that every name is a safe, portable directory or file name. Names are
 * case-sensitive, but the registry refuses a new model whose name differs from an existing one
 * only in case, because macOS and Windows file systems would store both in one directory.
 *
 * <pre>{@code
 * RegistryNames.check("model name", "churn-kkbox_v2");   // returns the name
 * RegistryNames.isValid("../etc");                       // false
 * }</pre>
 */
public final class RegistryNames {
  /** The regular expression every name matches. */
  public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";

  /** The longest allowed name. */
  public static final int MAX_LENGTH = 64;

  private static final Pattern COMPILED = Pattern.compile(PATTERN);
  private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL");

  private RegistryNames() {}

  /**
   * Tells whether {@code name} follows the rule described in the class documentation.
   *
   * @param name any string, may be null
   * @return true if it can be used as a model, alias or attachment name
   */
  public static boolean isValid(String name) {
    return name != null && problem(name) == null;
  }

  /**
   * Checks a name and returns it.
   *
   * @param what what the name is for, used in the message, e.g. "model name"
   * @param name the name to check
   * @return {@code name}
   * @throws IllegalArgumentException saying which rule {@code name} breaks
   */
  public static String check(String what, String name) {
    Objects.requireNonNull(name, what);
    String problem = problem(name);
    if (problem != null) {
      throw new IllegalArgumentException(
          what + " was '" + printable(name) + "' but it " + problem + " (allowed: " + PATTERN
              + ", no '..', not ending with '.')");
    }
    return name;
  }

  private static String problem(String name) {
    if (name.isEmpty()) {
      return "must not be empty";
    }
    if (name.length() > MAX_LENGTH) {
      return "is " + name.length() + " characters long, more than " + MAX_LENGTH;
    }
    if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
      return "must not contain a path separator";
    }
    if (!COMPILED.matcher(name).matches()) {
      return "must start with a letter or digit and contain only letters, digits, '_', '.' and '-'";
    }
    if (name.contains("..")) {
      return "must not contain '..'";
    }
    if (name.endsWith(".")) {
      return "must not end with '.'";
    }
    String stem = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
    String upper = stem.toUpperCase(Locale.ROOT);
    if (RESERVED.contains(upper) || upper.matches("(COM|LPT)[1-9]")) {
      return "is a device name reserved by Windows";
    }
    return null;
  }

  private static String printable(String name) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < name.length() && i < 100; i++) {
      char c = name.charAt(i);
      if (Character.isISOControl(c)) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    if (name.length() > 100) {
      b.append("...");
    }
    return b.toString();
  }
}
