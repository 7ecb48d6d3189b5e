package io.github.fixturekit.benchmarks.peer.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.benchmarks.model.RefreshToken;
import io.github.fixturekit.benchmarks.model.User;
import io.github.fixturekit.benchmarks.peer.TokenValues;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;

/**
 * The peer suite, Spring's way: 100 tests that each create a user and three refresh tokens and query
 * them, with {@code @DataJpaTest} and {@code TestEntityManager}, on the server given by
 * {@code spring.datasource.url}. Rows are made by hand, as a Spring test without fixturekit makes them.
 * SQL is not printed ({@code showSql = false}): fixturekit does not print it either.
 * The same tests with fixturekit: {@code FixturekitTokenSuite}.
 */
@DataJpaTest(showSql = false, properties = "spring.jpa.hibernate.ddl-auto=create-drop")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
public class SpringTokenSuite {

  private static final AtomicLong USERS = new AtomicLong();

  @Autowired TestEntityManager entities;

  private User user() {
    long n = USERS.incrementAndGet();
    return entities.persist(new User("user-" + n + "@example.org", "User " + n, Instant.now().truncatedTo(ChronoUnit.MICROS)));
  }

  private String token(User user, Duration expiresIn, boolean revoked) {
    String raw = TokenValues.newRaw();
    Instant expiresAt = Instant.now().plus(expiresIn).truncatedTo(ChronoUnit.MICROS);
    entities.persist(new RefreshToken(user, TokenValues.hash(raw), UUID.randomUUID(), expiresAt, revoked));
    return raw;
  }

  private List<RefreshToken> tokensOf(User user, String condition) {
    return entities
        .getEntityManager()
        .createQuery("select t from RefreshToken t where t.user = :user" + condition, RefreshToken.class)
        .setParameter("user", user)
        .getResultList();
  }

  @RepeatedTest(25)
  void findsAUsersTokens() {
    User user = user();
    for (int i = 0; i < 3; i++) {
      token(user, Duration.ofDays(7), false);
    }
    entities.flush();
    entities.clear();
    assertThat(tokensOf(user, "")).hasSize(3).allMatch(t -> t.getUser().getId().equals(user.getId()));
  }

  @RepeatedTest(25)
  void findsATokenByItsHash() {
    User user = user();
    token(user, Duration.ofDays(7), false);
    String raw = token(user, Duration.ofDays(7), false);
    token(user, Duration.ofDays(7), false);
    entities.flush();
    entities.clear();
    RefreshToken found =
        entities
            .getEntityManager()
            .createQuery("select t from RefreshToken t where t.tokenHash = :hash", RefreshToken.class)
            .setParameter("hash", TokenValues.hash(raw))
            .getSingleResult();
    assertThat(found.getUser().getId()).isEqualTo(user.getId());
  }

  @RepeatedTest(25)
  void leavesRevokedTokensOut() {
    User user = user();
    token(user, Duration.ofDays(7), false);
    token(user, Duration.ofDays(7), true);
    token(user, Duration.ofDays(7), false);
    entities.flush();
    entities.clear();
    assertThat(tokensOf(user, " and t.revoked = false")).hasSize(2);
  }

  @RepeatedTest(25)
  void leavesExpiredTokensOut() {
    User user = user();
    token(user, Duration.ofDays(7), false);
    token(user, Duration.ofHours(-1), false);
    token(user, Duration.ofHours(-2), false);
    entities.flush();
    entities.clear();
    assertThat(tokensOf(user, " and t.expiresAt > current_timestamp")).hasSize(1);
  }
}
