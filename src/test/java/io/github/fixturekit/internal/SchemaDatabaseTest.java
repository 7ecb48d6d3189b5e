package io.github.fixturekit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.github.fixturekit.internal.database.ServerDatabase;
import io.github.fixturekit.internal.database.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * An entity set's schema made afresh in a database of the test's own on a real server (skipped,
 * with the reason, where none answers): where its connections land, how they are set up, what
 * creating it again does, and the messages when the server cannot be used.
 */
class SchemaDatabaseTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private static ServerDatabase server;

  @BeforeAll
  static void ownDatabase() {
    server = TestServer.database();
  }

  @AfterAll
  static void dropIt() {
    if (server != null) {
      server.close();
    }
  }

  @Nested
  class ItsConnections {

    @Test
    void landInTheSchema() throws SQLException {
      try (SchemaDatabase database = SchemaDatabase.create(server, "fkx_sd_lands", TIMEOUT)) {
        assertThat(query(database, "select current_schema()")).containsExactly("fkx_sd_lands");
        assertThat(serverQuery("select nspname from pg_namespace where nspname like 'fkx_sd_%'"))
            .contains("fkx_sd_lands");
      }
    }

    @Test
    void comeFromAUrlThatCarriesTheSchema() {
      try (SchemaDatabase database = SchemaDatabase.create(server, "fkx_sd_url", TIMEOUT)) {
        assertThat(server.jdbcUrl()).contains("?");
        assertThat(database.jdbcUrl()).isEqualTo(server.jdbcUrl() + "&currentSchema=fkx_sd_url");
        assertThat(((HikariDataSource) database.dataSource()).getJdbcUrl())
            .isEqualTo(database.jdbcUrl());
      }
    }

    @Test
    void commitWithoutWaitingForTheDiskWhileTheServerKeepsItsSetting() throws SQLException {
      try (SchemaDatabase database = SchemaDatabase.create(server, "fkx_sd_sync", TIMEOUT);
          Connection first = database.dataSource().getConnection();
          Connection second = database.dataSource().getConnection()) {
        assertThat(show(first, "synchronous_commit")).isEqualTo("off");
        assertThat(show(second, "synchronous_commit")).isEqualTo("off");
        try (Connection plain =
            DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password())) {
          assertThat(show(plain, "synchronous_commit")).isEqualTo("on");
        }
      }
    }

    @Test
    void comeFromAPoolNamedForTheSchemaThatKeepsOneIdleAndWaitsTheConnectTimeout() {
      try (SchemaDatabase database =
          SchemaDatabase.create(server, "fkx_sd_pool", Duration.ofMillis(3500))) {
        HikariDataSource pool = (HikariDataSource) database.dataSource();
        assertThat(pool.getPoolName()).isEqualTo("fixturekit-fkx_sd_pool");
        assertThat(pool.getMinimumIdle()).isEqualTo(1);
        assertThat(pool.getConnectionTimeout()).isEqualTo(3500);
        assertThat(pool.getMaximumPoolSize())
            .isEqualTo(Math.max(16, Runtime.getRuntime().availableProcessors() * 4 + 2))
            .isGreaterThanOrEqualTo(16);
        assertThat(pool.getUsername()).isEqualTo(server.username());
        assertThat(pool.getPassword()).isEqualTo(server.password());
      }
    }

    @Test
    void waitAtLeastAQuarterOfASecond() {
      try (SchemaDatabase database =
          SchemaDatabase.create(server, "fkx_sd_short", Duration.ofMillis(10))) {
        assertThat(((HikariDataSource) database.dataSource()).getConnectionTimeout())
            .isEqualTo(250);
      }
    }
  }

  @Nested
  class CreatingAgain {

    @Test
    void dropsWhatTheSchemaHeld() throws SQLException {
      try (SchemaDatabase first = SchemaDatabase.create(server, "fkx_sd_again", TIMEOUT)) {
        execute(first, "create table fkx_sd_kept (id int); insert into fkx_sd_kept values (1)");
        assertThat(query(first, "select count(*) from fkx_sd_kept")).containsExactly("1");
      }
      try (SchemaDatabase second = SchemaDatabase.create(server, "fkx_sd_again", TIMEOUT)) {
        assertThat(
                query(
                    second,
                    "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                        + " where n.nspname = 'fkx_sd_again'"))
            .containsExactly("0");
        assertThat(query(second, "select current_schema()")).containsExactly("fkx_sd_again");
      }
    }

    @Test
    void leavesOtherSchemasAlone() throws SQLException {
      try (SchemaDatabase other = SchemaDatabase.create(server, "fkx_sd_other", TIMEOUT)) {
        execute(
            other,
            "create table fkx_sd_other_rows (id int); insert into fkx_sd_other_rows values (7)");
        SchemaDatabase.create(server, "fkx_sd_neighbour", TIMEOUT).close();
        SchemaDatabase.create(server, "fkx_sd_neighbour", TIMEOUT).close();
        assertThat(query(other, "select id from fkx_sd_other_rows")).containsExactly("7");
      }
    }
  }

  @Nested
  class AsADatabase {

    @Test
    void givesTheServersCredentials() {
      assumeTrusted();
      Misreported server = new Misreported(SchemaDatabaseTest.server, "external");
      server.password = "fkx-not-checked-by-the-server";
      try (SchemaDatabase database = SchemaDatabase.create(server, "fkx_sd_credentials", TIMEOUT)) {
        assertThat(database.username()).isEqualTo(SchemaDatabaseTest.server.username());
        assertThat(database.password()).isEqualTo("fkx-not-checked-by-the-server");
        assertThat(((HikariDataSource) database.dataSource()).getPassword())
            .isEqualTo("fkx-not-checked-by-the-server");
      }
    }

    @Test
    void namesItsProviderAndUrl() {
      Misreported server = new Misreported(SchemaDatabaseTest.server, "test-provider");
      try (SchemaDatabase database = SchemaDatabase.create(server, "fkx_sd_named", TIMEOUT)) {
        assertThat(database.toString())
            .isEqualTo(
                "Database[test-provider, "
                    + SchemaDatabaseTest.server.jdbcUrl()
                    + "&currentSchema=fkx_sd_named]");
      }
    }

    @Test
    void closesItsPoolAndItsConnectionsOnClose() throws SQLException {
      SchemaDatabase database = SchemaDatabase.create(server, "fkx_sd_close", TIMEOUT);
      HikariDataSource pool = (HikariDataSource) database.dataSource();
      String pid;
      try (Connection connection = pool.getConnection();
          Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery("select pg_backend_pid()")) {
        rs.next();
        pid = rs.getString(1);
      }
      assertThat(serverQuery("select pid::text from pg_stat_activity")).contains(pid);
      database.close();
      assertThat(pool.isClosed()).isTrue();
      assertThatThrownBy(pool::getConnection).isInstanceOf(SQLException.class);
      awaitGone(pid);
    }
  }

  @Nested
  class AServerItCannotUse {

    @Test
    void atAPortNothingListensOn() throws SQLException {
      Misreported server = new Misreported(SchemaDatabaseTest.server, "test-provider");
      server.jdbcUrl = SchemaDatabaseTest.server.jdbcUrl().replaceFirst(":\\d+/", ":1/");
      assertThat(server.jdbcUrl)
          .contains("127.0.0.1:1/")
          .isNotEqualTo(SchemaDatabaseTest.server.jdbcUrl());
      assertThatThrownBy(() -> SchemaDatabase.create(server, "fkx_sd_port", TIMEOUT))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageStartingWith(
              "fixturekit could not connect to its test-provider database for schema"
                  + " [fkx_sd_port]: ")
          .hasMessageContaining("Connection to 127.0.0.1:1 refused")
          .hasCauseInstanceOf(HikariPool.PoolInitializationException.class);
      assertThat(schemas()).doesNotContain("fkx_sd_port");
    }

    @Test
    void withAUserItDoesNotKnow() throws SQLException {
      Misreported server = new Misreported(SchemaDatabaseTest.server, "test-provider");
      server.username = "fkx_sd_no_such_role";
      assertThatThrownBy(() -> SchemaDatabase.create(server, "fkx_sd_user", TIMEOUT))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageStartingWith(
              "fixturekit could not connect to its test-provider database for schema"
                  + " [fkx_sd_user]: ")
          .hasMessageContaining("fkx_sd_no_such_role")
          .hasCauseInstanceOf(HikariPool.PoolInitializationException.class);
      assertThat(schemas()).doesNotContain("fkx_sd_user");
    }

    @Test
    void thatRefusesTheSchemaAndClosesThePool() throws SQLException {
      Misreported server = new Misreported(SchemaDatabaseTest.server, "test-provider");
      awaitNoOtherConnections();
      assertThatThrownBy(() -> SchemaDatabase.create(server, "select", TIMEOUT))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageStartingWith(
              "fixturekit could not create schema [select] in its test-provider database: ERROR:"
                  + " syntax error at or near \"select\"")
          .hasCauseInstanceOf(SQLException.class);
      awaitNoOtherConnections();
    }
  }

  /** The test's server as a provider that reports other settings, for the error paths. */
  private static final class Misreported implements ServerDatabase {
    private final ServerDatabase real;
    private final String provider;
    String jdbcUrl;
    String username;
    String password;

    Misreported(ServerDatabase real, String provider) {
      this.real = real;
      this.provider = provider;
      this.jdbcUrl = real.jdbcUrl();
      this.username = real.username();
      this.password = real.password();
    }

    @Override
    public String provider() {
      return provider;
    }

    @Override
    public String jdbcUrl() {
      return jdbcUrl;
    }

    @Override
    public String username() {
      return username;
    }

    @Override
    public String password() {
      return password;
    }

    @Override
    public String serverVersion() {
      return real.serverVersion();
    }

    @Override
    public void close() {}
  }

  /** The password is only passed on where the server does not ask for it. */
  @SuppressWarnings("try") // only whether it opens
  private static void assumeTrusted() {
    try (Connection ignored =
        DriverManager.getConnection(server.jdbcUrl(), server.username(), "fkx-not-checked")) {
      // trusted
    } catch (SQLException e) {
      assumeTrue(false, "the server checks passwords (" + e.getMessage() + ")");
    }
  }

  private static String show(Connection connection, String setting) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("show " + setting)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static void execute(SchemaDatabase database, String sql) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static List<String> query(SchemaDatabase database, String sql) throws SQLException {
    try (Connection connection = database.dataSource().getConnection()) {
      return rows(connection, sql);
    }
  }

  private static List<String> serverQuery(String sql) throws SQLException {
    try (Connection connection =
        DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password())) {
      return rows(connection, sql);
    }
  }

  private static List<String> rows(Connection connection, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  private static List<String> schemas() throws SQLException {
    return serverQuery("select nspname from pg_namespace order by 1");
  }

  private static void awaitGone(String pid) throws SQLException {
    awaitEmpty("select pid::text from pg_stat_activity where pid = " + pid);
  }

  /** No connection into the test's database but the one asking: every pool is closed. */
  private static void awaitNoOtherConnections() throws SQLException {
    awaitEmpty(
        "select pid::text from pg_stat_activity"
            + " where datname = current_database() and pid <> pg_backend_pid()");
  }

  private static void awaitEmpty(String sql) throws SQLException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<String> rows = serverQuery(sql);
    while (!rows.isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      rows = serverQuery(sql);
    }
    assertThat(rows).as(sql).isEmpty();
  }
}
