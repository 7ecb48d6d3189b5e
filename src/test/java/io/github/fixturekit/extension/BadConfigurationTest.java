package io.github.fixturekit.extension;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.extension.model.ExPerson;
import io.github.fixturekit.internal.ChildJvm;
import io.github.fixturekit.internal.ChildJvm.TestRun;
import io.github.fixturekit.internal.database.PasswordServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.Events;

/**
 * The bad-input rows that concern a whole run: a database that cannot be had, and settings that are
 * misspelt or wrong. The database is the JVM's, so these run in a JVM of their own against a server
 * of the test's own (one that checks passwords). A run that cannot get its database fails every
 * test with the same message, the later ones at once rather than after another wait; the next run,
 * configured right, passes.
 */
class BadConfigurationTest {

  private static PasswordServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = PasswordServer.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  /** Two ordinary tests: what a user's class looks like. */
  @Scenario
  @FixtureTest(entities = ExPerson.class)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  public static class TwoTests {

    @Test
    @Order(1)
    void first(Factory<ExPerson> people, Session session) {
      ErrorsTest.worksNormally(people, session);
    }

    @Test
    @Order(2)
    void second(Factory<ExPerson> people, Session session) {
      ErrorsTest.worksNormally(people, session);
    }
  }

  private static ChildJvm external(String url, String user, String password) {
    return ChildJvm.suite(TwoTests.class)
        .env("FIXTUREKIT_DATABASE", "external")
        .env("FIXTUREKIT_JDBC_URL", url)
        .env("FIXTUREKIT_JDBC_USER", user)
        .env("FIXTUREKIT_JDBC_PASSWORD", password)
        .env("FIXTUREKIT_TIMEOUT_CONNECT", "3s");
  }

  /** Both tests failed with {@code parts} in the report, the second without waiting again. */
  private static void assertBothFailFast(ChildJvm.Result result, String... parts) {
    List<TestRun> tests = result.tests();
    assertThat(tests).as("%s", result).hasSize(2).allMatch(TestRun::failed);
    assertThat(tests.get(1).millis())
        .as("the second test's wait, after the first found no database")
        .isLessThan(1000);
    assertThat(result.output()).contains(ExtensionConfigurationException.class.getName());
    for (String part : parts) {
      assertThat(result.output()).contains(part);
    }
  }

  @Test
  void aMalformedJdbcUrl() throws Exception {
    ChildJvm.Result result = external("jdbc:mysql://127.0.0.1/db", "postgres", "").run();

    assertBothFailFast(
        result, "fixturekit.jdbc.url [jdbc:mysql://127.0.0.1/db] is not a PostgreSQL JDBC URL");
  }

  @Test
  void aWrongPassword() throws Exception {
    ChildJvm.Result result = external(server.url(), PasswordServer.USER, "wrong-password").run();

    assertBothFailFast(
        result,
        "refused user [" + PasswordServer.USER + "] (wrong password or no access)",
        "fixturekit.jdbc.password");
  }

  @Test
  void anUnreachableHost() throws Exception {
    // TEST-NET-1 (RFC 5737): routed nowhere, so the connection attempt times out or is refused
    ChildJvm.Result result =
        external("jdbc:postgresql://192.0.2.1:5432/postgres", "postgres", "").run();

    assertBothFailFast(result, "[jdbc:postgresql://192.0.2.1:5432/postgres]");
    // which of the two depends on the network the machine is on
    assertThat(result.output())
        .containsAnyOf("cannot be reached within 3000 ms", "the connection was refused");
    assertThat(result.tests().get(0).millis())
        .as("the first test's wait, bounded by the connect timeout")
        .isLessThan(10_000);
  }

  @Test
  void anUnknownKeyIsReportedWithTheNearestKeyAndTheRunGoesOn() throws Exception {
    ChildJvm.Result result =
        external(server.url(), PasswordServer.USER, PasswordServer.PASSWORD)
            .property("fixturekit.jdbc.usr", "postgres")
            .env("FIXTUREKIT_LEFTOVER_AGES", "1h")
            .run();

    assertThat(result.tests()).as("%s", result).hasSize(2).noneMatch(TestRun::failed);
    assertThat(result.output())
        .contains(
            "fixturekit does not know the system property [fixturekit.jdbc.usr] and ignores it; did you mean"
                + " [fixturekit.jdbc.user]?")
        .contains(
            "fixturekit does not know the environment variable [FIXTUREKIT_LEFTOVER_AGES] and ignores it; did you"
                + " mean [FIXTUREKIT_LEFTOVER_AGE]?");
  }

  @Test
  void hibernatesOwnSchemaGenerationSettingsDoNotTurnOffFixturekitsSchema(@TempDir Path folder)
      throws Exception {
    Path script = folder.resolve("create.sql");
    ChildJvm.Result result =
        external(server.url(), PasswordServer.USER, PasswordServer.PASSWORD)
            // what a hibernate.properties of the application could hold
            .property("jakarta.persistence.schema-generation.scripts.action", "create")
            .property(
                "jakarta.persistence.schema-generation.scripts.create-target", script.toString())
            .property("jakarta.persistence.schema-generation.database.action", "none")
            .run();

    assertThat(result.tests()).as("%s", result).hasSize(2).noneMatch(TestRun::failed);
    assertThat(script).as("a script of fixturekit's schema").doesNotExist();
  }

  @Test
  void aBadValueForAKnownKeyFailsEveryTestOfTheRunAndTheNextRunPasses() {
    Events events = Scenarios.run(TwoTests.class, Map.of("fixturekit.leaks", "sometimes"));

    events.assertStatistics(s -> s.started(2).failed(2));
    for (Throwable failure : Scenarios.failures(events)) {
      ErrorsTest.assertFailure(
          failure,
          ExtensionConfigurationException.class,
          "fixturekit.leaks is [sometimes]",
          "fail",
          "warn",
          "off");
    }
    Scenarios.assertAllPassed(TwoTests.class, 2);
  }
}
