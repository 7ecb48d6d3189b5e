package io.github.fixturekit.internal;

import io.github.fixturekit.FixtureProperties;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Finds {@code fixturekit.*} system properties and {@code FIXTUREKIT_*} environment variables that
 * fixturekit does not read: a misspelt key is otherwise ignored without a word, and the run quietly
 * uses the default. Each gets a warning naming the nearest key fixturekit knows.
 */
final class UnknownKeys {

  private static final System.Logger LOG = System.getLogger("io.github.fixturekit");
  private static final String PREFIX = "fixturekit.";
  private static final String ENVIRONMENT_PREFIX = "FIXTUREKIT_";

  /** Settings of fixturekit's own test suite, which the library never reads. */
  private static final String RESERVED_PREFIX = "fixturekit.test.";

  private static final AtomicBoolean WARNED = new AtomicBoolean();

  /** The keys of {@link FixtureProperties}. */
  static final List<String> KNOWN = known();

  private UnknownKeys() {}

  /** Warns once per JVM about this JVM's unknown system properties and environment variables. */
  static void warnOnce() {
    if (WARNED.compareAndSet(false, true)) {
      for (String warning :
          warnings(System.getProperties().stringPropertyNames(), System.getenv().keySet())) {
        LOG.log(System.Logger.Level.WARNING, warning);
      }
    }
  }

  /** One warning per unknown name among {@code properties} and {@code environment}. */
  static List<String> warnings(Collection<String> properties, Collection<String> environment) {
    List<String> warnings = new ArrayList<>();
    properties.stream()
        .filter(name -> name.startsWith(PREFIX) && !name.startsWith(RESERVED_PREFIX))
        .filter(name -> !KNOWN.contains(name))
        .sorted()
        .forEach(
            name ->
                warnings.add(Messages.unknownKey("system property", name, nearest(name, KNOWN))));
    List<String> knownEnvironment = KNOWN.stream().map(FixtureSettings::environmentName).toList();
    String reservedEnvironment = FixtureSettings.environmentName(RESERVED_PREFIX);
    environment.stream()
        .filter(
            name -> name.startsWith(ENVIRONMENT_PREFIX) && !name.startsWith(reservedEnvironment))
        .filter(name -> !knownEnvironment.contains(name))
        .sorted()
        .forEach(
            name ->
                warnings.add(
                    Messages.unknownKey(
                        "environment variable", name, nearest(name, knownEnvironment))));
    return warnings;
  }

  /** The candidate fewest single-character edits away from {@code name}; the first on a tie. */
  static String nearest(String name, List<String> candidates) {
    String lower = name.toLowerCase(Locale.ROOT);
    return candidates.stream()
        .min(
            Comparator.comparingInt(
                candidate -> distance(lower, candidate.toLowerCase(Locale.ROOT))))
        .orElseThrow();
  }

  /** Levenshtein distance: insertions, deletions and substitutions. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static List<String> known() {
    List<String> keys = new ArrayList<>();
    for (Field field : FixtureProperties.class.getFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isStatic(modifiers)
          && Modifier.isFinal(modifiers)
          && field.getType() == String.class) {
        try {
          keys.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return List.copyOf(keys);
  }
}
