package io.github.fixturekit.internal;

import io.github.fixturekit.FixtureProperties;
import io.github.fixturekit.internal.database.DatabaseConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The run-wide settings, read once: system property, then environment variable, then JUnit
 * configuration parameter ({@code junit-platform.properties}).
 */
public record FixtureSettings(
    DatabaseChoice database,
    DatabaseConfig databaseConfig,
    String entities,
    String seed,
    Leaks leaks) {

  private static final Pattern SIMPLE_DURATION =
      Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?", Pattern.CASE_INSENSITIVE);

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
    TESTCONTAINERS,
    EMBEDDED
  }

  /** Reads the settings visible from {@code context}. */
  public static FixtureSettings read(org.junit.jupiter.api.extension.ExtensionContext context) {
    UnknownKeys.warnOnce();
    return read(key -> context.getConfigurationParameter(key));
  }

  static FixtureSettings read(Function<String, Optional<String>> configurationParameters) {
    return read(configurationParameters, System::getenv);
  }

  /** With the environment given, for tests. */
  static FixtureSettings read(
      Function<String, Optional<String>> configurationParameters,
      Function<String, String> environment) {
    Function<String, String> lookup = key -> lookup(key, configurationParameters, environment);
    String image = lookup.apply(FixtureProperties.TESTCONTAINERS_IMAGE);
    String cacheDir = lookup.apply(FixtureProperties.EMBEDDED_CACHE_DIR);
    DatabaseConfig config =
        new DatabaseConfig(
            lookup.apply(FixtureProperties.JDBC_URL),
            lookup.apply(FixtureProperties.JDBC_USER),
            lookup.apply(FixtureProperties.JDBC_PASSWORD),
            image == null ? DatabaseConfig.DEFAULT_IMAGE : image,
            parseBoolean(
                FixtureProperties.TESTCONTAINERS_REUSE,
                lookup.apply(FixtureProperties.TESTCONTAINERS_REUSE)),
            parseMajor(lookup.apply(FixtureProperties.EMBEDDED_VERSION)),
            cacheDir == null ? DatabaseConfig.defaultCacheDir() : Path.of(cacheDir),
            parseDuration(
                FixtureProperties.LEFTOVER_AGE,
                lookup.apply(FixtureProperties.LEFTOVER_AGE),
                DatabaseConfig.DEFAULT_LEFTOVER_AGE,
                MAX_AGE),
            parseDuration(
                FixtureProperties.STARTUP_TIMEOUT,
                lookup.apply(FixtureProperties.STARTUP_TIMEOUT),
                DatabaseConfig.DEFAULT_STARTUP_TIMEOUT,
                MAX_TIMEOUT),
            parseDuration(
                FixtureProperties.CONNECT_TIMEOUT,
                lookup.apply(FixtureProperties.CONNECT_TIMEOUT),
                DatabaseConfig.DEFAULT_CONNECT_TIMEOUT,
                MAX_TIMEOUT),
            parseDuration(
                FixtureProperties.DOCKER_PROBE_TIMEOUT,
                lookup.apply(FixtureProperties.DOCKER_PROBE_TIMEOUT),
                DatabaseConfig.DEFAULT_DOCKER_PROBE_TIMEOUT,
                MAX_TIMEOUT));
    return new FixtureSettings(
        parseChoice(lookup.apply(FixtureProperties.DATABASE)),
        config,
        lookup.apply(FixtureProperties.ENTITIES),
        lookup.apply(FixtureProperties.SEED),
        parseLeaks(lookup.apply(FixtureProperties.LEAKS)));
  }

  public String jdbcUrl() {
    return databaseConfig.jdbcUrl();
  }

  public String jdbcUser() {
    return databaseConfig.jdbcUser();
  }

  public String jdbcPassword() {
    return databaseConfig.jdbcPassword();
  }

  private static String lookup(
      String key,
      Function<String, Optional<String>> configurationParameters,
      Function<String, String> environment) {
    String value = System.getProperty(key);
    if (isBlank(value)) {
      value = environment.apply(environmentName(key));
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
          Messages.badSetting(
              FixtureProperties.DATABASE,
              value,
              "one of auto, external, testcontainers, embedded"));
    }
  }

  private static boolean parseBoolean(String key, String value) {
    if (value == null) {
      return false;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default ->
          throw new ExtensionConfigurationException(
              Messages.badSetting(key, value, "true or false"));
    };
  }

  private static Integer parseMajor(String value) {
    if (value == null) {
      return null;
    }
    try {
      int major =
          Integer.parseInt(value.contains(".") ? value.substring(0, value.indexOf('.')) : value);
      if (major >= 9) {
        return major;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ExtensionConfigurationException(
        Messages.badSetting(
            FixtureProperties.EMBEDDED_VERSION,
            value,
            "a PostgreSQL major version such as 16 or 17"));
  }

  /**
   * {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 2d}, a bare number of seconds, or
   * ISO-8601 ({@code PT30S}).
   */
  /**
   * The longest timeout: within what PostgreSQL takes as a {@code lock_timeout} (2^31 - 1 ms, just
   * under 25 days), and far beyond any wait a test run needs.
   */
  static final Duration MAX_TIMEOUT = Duration.ofDays(24);

  /** The longest leftover age: older leftovers than that are of no run that is still going. */
  static final Duration MAX_AGE = Duration.ofDays(3650);

  static Duration parseDuration(String key, String value, Duration fallback, Duration max) {
    if (value == null) {
      return fallback;
    }
    Matcher m = SIMPLE_DURATION.matcher(value);
    Duration parsed = null;
    if (m.matches()) {
      parsed =
          simpleDuration(
              m.group(1), m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT));
    } else {
      try {
        parsed = Duration.parse(value.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    if (parsed == null || parsed.isNegative() || parsed.isZero()) {
      throw new ExtensionConfigurationException(
          Messages.badSetting(
              key, value, "a positive duration such as 500ms, 30s, 5m, 1h or PT30S"));
    }
    if (parsed.compareTo(max) > 0) {
      throw new ExtensionConfigurationException(
          Messages.badSetting(key, value, "a duration of at most " + max.toDays() + "d"));
    }
    return parsed;
  }

  /** {@code null} when the number is too large for a {@link Duration}. */
  private static Duration simpleDuration(String number, String unit) {
    try {
      long n = Long.parseLong(number);
      return switch (unit) {
        case "ms" -> Duration.ofMillis(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        case "d" -> Duration.ofDays(n);
        default -> Duration.ofSeconds(n);
      };
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
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
