package io.github.fixturekit.internal.embedded;

import io.github.fixturekit.internal.database.DatabaseMessages;
import io.github.fixturekit.internal.database.ServerDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * A PostgreSQL cluster of fixturekit's own, started from the binaries that zonky ships on Maven
 * Central, tuned for tests (no fsync), and stopped on close. The one place fixturekit uses zonky.
 */
public final class EmbeddedDatabase implements ServerDatabase {

  private static final String USER = "postgres";
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);

  private final EmbeddedPostgres postgres;
  private final String serverVersion;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedDatabase(EmbeddedPostgres postgres, String serverVersion) {
    this.postgres = postgres;
    this.serverVersion = serverVersion;
  }

  /**
   * Starts a new cluster.
   *
   * @throws ExtensionConfigurationException when the binaries cannot run here
   */
  public static EmbeddedDatabase start() {
    EmbeddedPostgres postgres;
    try {
      postgres =
          EmbeddedPostgres.builder()
              .setPGStartupWait(STARTUP_WAIT)
              .setRegisterShutdownHook(false)
              .setServerConfig("fsync", "off")
              .setServerConfig("synchronous_commit", "off")
              .setServerConfig("full_page_writes", "off")
              .setServerConfig("max_connections", "200")
              .start();
    } catch (IOException | RuntimeException e) {
      throw new ExtensionConfigurationException(
          "fixturekit could not start the embedded PostgreSQL: "
              + e.getMessage()
              + ". "
              + DatabaseMessages.THREE_WAYS
              + ".",
          e);
    }
    try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
      return new EmbeddedDatabase(postgres, connection.getMetaData().getDatabaseProductVersion());
    } catch (SQLException e) {
      closeQuietly(postgres);
      throw new ExtensionConfigurationException(
          "fixturekit started the embedded PostgreSQL but cannot connect to it: " + e.getMessage(), e);
    }
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
    }
  }

  private static void closeQuietly(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException e) {
      System.getLogger(EmbeddedDatabase.class.getName())
          .log(System.Logger.Level.WARNING, "fixturekit could not stop the embedded PostgreSQL", e);
    }
  }
}
