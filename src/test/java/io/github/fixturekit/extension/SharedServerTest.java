package io.github.fixturekit.extension;

import static io.github.fixturekit.extension.Scenarios.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.database.Database;
import io.github.fixturekit.extension.model.ExPerson;
import io.github.fixturekit.internal.ChildJvm;
import io.github.fixturekit.internal.ChildMain;
import io.github.fixturekit.internal.database.ForeignDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Whole suites, each in a JVM of its own (as a Surefire fork or a CI shard), pointed at a shared
 * server: they never meet, leave nothing behind, and change no row of a database they did not
 * create, with or without the CREATEDB privilege. Needs the test server; skipped, with the reason,
 * without it.
 */
class SharedServerTest {

  @BeforeAll
  static void serverAnswers() {
    assumeTrue(
        ForeignDatabase.serverAnswers(), "no PostgreSQL server at " + ForeignDatabase.SERVER_URL);
  }

  /**
   * A user's suite: it commits rows and tables of its own through the Database, and one test fails.
   */
  @Scenario
  @FixtureTest(entities = ExPerson.class)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class BusySuite {

    @Test
    @Order(1)
    void writesRowsAndTablesOfItsOwn(Factory<ExPerson> people, Session session, Database database)
        throws SQLException {
      people.createList(25);
      assertThat(count(session, "ex_people")).isEqualTo(25);
      try (Connection connection = database.dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute(
            "insert into ex_people (email, name) values ('committed@example.org', 'Committed')");
        statement.execute("create table scratch (id int primary key)");
        statement.execute("insert into scratch select generate_series(1, 100)");
        statement.execute("delete from ex_people");
        try (ResultSet rs = statement.executeQuery("select current_database(), current_schema()")) {
          rs.next();
          ChildMain.fact("database", rs.getString(1));
          ChildMain.fact("schema", rs.getString(2));
        }
      }
    }

    @Test
    @Order(2)
    void failsOnPurpose(Factory<ExPerson> people) throws InterruptedException {
      people.create();
      Thread.sleep(300); // overlap with another fork
      fail("fails on purpose: fixturekit must still clean up");
    }
  }

  @Nested
  class ADatabaseFixturekitDidNotCreate {

    @Test
    void keepsEveryRowWhenTheUserMayCreateDatabases() throws Exception {
      try (ForeignDatabase foreign = ForeignDatabase.create()) {
        List<String> before = foreign.snapshot();

        ChildJvm.Result run =
            suite(foreign.url(), ForeignDatabase.SERVER_USER, ForeignDatabase.SERVER_PASSWORD)
                .run();

        assertRanAndFailedOnce(run);
        assertThat(run.fact("database")).startsWith("fixturekit_").isNotEqualTo(foreign.name());
        assertThat(databases()).doesNotContain(run.fact("database"));
        assertThat(foreign.snapshot()).isEqualTo(before);
      }
    }

    @Test
    void keepsEveryRowWhenTheUserMayOnlyCreateSchemas() throws Exception {
      String role = "fkx_test_schemas_" + Long.toHexString(System.nanoTime() & 0xffffff);
      admin("create role " + role + " login password 'secret' nocreatedb");
      try (ForeignDatabase foreign = ForeignDatabase.create()) {
        foreign.grantCreate(role);
        List<String> before = foreign.snapshot();

        ChildJvm.Result run = suite(foreign.url(), role, "secret").run();

        assertRanAndFailedOnce(run);
        assertThat(run.fact("database")).isEqualTo(foreign.name());
        assertThat(run.fact("schema"))
            .startsWith("fixturekit_")
            .isNotEqualTo("fixturekit_0123456789ab");
        assertThat(foreign.schemas()).doesNotContain(run.fact("schema"));
        assertThat(foreign.snapshot()).isEqualTo(before);
      } finally {
        admin("drop role if exists " + role);
      }
    }
  }

  @Test
  void twoForksOnOneServerEachGetTheirOwnDatabase() throws Exception {
    ChildJvm fork =
        suite(
            ForeignDatabase.SERVER_URL,
            ForeignDatabase.SERVER_USER,
            ForeignDatabase.SERVER_PASSWORD);
    Process first = fork.launch();
    Process second = fork.launch();
    ChildJvm.Result a = fork.await(first);
    ChildJvm.Result b = fork.await(second);

    assertRanAndFailedOnce(a);
    assertRanAndFailedOnce(b);
    assertThat(a.fact("database")).startsWith("fixturekit_").isNotEqualTo(b.fact("database"));
    assertThat(databases()).doesNotContain(a.fact("database"), b.fact("database"));
  }

  private static ChildJvm suite(String url, String user, String password) {
    return ChildJvm.suite(BusySuite.class)
        .env("FIXTUREKIT_JDBC_URL", url)
        .env("FIXTUREKIT_JDBC_USER", user)
        .env("FIXTUREKIT_JDBC_PASSWORD", password);
  }

  private static void assertRanAndFailedOnce(ChildJvm.Result run) {
    assertThat(run.fact("tests")).as("%s", run).isEqualTo("2");
    assertThat(run.fact("failed")).as("%s", run).isEqualTo("1");
    assertThat(run.fact("failure")).contains("fails on purpose");
  }

  private static List<String> databases() throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection c =
            DriverManager.getConnection(
                ForeignDatabase.SERVER_URL,
                ForeignDatabase.SERVER_USER,
                ForeignDatabase.SERVER_PASSWORD);
        ResultSet rs = c.createStatement().executeQuery("select datname from pg_database")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  private static void admin(String sql) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                ForeignDatabase.SERVER_URL,
                ForeignDatabase.SERVER_USER,
                ForeignDatabase.SERVER_PASSWORD);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
