package io.github.fixturekit.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureExtension;
import io.github.fixturekit.TestClock;
import io.github.fixturekit.model.Member;
import io.github.fixturekit.model.SessionToken;
import io.github.fixturekit.tokens.schemas.Hashes;
import io.github.fixturekit.tokens.schemas.TsApiToken;
import io.github.fixturekit.tokens.schemas.TsBrokenToken;
import io.github.fixturekit.tokens.schemas.TsLegacyToken;
import io.github.fixturekit.tokens.schemas.TsUser;
import io.github.fixturekit.tokens.schemas.TsWebToken;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A token mapping and a base clock given to the extension's builder. */
class TokenMappingBuilderTest {

  static final Instant BASE = Instant.parse("2031-02-03T04:05:06Z");

  @RegisterExtension
  static FixtureExtension fixtures =
      FixtureExtension.builder()
          .entities(
              Member.class,
              SessionToken.class,
              TsUser.class,
              TsApiToken.class,
              TsLegacyToken.class,
              TsWebToken.class,
              TsBrokenToken.class)
          .clock(Clock.fixed(BASE, ZoneOffset.UTC))
          .tokenMapping(
              TokenSchema.of(TsLegacyToken.class)
                  .hash("digest")
                  .family("chain")
                  .expiresAt("validUntil")
                  .revoked("disabled")
                  .hashing(TokenHashing.hmacSha256Hex("builder-key")))
          .build();

  @Test
  void mapsTheEntityAndHashesWithTheConfiguredKey(
      Factory<TsUser> users, RefreshTokenFactory<TsLegacyToken> tokens) throws Exception {
    IssuedToken<TsLegacyToken> issued = tokens.create(users.create());

    assertThat(issued.entity().getDigest())
        .isEqualTo(HexFormat.of().formatHex(Hashes.hmac("builder-key", issued.raw())));
    assertThat(issued.entity().getValidUntil())
        .isEqualTo(LocalDateTime.ofInstant(BASE.plus(7, ChronoUnit.DAYS), ZoneOffset.UTC));
  }

  @Test
  void theTestClockFollowsTheConfiguredClock(TestClock clock) {
    assertThat(clock.instant()).isEqualTo(BASE);
    assertThat(clock.isFrozen()).isFalse();
    clock.advance(java.time.Duration.ofMinutes(1));
    assertThat(clock.instant()).isEqualTo(BASE.plusSeconds(60));
  }
}
