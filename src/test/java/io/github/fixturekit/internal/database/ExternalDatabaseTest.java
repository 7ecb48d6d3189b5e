package io.github.fixturekit.internal.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The external provider against a real server: {@code FIXTUREKIT_TEST_SERVER_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}, user {@code postgres}). Skipped, with the
 * reason, where no server answers there.
 */
class ExternalDatabaseTest {

  static final String URL =
      System.getenv().getOrDefault("FIXTUREKIT_TEST_SERVER_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
  static final String USER = System.getenv().getOrDefault("FIXTUREKIT_TEST_SERVER_USER", "postgres");
  static final String PASSWORD = System.getenv().getOrDefault("FIXTUREKIT_TEST_SERVER_PASSWORD", "");

  @BeforeAll
  static void serverAnswers() {
    try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
      assumeTrue(connection.isValid(5), "the server at " + URL + " does not answer");
    } catch (SQLException e) {
      assumeTrue(false, "no PostgreSQL server at " + URL + " (" + e.getMessage() + ")");
    }
  }

  @Nested
  class Lifecycle {

    @Test
    void createsItsOwnDatabaseAndDropsItOnClose() throws SQLException {
      ExternalDatabase database = ExternalDatabase.create(URL, USER, PASSWORD);
      try {
        assertThat(database.name()).matches("fixturekit_\\d{14}_\\d+_[0-9a-f]{4}");
        assertThat(databases()).contains(database.name());
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), USER, PASSWORD);
            ResultSet rs = c.createStatement().executeQuery("select current_database()")) {
          rs.next();
          assertThat(rs.getString(1)).isEqualTo(database.name());
        }
        assertThat(database.serverVersion()).isNotBlank();
      } finally {
        database.close();
      }
      assertThat(databases()).doesNotContain(database.name());
    }

    @Test
    void dropsItsDatabaseEvenWithConnectionsStillOpen() throws SQLException {
      ExternalDatabase database = ExternalDatabase.create(URL, USER, PASSWORD);
      try (Connection leaked = DriverManager.getConnection(database.jdbcUrl(), USER, PASSWORD)) {
        assertThat(leaked.isValid(5)).isTrue();
        database.close();
        assertThat(databases()).doesNotContain(database.name());
      }
    }

    @Test
    void closingTwiceIsHarmless() {
      ExternalDatabase database = ExternalDatabase.create(URL, USER, PASSWORD);
      database.close();
      database.close();
    }

    @Test
    void leavesTheConfiguredDatabaseUnchanged() throws SQLException {
      List<String> before = relationsOfConfiguredDatabase();
      ExternalDatabase database = ExternalDatabase.create(URL, USER, PASSWORD);
      try (Connection c = DriverManager.getConnection(database.jdbcUrl(), USER, PASSWORD);
          Statement s = c.createStatement()) {
        s.execute("create table inside_fixturekit_database (id int)");
      }
      database.close();
      assertThat(relationsOfConfiguredDatabase()).isEqualTo(before);
    }
  }

  @Nested
  class Errors {

    @Test
    void malformedUrl() {
      assertThatThrownBy(() -> ExternalDatabase.create("jdbc:mysql://127.0.0.1/db", USER, PASSWORD))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageContaining("fixturekit.jdbc.url [jdbc:mysql://127.0.0.1/db] is not a PostgreSQL JDBC URL");
    }

    @Test
    void unreachableServer() {
      long started = System.nanoTime();
      assertThatThrownBy(() -> ExternalDatabase.create("jdbc:postgresql://127.0.0.1:1/postgres", USER, PASSWORD))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageContaining("[jdbc:postgresql://127.0.0.1:1/postgres]")
          .hasMessageContaining("cannot be reached")
          .hasMessageContaining("fixturekit.jdbc.url");
      assertThat((System.nanoTime() - started) / 1_000_000_000).isLessThan(15);
    }

    @Test
    void missingDatabaseInTheUrl() {
      String url = PostgresUrl.parse(URL).withDatabase("fixturekit_no_such_database");
      assertThatThrownBy(() -> ExternalDatabase.create(url, USER, PASSWORD))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageContaining("does not exist");
    }

    @Test
    void userWithoutCreatedb() throws SQLException {
      String role = "fixturekit_test_nocreatedb";
      try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
          Statement s = c.createStatement()) {
        s.execute("drop role if exists " + role);
        s.execute("create role " + role + " login password 'secret' nocreatedb");
      }
      try {
        assertThatThrownBy(() -> ExternalDatabase.create(URL, role, "secret"))
            .isInstanceOf(ExtensionConfigurationException.class)
            .hasMessageContaining("user [" + role + "] may not create databases")
            .hasMessageContaining("ALTER ROLE " + role + " CREATEDB");
      } finally {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
            Statement s = c.createStatement()) {
          s.execute("drop role if exists " + role);
        }
      }
    }
  }

  private static List<String> databases() throws SQLException {
    return strings("select datname from pg_database order by datname");
  }

  private static List<String> relationsOfConfiguredDatabase() throws SQLException {
    return strings(
        "select n.nspname || '.' || c.relname || ':' || c.relkind::text from pg_class c"
            + " join pg_namespace n on n.oid = c.relnamespace"
            + " where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')"
            + " order by 1");
  }

  private static List<String> strings(String sql) throws SQLException {
    List<String> result = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        result.add(rs.getString(1));
      }
    }
    return result;
  }
}
