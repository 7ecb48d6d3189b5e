package io.github.fixturekit.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureFactory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.model.Member;
import io.github.fixturekit.model.SessionToken;
import io.github.fixturekit.tokens.schemas.Hashes;
import io.github.fixturekit.tokens.schemas.TsApiToken;
import io.github.fixturekit.tokens.schemas.TsBrokenToken;
import io.github.fixturekit.tokens.schemas.TsLegacyToken;
import io.github.fixturekit.tokens.schemas.TsUser;
import io.github.fixturekit.tokens.schemas.TsWebToken;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A token schema mapped once, on the entity's own factory, serves every test that lists it. */
@FixtureTest(
    entities = {
      Member.class,
      SessionToken.class,
      TsUser.class,
      TsApiToken.class,
      TsLegacyToken.class,
      TsWebToken.class,
      TsBrokenToken.class
    },
    factories = TokenMappingOnFactoryTest.LegacyTokens.class)
class TokenMappingOnFactoryTest {

  /** The user's factory of the legacy token entity, carrying its mapping. */
  @TokenMapping(hash = "digest", family = "chain", expiresAt = "validUntil", revoked = "disabled")
  public static class LegacyTokens extends FixtureFactory<TsLegacyToken> {}

  @Test
  void theMappingOnTheFactoryIsUsed(
      Factory<TsUser> users, RefreshTokenFactory<TsLegacyToken> tokens) throws Exception {
    IssuedToken<TsLegacyToken> issued = tokens.create(users.create(), o -> o.revoked(true));

    assertThat(issued.entity().getDigest()).isEqualTo(Hashes.sha256Hex(issued.raw()));
    assertThat(UUID.fromString(issued.entity().getChain())).isNotNull();
    assertThat(issued.entity().isDisabled()).isTrue();
  }
}
