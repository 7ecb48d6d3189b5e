package io.github.fixturekit.internal.database;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What the providers need to know, read once per run from the {@code fixturekit.*} keys.
 *
 * @param jdbcUrl external server, or {@code null}
 * @param jdbcUser user for it, or {@code null}
 * @param jdbcPassword password for it, or {@code null}
 * @param testcontainersImage the PostgreSQL image for Testcontainers
 * @param testcontainersReuse whether the container is kept and reused
 * @param embeddedMajor the embedded PostgreSQL major version, or {@code null} for the classpath's
 * @param embeddedCacheDir where the embedded cluster template lives
 * @param leftoverAge how old a leftover of a killed run must be to be removed
 * @param startupTimeout bound on waiting for a database to start
 * @param connectTimeout bound on connecting to a server
 * @param dockerProbeTimeout bound on asking Docker whether it is there
 */
public record DatabaseConfig(
    String jdbcUrl,
    String jdbcUser,
    String jdbcPassword,
    String testcontainersImage,
    boolean testcontainersReuse,
    Integer embeddedMajor,
    Path embeddedCacheDir,
    Duration leftoverAge,
    Duration startupTimeout,
    Duration connectTimeout,
    Duration dockerProbeTimeout) {

  public static final String DEFAULT_IMAGE = "postgres:17-alpine";
  public static final Duration DEFAULT_LEFTOVER_AGE = Duration.ofHours(1);
  public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_DOCKER_PROBE_TIMEOUT = Duration.ofSeconds(3);

  /** The default cache folder: {@code fixturekit-embedded} in {@code java.io.tmpdir}. */
  public static Path defaultCacheDir() {
    return Path.of(System.getProperty("java.io.tmpdir"), "fixturekit-embedded");
  }

  /** Every default, for an external server at {@code url} (which may be {@code null}). */
  public static DatabaseConfig defaults(String url, String user, String password) {
    return new DatabaseConfig(
        url,
        user,
        password,
        DEFAULT_IMAGE,
        false,
        null,
        defaultCacheDir(),
        DEFAULT_LEFTOVER_AGE,
        DEFAULT_STARTUP_TIMEOUT,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_DOCKER_PROBE_TIMEOUT);
  }

  public DatabaseConfig withServer(String url, String user, String password) {
    return new DatabaseConfig(
        url,
        user,
        password,
        testcontainersImage,
        testcontainersReuse,
        embeddedMajor,
        embeddedCacheDir,
        leftoverAge,
        startupTimeout,
        connectTimeout,
        dockerProbeTimeout);
  }

  public DatabaseConfig withImage(String image) {
    return new DatabaseConfig(
        jdbcUrl,
        jdbcUser,
        jdbcPassword,
        image,
        testcontainersReuse,
        embeddedMajor,
        embeddedCacheDir,
        leftoverAge,
        startupTimeout,
        connectTimeout,
        dockerProbeTimeout);
  }

  public DatabaseConfig withEmbedded(Integer major, Path cacheDir) {
    return new DatabaseConfig(
        jdbcUrl,
        jdbcUser,
        jdbcPassword,
        testcontainersImage,
        testcontainersReuse,
        major,
        cacheDir,
        leftoverAge,
        startupTimeout,
        connectTimeout,
        dockerProbeTimeout);
  }

  public DatabaseConfig withLeftoverAge(Duration age) {
    return new DatabaseConfig(
        jdbcUrl,
        jdbcUser,
        jdbcPassword,
        testcontainersImage,
        testcontainersReuse,
        embeddedMajor,
        embeddedCacheDir,
        age,
        startupTimeout,
        connectTimeout,
        dockerProbeTimeout);
  }

  public DatabaseConfig withTimeouts(Duration startup, Duration connect, Duration dockerProbe) {
    return new DatabaseConfig(
        jdbcUrl,
        jdbcUser,
        jdbcPassword,
        testcontainersImage,
        testcontainersReuse,
        embeddedMajor,
        embeddedCacheDir,
        leftoverAge,
        startup,
        connect,
        dockerProbe);
  }

  /** Whole seconds of {@code d}, at least one (JDBC timeouts are in seconds). */
  public static int seconds(Duration d) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (d.toMillis() + 999) / 1000));
  }
}
