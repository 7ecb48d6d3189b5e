package io.github.fixturekit.benchmarks.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.benchmarks.model.RefreshToken;
import io.github.fixturekit.benchmarks.model.User;
import io.github.fixturekit.tokens.IssuedToken;
import io.github.fixturekit.tokens.RefreshTokenFactory;
import java.time.Duration;
import java.util.List;
import org.hibernate.Session;
import org.junit.jupiter.api.RepeatedTest;

/**
 * The peer suite, fixturekit's way: the same 100 tests as {@code SpringTokenSuite}, each creating a
 * user and three refresh tokens and querying them, with {@code @FixtureTest} on the same server.
 */
@FixtureTest(entities = {User.class, RefreshToken.class})
public class FixturekitTokenSuite {

  private static List<RefreshToken> tokensOf(Session session, User user, String condition) {
    return session
        .createQuery("select t from RefreshToken t where t.user = :user" + condition, RefreshToken.class)
        .setParameter("user", user)
        .getResultList();
  }

  @RepeatedTest(25)
  void findsAUsersTokens(Factory<User> users, RefreshTokenFactory<RefreshToken> tokens, Session session) {
    User user = users.create();
    for (int i = 0; i < 3; i++) {
      tokens.create(user);
    }
    session.clear();
    assertThat(tokensOf(session, user, "")).hasSize(3).allMatch(t -> t.getUser().getId().equals(user.getId()));
  }

  @RepeatedTest(25)
  void findsATokenByItsHash(Factory<User> users, RefreshTokenFactory<RefreshToken> tokens, Session session) {
    User user = users.create();
    tokens.create(user);
    IssuedToken<RefreshToken> issued = tokens.create(user);
    tokens.create(user);
    session.clear();
    RefreshToken found =
        session
            .createQuery("select t from RefreshToken t where t.tokenHash = :hash", RefreshToken.class)
            .setParameter("hash", TokenValues.hash(issued.raw()))
            .getSingleResult();
    assertThat(found.getUser().getId()).isEqualTo(user.getId());
  }

  @RepeatedTest(25)
  void leavesRevokedTokensOut(Factory<User> users, RefreshTokenFactory<RefreshToken> tokens, Session session) {
    User user = users.create();
    tokens.create(user);
    tokens.create(user, o -> o.revoked(true));
    tokens.create(user);
    session.clear();
    assertThat(tokensOf(session, user, " and t.revoked = false")).hasSize(2);
  }

  @RepeatedTest(25)
  void leavesExpiredTokensOut(Factory<User> users, RefreshTokenFactory<RefreshToken> tokens, Session session) {
    User user = users.create();
    tokens.create(user);
    tokens.create(user, o -> o.expiresIn(Duration.ofHours(-1)));
    tokens.create(user, o -> o.expiresIn(Duration.ofHours(-2)));
    session.clear();
    assertThat(tokensOf(session, user, " and t.expiresAt > current_timestamp")).hasSize(1);
  }
}
