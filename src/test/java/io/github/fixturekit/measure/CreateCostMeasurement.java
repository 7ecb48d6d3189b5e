package io.github.fixturekit.measure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.model.Member;
import io.github.fixturekit.model.SessionToken;
import io.github.fixturekit.tokens.RefreshTokenFactory;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.hibernate.Session;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Prints what a test pays for fixturekit: the time from JVM start to the first test body, and the
 * mean cost of {@code create()} for a plain entity and for a refresh token. Figures, not assertions
 * on time: run alone in a fresh JVM with {@code mvn test -Dtest=CreateCostMeasurement
 * -Dgroups=measurement -DexcludedGroups=none}.
 */
@Tag("measurement")
@FixtureTest(entities = {Member.class, SessionToken.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CreateCostMeasurement {

  private static final int WARMUP = 300;
  private static final int ROUNDS = 2000;

  @Test
  @Order(1)
  void timeToFirstTest(Session session) {
    long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
    print("jvm-uptime-at-first-test-ms", uptime);
    assertThat(session.isOpen()).isTrue();
  }

  @Test
  @Order(2)
  void createCost(Factory<Member> members, Session session) {
    for (int i = 0; i < WARMUP; i++) {
      members.create();
    }
    session.clear();
    long started = System.nanoTime();
    for (int i = 0; i < ROUNDS; i++) {
      members.create();
      if (i % 200 == 0) {
        session.clear();
      }
    }
    print("member-create-us", (System.nanoTime() - started) / 1_000.0 / ROUNDS);
  }

  @Test
  @Order(3)
  void tokenCreateCost(
      Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
    Member owner = members.create();
    for (int i = 0; i < WARMUP; i++) {
      tokens.create(owner);
    }
    long started = System.nanoTime();
    for (int i = 0; i < ROUNDS; i++) {
      tokens.create(owner);
    }
    print("token-create-us", (System.nanoTime() - started) / 1_000.0 / ROUNDS);
  }

  private static void print(String name, double value) {
    System.out.println(String.format(Locale.ROOT, "measure %s %.1f", name, value));
  }
}
