package io.github.fixturekit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.model.Member;
import io.github.fixturekit.model.SessionToken;
import io.github.fixturekit.tokens.IssuedToken;
import io.github.fixturekit.tokens.RefreshTokenFactory;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

@FixtureTest(entities = {Member.class, SessionToken.class})
class SmokeTest {

  @Test
  void createsTokens(
      Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
    Member m = members.create();
    IssuedToken<SessionToken> issued = tokens.create(m, o -> o.revoked(true));
    assertThat(issued.entity().isRevoked()).isTrue();
    assertThat(issued.entity().getUser()).isSameAs(m);
    assertThat(
            session
                .createNativeQuery("select count(*) from refresh_tokens", Long.class)
                .getSingleResult())
        .isEqualTo(1L);
  }
}
