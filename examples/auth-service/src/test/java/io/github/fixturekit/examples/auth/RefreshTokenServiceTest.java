package io.github.fixturekit.examples.auth;

import static io.github.fixturekit.assertj.FixtureAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.FrozenClock;
import io.github.fixturekit.TestClock;
import io.github.fixturekit.tokens.Issued;
import io.github.fixturekit.tokens.IssuedToken;
import io.github.fixturekit.tokens.RefreshTokenFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@FixtureTest(entities = {User.class, RefreshToken.class})
@FrozenClock("2030-03-30T12:00:00Z")
class RefreshTokenServiceTest {

    static final Instant NOW = Instant.parse("2030-03-30T12:00:00Z");

    private Session session;
    private TestClock clock;
    private RefreshTokenService service;

    @BeforeEach
    void setUp(Session session, TestClock clock) {
        this.session = session;
        this.clock = clock;
        // the service and fixturekit's factories read the same clock
        this.service = new RefreshTokenService(session, clock);
    }

    private long activeTokensInFamily(UUID familyId) {
        return session.createSelectionQuery(
                        "select count(t) from RefreshToken t where t.familyId = :familyId and t.revoked = false",
                        Long.class)
                .setParameter("familyId", familyId)
                .getSingleResult();
    }

    @Nested
    class Validate {

        @Test
        void acceptsAnActiveToken(@Issued IssuedToken<RefreshToken> issued) {
            RefreshToken token = service.validate(issued.raw());

            assertThat(token.getId()).isEqualTo(issued.entity().getId());
            assertThat(issued).isActive().belongsTo(token.getUser()).hasRawMatchingStoredHash();
        }

        @Test
        void rejectsAnExpiredToken(@Issued(expiresIn = "-PT5M") IssuedToken<RefreshToken> issued) {
            assertThat(issued).isExpired();
            assertThatThrownBy(() -> service.validate(issued.raw())).isInstanceOf(TokenExpired.class);
        }

        @Test
        void rejectsARevokedToken(@Issued(revoked = true) IssuedToken<RefreshToken> issued) {
            assertThatThrownBy(() -> service.validate(issued.raw())).isInstanceOf(TokenRevoked.class);
        }

        @Test
        void expiresExactlyAtItsExpiry(@Issued(expiresIn = "PT1H") IssuedToken<RefreshToken> issued) {
            clock.advance(Duration.ofHours(1).minusNanos(1_000));
            assertThat(service.validate(issued.raw()).getId()).isEqualTo(issued.entity().getId());

            clock.advance(Duration.ofNanos(1_000));
            assertThat(issued).isExpired();
            assertThatThrownBy(() -> service.validate(issued.raw())).isInstanceOf(TokenExpired.class);
        }

        @Test
        void rejectsAnUnknownToken(@Issued IssuedToken<RefreshToken> issued) {
            assertThatThrownBy(() -> service.validate(TokenHasher.newRawToken()))
                    .isInstanceOf(TokenNotFound.class);
            // the stored hash is not a credential: presenting it does not work either
            assertThatThrownBy(() -> service.validate(issued.entity().getTokenHash()))
                    .isInstanceOf(TokenNotFound.class);
        }

        @Test
        void findsEachTokenForItsOwnUser(Factory<User> users, RefreshTokenFactory<RefreshToken> tokens) {
            List<User> team = users.createList(3);
            List<IssuedToken<RefreshToken>> issued = team.stream().map(tokens::create).toList();

            for (int i = 0; i < team.size(); i++) {
                RefreshToken token = service.validate(issued.get(i).raw());
                assertThat(token.belongsTo(team.get(i))).as("token %d belongs to its user", i).isTrue();
                assertThat(issued.get(i)).belongsTo(team.get(i));
            }
            assertThat(issued).extracting(t -> t.entity().getFamilyId()).doesNotHaveDuplicates();
        }

        @Test
        void acceptsAKnownRawValue(Factory<User> users, RefreshTokenFactory<RefreshToken> tokens) {
            tokens.create(users.create(), o -> o.raw("token-from-a-recorded-request"));

            assertThat(service.validate("token-from-a-recorded-request").isRevoked()).isFalse();
        }
    }

    @Nested
    class Issue {

        @Test
        void issuesAUsableTokenThatExpiresInSevenDays(Factory<User> users) {
            User bob = users.create(u -> u.rename("Bob"));

            RefreshTokenService.Issued issued = service.issue(bob);

            assertThat(issued.raw()).matches("[A-Za-z0-9_-]{43}");
            assertThat(issued.token().getTokenHash()).isEqualTo(TokenHasher.hash(issued.raw()));
            assertThat(issued.token().getExpiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
            assertThat(service.validate(issued.raw()).getId()).isEqualTo(issued.token().getId());
            assertThat(issued.token().getUser().getDisplayName()).isEqualTo("Bob");
        }

        @Test
        void startsANewFamilyForEveryLogin(Factory<User> users) {
            User carol = users.create();

            UUID first = service.issue(carol).token().getFamilyId();
            UUID second = service.issue(carol).token().getFamilyId();

            assertThat(first).isNotEqualTo(second);
        }
    }

    @Nested
    class Rotate {

        @Test
        void keepsTheFamilyAndRevokesThePresentedToken(@Issued IssuedToken<RefreshToken> original) {
            RefreshTokenService.Issued successor = service.rotate(original.raw());

            assertThat(successor.token().getFamilyId()).isEqualTo(original.entity().getFamilyId());
            assertThat(successor.token().belongsTo(original.entity().getUser())).isTrue();
            assertThat(successor.raw()).isNotEqualTo(original.raw());
            assertThat(original).isRevoked();
            assertThat(service.validate(successor.raw()).getId()).isEqualTo(successor.token().getId());
            assertThatThrownBy(() -> service.validate(original.raw())).isInstanceOf(TokenRevoked.class);
            assertThat(activeTokensInFamily(original.entity().getFamilyId())).isEqualTo(1);
        }

        @Test
        void acceptsTheLatestTokenOfALongChain(Factory<User> users, RefreshTokenFactory<RefreshToken> tokens) {
            List<IssuedToken<RefreshToken>> chain = tokens.family(users.create(), 5);

            RefreshTokenService.Issued next = service.rotate(chain.get(4).raw());

            assertThat(next.token().getFamilyId()).isEqualTo(chain.get(0).entity().getFamilyId());
            assertThat(chain.get(4)).isRevoked();
            assertThat(activeTokensInFamily(next.token().getFamilyId())).isEqualTo(1);
        }

        @Test
        void refusesAnExpiredTokenAndLeavesItAlone(@Issued(expiresIn = "-PT1S") IssuedToken<RefreshToken> expired) {
            assertThatThrownBy(() -> service.rotate(expired.raw())).isInstanceOf(TokenExpired.class);
            assertThat(expired.entity().isRevoked()).isFalse();
        }

        @Test
        void refusesATokenThatExpiredWhileTheClockRan(@Issued IssuedToken<RefreshToken> issued) {
            clock.advance(Duration.ofDays(7));

            assertThatThrownBy(() -> service.rotate(issued.raw())).isInstanceOf(TokenExpired.class);
        }
    }

    @Nested
    class ReuseDetection {

        @Test
        void reuseOfARevokedTokenRevokesTheWholeFamily(Factory<User> users, RefreshTokenFactory<RefreshToken> tokens) {
            List<IssuedToken<RefreshToken>> family = tokens.family(users.create(), 3);
            assertThatThrownBy(() -> service.rotate(family.get(0).raw())).isInstanceOf(TokenReuseDetected.class);
            assertThat(family.get(2)).isRevoked();
        }

        @Test
        void aStolenTokenReplayedAfterTheVictimRotatedCutsOffTheVictimToo(
                @Issued IssuedToken<RefreshToken> stolen, RefreshTokenFactory<RefreshToken> tokens) {
            IssuedToken<RefreshToken> victims = tokens.rotate(stolen);
            assertThat(victims).isInSameFamilyAs(stolen).isActive();

            assertThatThrownBy(() -> service.rotate(stolen.raw())).isInstanceOf(TokenReuseDetected.class);

            assertThat(victims).isRevoked();
            assertThatThrownBy(() -> service.validate(victims.raw())).isInstanceOf(TokenRevoked.class);
            assertThat(activeTokensInFamily(stolen.entity().getFamilyId())).isZero();
        }

        @Test
        void reuseLeavesOtherFamiliesAndUsersAlone(
                @Issued(owner = "alice") IssuedToken<RefreshToken> aliceLaptop,
                @Issued(owner = "alice", expiresIn = "PT1H") IssuedToken<RefreshToken> alicePhone,
                @Issued(owner = "mallory") IssuedToken<RefreshToken> malloryToken,
                RefreshTokenFactory<RefreshToken> tokens) {
            IssuedToken<RefreshToken> laptopSuccessor = tokens.rotate(aliceLaptop);

            assertThatThrownBy(() -> service.rotate(aliceLaptop.raw())).isInstanceOf(TokenReuseDetected.class);

            assertThat(laptopSuccessor).isRevoked();
            assertThat(alicePhone).isActive().belongsTo(aliceLaptop.entity().getUser());
            assertThat(malloryToken).isActive();
            assertThat(service.validate(alicePhone.raw()).getId()).isEqualTo(alicePhone.entity().getId());
            long revokedRows = session.createNativeQuery(
                            "select count(*) from refresh_tokens where is_revoked", Long.class)
                    .getSingleResult();
            assertThat(revokedRows).isEqualTo(2);
        }
    }
}
