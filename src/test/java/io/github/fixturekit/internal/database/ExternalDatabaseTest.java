package io.github.fixturekit.internal.database;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The external provider against a real server: {@code FIXTUREKIT_TEST_SERVER_URL} (default {@code
 * jdbc:postgresql://127.0.0.1:5432/postgres}, user {@code postgres}). Skipped, with the reason,
 * where no server answers there.
 */
class ExternalDatabaseTest {

  static final String URL =
      System.getenv()
          .getOrDefault("FIXTUREKIT_TEST_SERVER_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
  static final String USER =
      System.getenv().getOrDefault("FIXTUREKIT_TEST_SERVER_USER", "postgres");
  static final String PASSWORD =
      System.getenv().getOrDefault("FIXTUREKIT_TEST_SERVER_PASSWORD", "");

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
          .hasMessageContaining(
              "fixturekit.jdbc.url [jdbc:mysql://127.0.0.1/db] is not a PostgreSQL JDBC URL");
    }

    @Test
    void aPortNothingListensOn() {
      long started = System.nanoTime();
      assertThatThrownBy(
              () ->
                  ExternalDatabase.create("jdbc:postgresql://127.0.0.1:1/postgres", USER, PASSWORD))
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageContaining("[jdbc:postgresql://127.0.0.1:1/postgres]")
          .hasMessageContaining(
              "the connection was refused: nothing accepts connections on that host and port")
          .hasMessageNotContaining("fixturekit.timeout.connect")
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
    void wrongPassword() throws Exception {
      try (PasswordServer server = PasswordServer.start()) {
        DatabaseConfig config =
            DatabaseConfig.defaults(server.url(), PasswordServer.USER, "wrong-password");
        assertThatThrownBy(() -> ExternalDatabase.create(config, "external"))
            .isInstanceOf(ExtensionConfigurationException.class)
            .hasMessageContaining("on the external server [" + server.url() + "]")
            .hasMessageContaining(
                "refused user [" + PasswordServer.USER + "] (wrong password or no access)")
            .hasMessageContaining("check fixturekit.jdbc.user and fixturekit.jdbc.password");

        ExternalDatabase right =
            ExternalDatabase.create(
                config.withServer(server.url(), PasswordServer.USER, PasswordServer.PASSWORD),
                "external");
        right.close();
      }
    }

    @Test
    void aPasswordInTheUrlIsNotShown() throws Exception {
      try (PasswordServer server = PasswordServer.start()) {
        String url = server.url() + "?password=wrong-s3cret&sslmode=disable";
        DatabaseConfig config = DatabaseConfig.defaults(url, PasswordServer.USER, null);
        assertThatThrownBy(() -> ExternalDatabase.create(config, "external"))
            .isInstanceOf(ExtensionConfigurationException.class)
            .hasMessageContaining("[" + server.url() + "?password=***&sslmode=disable]")
            .hasMessageContaining("refused user [" + PasswordServer.USER + "]")
            .hasMessageNotContaining("wrong-s3cret");
      }
    }

    @Test
    void aServerThatIsNotPostgresqlIsNotReportedAsATimeout() throws Exception {
      try (ServerSocket other = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
        Thread closer =
            new Thread(
                () -> {
                  while (!other.isClosed()) {
                    try (Socket s = other.accept()) {
                      s.getOutputStream().write("-ERR unknown command\r\n".getBytes(US_ASCII));
                    } catch (IOException e) {
                      return;
                    }
                  }
                },
                "not-postgresql");
        closer.setDaemon(true);
        closer.start();
        String url = "jdbc:postgresql://127.0.0.1:" + other.getLocalPort() + "/postgres";
        DatabaseConfig config =
            DatabaseConfig.defaults(url, USER, PASSWORD)
                .withTimeouts(
                    Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(3));

        assertThatThrownBy(() -> ExternalDatabase.create(config, "external"))
            .isInstanceOf(ExtensionConfigurationException.class)
            .hasMessageContaining("[" + url + "]")
            .hasMessageContaining(
                "something accepts connections on that host and port but ended the connection")
            .hasMessageContaining("check the port")
            .hasMessageNotContaining("fixturekit.timeout.connect");
      }
    }

    @Test
    void aServerThatNeverAnswersIsGivenUpOnWithinTheConnectTimeout() throws Exception {
      try (SilentServer silent = new SilentServer()) {
        String url = "jdbc:postgresql://127.0.0.1:" + silent.port() + "/postgres";
        DatabaseConfig config =
            DatabaseConfig.defaults(url, USER, PASSWORD)
                .withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(3));
        long started = System.nanoTime();
        assertThatThrownBy(() -> ExternalDatabase.create(config, "external"))
            .isInstanceOf(ExtensionConfigurationException.class)
            .hasMessageContaining("[" + url + "]")
            .hasMessageContaining("cannot be reached within 1000 ms")
            .hasMessageContaining("fixturekit.timeout.connect");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
      }
    }

    @Test
    void aUserThatMayCreateNeitherDatabasesNorSchemas() throws SQLException {
      try (Role role = Role.create("nocreatedb")) {
        assertThatThrownBy(() -> ExternalDatabase.create(URL, role.name(), Role.PASSWORD))
            .isInstanceOf(ExtensionConfigurationException.class)
            .hasMessageContaining(
                "user ["
                    + role.name()
                    + "] may neither create databases nor create schemas in database [postgres]")
            .hasMessageContaining("ALTER ROLE " + role.name() + " CREATEDB")
            .hasMessageContaining("GRANT CREATE ON DATABASE postgres TO " + role.name());
      }
    }
  }

  @Nested
  class WithoutCreatedb {

    @Test
    void usesSchemasOfItsOwnInTheConfiguredDatabaseAndDropsOnlyThose() throws SQLException {
      try (Role role = Role.create("nocreatedb");
          ForeignDatabase foreign = ForeignDatabase.create()) {
        foreign.grantCreate(role.name());
        List<String> before = foreign.snapshot();

        ExternalDatabase database =
            ExternalDatabase.create(foreign.url(), role.name(), Role.PASSWORD);
        String schema;
        try {
          assertThat(database.mode()).isEqualTo(ExternalDatabase.Mode.SCHEMA);
          schema = database.schemaFor("fixturekit_0123456789ab");
          assertThat(schema).isEqualTo(database.name() + "_0123456789ab");
          try (Connection c =
                  DriverManager.getConnection(database.jdbcUrl(), role.name(), Role.PASSWORD);
              Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
            s.execute("create table " + schema + ".ex_people (id int)");
            s.execute("insert into " + schema + ".ex_people values (1)");
          }
          assertThat(foreign.schemas()).contains(schema);
        } finally {
          database.close();
        }
        assertThat(foreign.schemas()).doesNotContain(schema);
        assertThat(foreign.snapshot()).isEqualTo(before);
      }
    }
  }

  @Nested
  class LeftoversOfKilledRuns {

    @Test
    @SuppressWarnings("try") // the connection is held open, not used
    void oldIdleDatabasesOfFixturekitsFormAreRemovedAndNothingElse() throws SQLException {
      String old = "fixturekit_" + stampAgo(Duration.ofMinutes(2)) + "_1_abcd";
      String oldInUse = "fixturekit_" + stampAgo(Duration.ofMinutes(2)) + "_2_abcd";
      String young = "fixturekit_29991231235959_3_abcd";
      String lookalike = "fixturekit_keep_me";
      List<String> all = List.of(old, oldInUse, young, lookalike);
      try {
        for (String name : all) {
          admin("create database " + name);
        }
        String inUseUrl = PostgresUrl.parse(URL).withDatabase(oldInUse);
        try (Connection holder = DriverManager.getConnection(inUseUrl, USER, PASSWORD)) {
          ExternalDatabase.create(OLDER_THAN_A_MINUTE, "external").close();
          assertThat(databases()).doesNotContain(old).contains(oldInUse, young, lookalike);
        }
      } finally {
        for (String name : all) {
          admin("drop database if exists " + name);
        }
      }
    }

    @Test
    void eachRemovalReturnsWhatItRemoved() throws SQLException {
      String old = "fixturekit_" + stampAgo(Duration.ofMinutes(2)) + "_7_abcd";
      String young = "fixturekit_29991231235959_8_abcd";
      String oldSchema = "fixturekit_" + stampAgo(Duration.ofMinutes(2)) + "_9_abcd_0123456789ab";
      String youngSchema = "fixturekit_29991231235959_9_abcd_0123456789ab";
      try (ForeignDatabase foreign = ForeignDatabase.create()) {
        admin("create database " + old);
        admin("create database " + young);
        try (Connection admin = DriverManager.getConnection(URL, USER, PASSWORD)) {
          // (old databases of other killed runs on this server may be removed too)
          assertThat(Leftovers.removeDatabases(admin, Duration.ofMinutes(1)))
              .contains(old)
              .doesNotContain(young);
          assertThat(Leftovers.removeDatabases(admin, Duration.ofMinutes(1))).doesNotContain(old);
        }
        try (Connection admin = DriverManager.getConnection(foreign.url(), USER, PASSWORD);
            Statement statement = admin.createStatement()) {
          statement.execute("create schema " + oldSchema + "; create schema " + youngSchema);
          assertThat(Leftovers.removeSchemas(admin, Duration.ofMinutes(1)))
              .containsExactly(oldSchema);
          assertThat(Leftovers.removeSchemas(admin, Duration.ofMinutes(1))).isEmpty();
          assertThat(foreign.schemas()).doesNotContain(oldSchema).contains(youngSchema);
        }
      } finally {
        admin("drop database if exists " + old);
        admin("drop database if exists " + young);
      }
    }

    @Test
    void theAgeIsConfigurable() throws SQLException {
      String old = "fixturekit_" + stampAgo(Duration.ofMinutes(2)) + "_4_abcd";
      try {
        admin("create database " + old);
        ExternalDatabase.create(
                OLDER_THAN_A_MINUTE.withLeftoverAge(Duration.ofMinutes(10)), "external")
            .close();
        assertThat(databases()).contains(old);

        ExternalDatabase.create(OLDER_THAN_A_MINUTE, "external").close();
        assertThat(databases()).doesNotContain(old);
      } finally {
        admin("drop database if exists " + old);
      }
    }

    @Test
    @SuppressWarnings("try") // the connection is held open, not used
    void oldSchemasOfRunsWithoutCreatedbAreRemovedWhenTheirJvmHasNoConnection()
        throws SQLException {
      try (Role role = Role.create("nocreatedb");
          ForeignDatabase foreign = ForeignDatabase.create()) {
        foreign.grantCreate(role.name());
        String old = "fixturekit_20000101000000_5_abcd_0123456789ab";
        String oldInUse = "fixturekit_20000101000000_6_abcd_0123456789ab";
        String lookalike = "fixturekit_hand_made";
        // Left by earlier runs of the same user, who owns them.
        foreign.executeAs(
            role.name(),
            Role.PASSWORD,
            "create schema " + old + "; create table " + old + ".t (id int)");
        foreign.executeAs(
            role.name(),
            Role.PASSWORD,
            "create schema " + oldInUse + "; create schema " + lookalike);
        String inUseUrl =
            PostgresUrl.withParameter(
                foreign.url(), "ApplicationName", "fixturekit_20000101000000_6_abcd");
        try (Connection holder = DriverManager.getConnection(inUseUrl, USER, PASSWORD)) {
          ExternalDatabase.create(foreign.url(), role.name(), Role.PASSWORD).close();
          assertThat(foreign.schemas()).doesNotContain(old).contains(oldInUse, lookalike);
        }
      }
    }
  }

  /**
   * Leftovers a minute old count as left behind here: names stamped a few minutes ago, which the
   * default age (1h) of any other fixturekit JVM on the same server leaves alone.
   */
  private static final DatabaseConfig OLDER_THAN_A_MINUTE =
      DatabaseConfig.defaults(URL, USER, PASSWORD).withLeftoverAge(Duration.ofMinutes(1));

  /** The name stamp of a JVM started {@code ago} before now, by the server's clock (UTC). */
  private static String stampAgo(Duration ago) throws SQLException {
    try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "select to_char(now() at time zone 'UTC' - interval '"
                    + ago.toSeconds()
                    + " seconds', 'YYYYMMDDHH24MISS')")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static void admin(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** A login role without CREATEDB, dropped on close. */
  record Role(String name) implements AutoCloseable {
    static final String PASSWORD = "secret";

    static Role create(String kind) throws SQLException {
      String name = "fkx_test_" + kind + "_" + Long.toHexString(System.nanoTime() & 0xffffff);
      admin("create role " + name + " login password '" + PASSWORD + "' nocreatedb");
      return new Role(name);
    }

    @Override
    public void close() throws SQLException {
      admin("drop owned by " + name + " cascade");
      admin("drop role if exists " + name);
    }
  }

  static List<String> databases() throws SQLException {
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
