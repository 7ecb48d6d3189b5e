package io.github.fixturekit.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.fixturekit.database.Database;
import io.github.fixturekit.internal.database.PostgresUrl;
import io.github.fixturekit.internal.database.ServerDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** One entity set's schema in fixturekit's database, with a connection pool that lands in it. */
final class SchemaDatabase implements Database, AutoCloseable {

  private final ServerDatabase server;
  private final String jdbcUrl;
  private final HikariDataSource pool;

  private SchemaDatabase(ServerDatabase server, String jdbcUrl, HikariDataSource pool) {
    this.server = server;
    this.jdbcUrl = jdbcUrl;
    this.pool = pool;
  }

  /** (Re)creates {@code schema} in fixturekit's own database and opens a pool on it. */
  static SchemaDatabase create(ServerDatabase server, String schema, Duration connectTimeout) {
    String url = PostgresUrl.withParameter(server.jdbcUrl(), "currentSchema", schema);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(server.username());
    config.setPassword(server.password());
    config.setPoolName("fixturekit-" + schema);
    // one connection per concurrently running test, plus one for cleanup, under JUnit's parallel
    // mode
    config.setMaximumPoolSize(Math.max(16, Runtime.getRuntime().availableProcessors() * 4 + 2));
    config.setMinimumIdle(1);
    config.setConnectionTimeout(Math.max(250, connectTimeout.toMillis()));
    // The database is a throwaway one: a commit (commit mode, cleanup) need not wait for its WAL to
    // reach the disk. Set per connection, so a server fixturekit does not own keeps its settings;
    // the embedded and Testcontainers servers are started that way already.
    config.setConnectionInitSql("SET synchronous_commit = off");
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new ExtensionConfigurationException(
          "fixturekit could not connect to its "
              + server.provider()
              + " database for schema ["
              + schema
              + "]: "
              + e.getMessage(),
          e);
    }
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      // The whole database is fixturekit's, created for this JVM: the schema is ours to reset.
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      statement.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      pool.close();
      throw new ExtensionConfigurationException(
          "fixturekit could not create schema ["
              + schema
              + "] in its "
              + server.provider()
              + " database: "
              + e.getMessage(),
          e);
    }
    return new SchemaDatabase(server, url, pool);
  }

  @Override
  public String jdbcUrl() {
    return jdbcUrl;
  }

  @Override
  public String username() {
    return server.username();
  }

  @Override
  public String password() {
    return server.password();
  }

  @Override
  public DataSource dataSource() {
    return pool;
  }

  @Override
  public void close() {
    pool.close();
  }

  @Override
  public String toString() {
    return "Database[" + server.provider() + ", " + jdbcUrl + "]";
  }
}
