package io.github.fixturekit.internal;

import io.github.fixturekit.FixtureProperties;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The run-wide settings, read once: system property, then environment variable, then JUnit
 * configuration parameter ({@code junit-platform.properties}).
 */
public record FixtureSettings(
    DatabaseChoice database,
    String jdbcUrl,
    String jdbcUser,
    String jdbcPassword,
    String entities,
    String seed,
    Leaks leaks) {

  /** What a rollback-mode test that left committed rows behind gets ({@code fixturekit.leaks}). */
  public enum Leaks {
    FAIL,
    WARN,
    OFF
  }

  /** Where the database comes from. */
  public enum DatabaseChoice {
    AUTO,
    EXTERNAL,
    EMBEDDED
  }

  /** Reads the settings visible from {@code context}. */
  public static FixtureSettings read(ExtensionContext context) {
    return read(key -> context.getConfigurationParameter(key));
  }

  static FixtureSettings read(Function<String, Optional<String>> configurationParameters) {
    Function<String, String> lookup = key -> lookup(key, configurationParameters);
    return new FixtureSettings(
        parseChoice(lookup.apply(FixtureProperties.DATABASE)),
        lookup.apply(FixtureProperties.JDBC_URL),
        lookup.apply(FixtureProperties.JDBC_USER),
        lookup.apply(FixtureProperties.JDBC_PASSWORD),
        lookup.apply(FixtureProperties.ENTITIES),
        lookup.apply(FixtureProperties.SEED),
        parseLeaks(lookup.apply(FixtureProperties.LEAKS)));
  }

  private static String lookup(
      String key, Function<String, Optional<String>> configurationParameters) {
    String value = System.getProperty(key);
    if (isBlank(value)) {
      value = System.getenv(environmentName(key));
    }
    if (isBlank(value)) {
      value = configurationParameters.apply(key).orElse(null);
    }
    return isBlank(value) ? null : value.trim();
  }

  /** {@code fixturekit.jdbc.url} becomes {@code FIXTUREKIT_JDBC_URL}. */
  static String environmentName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static DatabaseChoice parseChoice(String value) {
    if (value == null) {
      return DatabaseChoice.AUTO;
    }
    try {
      return DatabaseChoice.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(
          FixtureProperties.DATABASE
              + " is ["
              + value
              + "]; expected one of auto, external, embedded");
    }
  }

  private static Leaks parseLeaks(String value) {
    if (value == null) {
      return Leaks.FAIL;
    }
    try {
      return Leaks.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(Messages.leaksInvalid(value));
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
