package io.github.fixturekit.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.fixturekit.FrozenClock;
import io.github.fixturekit.extension.Scenario;
import io.github.fixturekit.model.Member;
import io.github.fixturekit.model.SessionToken;
import io.github.fixturekit.tokens.schemas.TsApiToken;
import io.github.fixturekit.tokens.schemas.TsFixtureTest;
import io.github.fixturekit.tokens.schemas.TsUser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hibernate.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Declarative tokens: {@code @Issued IssuedToken<T>} parameters. */
@TsFixtureTest
@FrozenClock("2030-01-01T00:00:00Z")
class IssuedParameterTest {

  static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

  @Test
  void isAReadyActiveTokenWithAPersistedOwner(
      @Issued IssuedToken<SessionToken> token, Session session) {
    assertThat(token.entity().getId()).isNotNull();
    assertThat(token.entity().isRevoked()).isFalse();
    assertThat(token.entity().getExpiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    Member owner = token.entity().getUser();
    assertThat(session.contains(owner)).isTrue();
    assertThat(owner.getId()).isNotNull();
  }

  @Test
  void takesRevokedAndAnIsoDuration(
      @Issued(revoked = true, expiresIn = "PT1H") IssuedToken<SessionToken> revoked,
      @Issued(expiresIn = "-PT5M") IssuedToken<SessionToken> expired) {
    assertThat(revoked.entity().isRevoked()).isTrue();
    assertThat(revoked.entity().getExpiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    assertThat(expired.entity().isRevoked()).isFalse();
    assertThat(expired.entity().getExpiresAt()).isEqualTo(NOW.minus(Duration.ofMinutes(5)));
  }

  @Test
  void parametersNamingTheSameOwnerShareIt(
      @Issued(owner = "alice") IssuedToken<SessionToken> laptop,
      @Issued(owner = "alice", revoked = true) IssuedToken<SessionToken> phone,
      @Issued(owner = "bob") IssuedToken<SessionToken> bobs,
      @Issued IssuedToken<SessionToken> anonymous1,
      @Issued IssuedToken<SessionToken> anonymous2) {
    Member alice = laptop.entity().getUser();
    assertThat(phone.entity().getUser()).isSameAs(alice);
    assertThat(List.of(bobs, anonymous1, anonymous2))
        .extracting(t -> t.entity().getUser())
        .doesNotContain(alice)
        .doesNotHaveDuplicates();
    assertThat(laptop.entity().getFamilyId()).isNotEqualTo(phone.entity().getFamilyId());
  }

  @Test
  void anIdColumnOwnerIsCreatedThroughItsNamedType(
      @Issued @TokenMapping(ownerType = TsUser.class) IssuedToken<TsApiToken> token,
      Session session) {
    assertThat(session.find(TsUser.class, token.entity().getUserId())).isNotNull();
  }

  @Nested
  class WithBeforeEach {

    IssuedToken<SessionToken> fromSetUp;

    @BeforeEach
    void setUp(@Issued(owner = "alice") IssuedToken<SessionToken> token) {
      fromSetUp = token;
    }

    @Test
    void theNamedOwnerIsSharedWithTheTest(
        @Issued(owner = "alice") IssuedToken<SessionToken> token) {
      assertThat(token.entity().getUser()).isSameAs(fromSetUp.entity().getUser());
      assertThat(token.raw()).isNotEqualTo(fromSetUp.raw());
    }
  }

  @Nested
  class Errors {

    Throwable failureOf(Class<?> scenario) {
      Events events =
          EngineTestKit.engine("junit-jupiter")
              .configurationParameter(Scenario.PARAMETER, "true")
              .selectors(selectClass(scenario))
              .execute()
              .testEvents();
      events.assertStatistics(s -> s.started(1).failed(1));
      return events.failed().stream()
          .findFirst()
          .orElseThrow()
          .getPayload(TestExecutionResult.class)
          .orElseThrow()
          .getThrowable()
          .orElseThrow();
    }

    @Test
    void aDurationThatIsNotIso8601() {
      assertThat(failureOf(BadDuration.class))
          .isInstanceOf(ParameterResolutionException.class)
          .hasMessage(
              "@Issued(expiresIn = \"1h\") on [IssuedToken<SessionToken>] is not an ISO-8601 duration;"
                  + " write it like \"PT1H\", \"P30D\" or \"-PT5M\"");
    }

    @Test
    void onAParameterThatIsNotAToken() {
      assertThat(failureOf(NotAToken.class))
          .isInstanceOf(ParameterResolutionException.class)
          .hasMessage(
              "@Issued is for IssuedToken parameters, but it is on [String]; declare it as @Issued"
                  + " IssuedToken<YourTokenEntity>");
    }

    @Test
    void anIdColumnOwnerOfUnknownType() {
      assertThat(failureOf(UnknownOwner.class))
          .isInstanceOf(ParameterResolutionException.class)
          .hasMessage(
              "[IssuedToken<TsApiToken>] needs an owner, but the token's owner [TsApiToken.userId] is an"
                  + " id column of unknown entity; name the owner's entity with @TokenMapping(ownerType ="
                  + " YourUser.class)");
    }

    @Test
    void anIssuedTokenWithoutTheAnnotationIsNotClaimed() {
      assertThat(failureOf(NotAnnotated.class))
          .isInstanceOf(ParameterResolutionException.class)
          .hasMessageStartingWith(
              "No ParameterResolver registered for parameter [io.github.fixturekit.tokens.IssuedToken");
    }
  }

  @Scenario
  @TsFixtureTest
  static class BadDuration {
    @Test
    void test(@Issued(expiresIn = "1h") IssuedToken<SessionToken> token) {}
  }

  @Scenario
  @TsFixtureTest
  static class NotAToken {
    @Test
    void test(@Issued String token) {}
  }

  @Scenario
  @TsFixtureTest
  static class UnknownOwner {
    @Test
    void test(@Issued IssuedToken<TsApiToken> token) {}
  }

  @Scenario
  @TsFixtureTest
  static class NotAnnotated {
    @Test
    void test(IssuedToken<SessionToken> token) {}
  }
}
