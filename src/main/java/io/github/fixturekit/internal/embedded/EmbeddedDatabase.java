package io.github.fixturekit.internal.embedded;

import io.github.fixturekit.internal.Causes;
import io.github.fixturekit.internal.database.DatabaseConfig;
import io.github.fixturekit.internal.database.DatabaseMessages;
import io.github.fixturekit.internal.database.ServerDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * A PostgreSQL cluster of fixturekit's own, started from the binaries that zonky ships on Maven
 * Central, tuned for tests (no fsync), and stopped and deleted on close. The one place fixturekit
 * uses zonky.
 *
 * <p>The first start on a machine runs initdb and keeps the result as a template in the cache
 * folder; later starts (the next run, parallel forks) copy the template and start it, which skips
 * initdb. Running as root, zonky starts PostgreSQL in a user namespace ({@code unshare -U}), where
 * root's files belong to the unprivileged user the server runs as; copies made here keep that.
 */
public final class EmbeddedDatabase implements ServerDatabase {

  private static final System.Logger LOG = System.getLogger("io.github.fixturekit");
  private static final String USER = "postgres";

  private final EmbeddedPostgres postgres;
  private final Path dataDirectory;
  private final String serverVersion;
  private final boolean warm;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedDatabase(
      EmbeddedPostgres postgres, Path dataDirectory, String serverVersion, boolean warm) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
    this.serverVersion = serverVersion;
    this.warm = warm;
  }

  /** Starts a cluster with the default settings. */
  public static EmbeddedDatabase start() {
    return start(DatabaseConfig.defaults(null, null, null));
  }

  /**
   * Starts a cluster from the binaries and cache folder of {@code config}.
   *
   * @throws ExtensionConfigurationException when there are no binaries for the version, they cannot
   *     run here, or the server does not start in time
   */
  public static EmbeddedDatabase start(DatabaseConfig config) {
    return start(config, EmbeddedBinaries.resolve(config.embeddedMajor()));
  }

  static EmbeddedDatabase start(DatabaseConfig config, EmbeddedBinaries binaries) {
    TemplateCache cache = new TemplateCache(config.embeddedCacheDir(), binaries.key());
    cache.removeLeftovers();
    Path run;
    try {
      run = cache.newRunDirectory();
    } catch (IOException e) {
      throw new ExtensionConfigurationException(
          DatabaseMessages.embeddedFailed(
              "its cache folder ["
                  + config.embeddedCacheDir()
                  + "] is not writable ("
                  + e.getMessage()
                  + ")",
              "Point fixturekit.embedded.cache-dir at a writable folder"),
          e);
    }
    try {
      boolean warm = cache.copyTemplateTo(run);
      if (warm) {
        return startIn(run, config, binaries, null, true);
      }
      Optional<TemplateCache.Builder> builder = cache.lockForBuilding(config.startupTimeout());
      if (builder.isEmpty()) {
        // Another JVM published the template while this one waited.
        cache.copyTemplateTo(run);
        return startIn(run, config, binaries, null, true);
      }
      try (TemplateCache.Builder owner = builder.get()) {
        return startIn(run, config, binaries, owner, false);
      }
    } catch (IOException | RuntimeException e) {
      TemplateCache.deleteTree(run);
      if (e instanceof ExtensionConfigurationException configuration) {
        throw configuration;
      }
      throw new ExtensionConfigurationException(explain(e, config, binaries), e);
    }
  }

  private static EmbeddedDatabase startIn(
      Path run,
      DatabaseConfig config,
      EmbeddedBinaries binaries,
      TemplateCache.Builder publisher,
      boolean warm)
      throws IOException {
    UnpackedBinaries unpacked = new UnpackedBinaries(config.embeddedCacheDir(), binaries);
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setPgBinaryResolver(unpacked.resolver())
            .setOverrideWorkingDirectory(unpacked.folder().toFile())
            .setDataDirectory(run)
            .setCleanDataDirectory(false)
            .setPGStartupWait(config.startupTimeout())
            .setRegisterShutdownHook(false)
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off")
            .setServerConfig("max_connections", "200")
            // initdb option: 1 MB WAL segments instead of 16 make the template, and each copy,
            // smaller.
            .setLocaleConfig("wal-segsize", "1");
    if (publisher != null) {
      // Runs after initdb and before the server starts: the cluster is complete and at rest.
      builder.setDataDirectoryCustomizer(
          dir -> {
            try {
              publisher.publish(dir.toPath());
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            } finally {
              publisher.close();
            }
          });
    }
    EmbeddedPostgres postgres = builder.start();
    unpacked.remember();
    try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
      String version = connection.getMetaData().getDatabaseProductVersion();
      LOG.log(
          System.Logger.Level.DEBUG,
          "fixturekit: embedded PostgreSQL "
              + version
              + (warm ? " from the template" : " after initdb"));
      return new EmbeddedDatabase(postgres, run, version, warm);
    } catch (SQLException e) {
      closeQuietly(postgres);
      throw new ExtensionConfigurationException(
          DatabaseMessages.embeddedFailed(
              "it started but refuses connections (" + e.getMessage() + ")",
              "Delete the cache folder [" + config.embeddedCacheDir() + "] and try again"),
          e);
    }
  }

  /** What went wrong, in the user's terms. */
  private static String explain(Exception e, DatabaseConfig config, EmbeddedBinaries binaries) {
    String all = chain(e);
    String lower = all.toLowerCase(Locale.ROOT);
    Optional<String> cannotRun = BinaryCheck.whyCannotRun(all);
    if (cannotRun.isPresent()) {
      return DatabaseMessages.embeddedFailed(
          "the PostgreSQL binaries ["
              + binaries.description()
              + "] cannot run on this machine: "
              + cannotRun.get(),
          "Check that java.io.tmpdir is not mounted noexec and that the binaries match this system ("
              + EmbeddedBinaries.platform()
              + "), or use fixturekit.database=testcontainers or external");
    }
    if (lower.contains("exec format error")
        || lower.contains("error=13")
        || lower.contains("permission denied")
        || lower.contains("error=2,")
        || lower.contains("cannot execute")
        || lower.contains("no such file")) {
      return DatabaseMessages.embeddedFailed(
          "the PostgreSQL binaries ["
              + binaries.description()
              + "] cannot run on this machine ("
              + all
              + ")",
          "Check that java.io.tmpdir is not mounted noexec and that the binaries match this system ("
              + EmbeddedBinaries.platform()
              + "), or use fixturekit.database=testcontainers or external");
    }
    if (lower.contains("gave up waiting")) {
      return DatabaseMessages.embeddedFailed(
          "the server did not start within "
              + config.startupTimeout().toMillis()
              + " ms ("
              + all
              + ")",
          "Raise fixturekit.timeout.startup");
    }
    return DatabaseMessages.embeddedFailed(
        all, "Delete the cache folder [" + config.embeddedCacheDir() + "] and try again");
  }

  private static String chain(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t : Causes.of(e)) {
      String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      if (text.indexOf(message) < 0) {
        text.append(text.length() == 0 ? "" : "; ").append(message);
      }
    }
    return text.toString();
  }

  /** Whether this cluster was copied from the template rather than made by initdb. */
  public boolean startedFromTemplate() {
    return warm;
  }

  @Override
  public String provider() {
    return "embedded";
  }

  @Override
  public String jdbcUrl() {
    return postgres.getJdbcUrl(USER, "postgres");
  }

  @Override
  public String username() {
    return USER;
  }

  @Override
  public String password() {
    return "";
  }

  @Override
  public String serverVersion() {
    return serverVersion;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      closeQuietly(postgres);
      TemplateCache.deleteTree(dataDirectory);
    }
  }

  private static void closeQuietly(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "fixturekit could not stop the embedded PostgreSQL", e);
    }
  }
}
