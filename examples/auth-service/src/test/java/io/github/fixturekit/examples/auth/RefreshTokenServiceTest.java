package io.github.fixturekit.examples.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.tokens.IssuedToken;
import io.github.fixturekit.tokens.RefreshTokenFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@FixtureTest(entities = {User.class, RefreshToken.class})
class RefreshTokenServiceTest {

    private Session session;
    private RefreshTokenService service;

    @BeforeEach
    void setUp(Session session) {
        this.session = session;
        this.service = new RefreshTokenService(session, Clock.systemUTC());
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
        void acceptsAnActiveToken(Factory<User> users, RefreshTokenFactory<RefreshToken> tokens) {
            User alice = users.create();
            IssuedToken<RefreshToken> issued = tokens.create(alice);

            RefreshToken token = service.validate(issued.raw());

            assertThat(token.getId()).isEqualTo(issued.entity().getId());
            assertThat(token.belongsTo(alice)).isTrue();
            assertThat(token.isRevoked()).isFalse();
        }

        @Test
        void rejectsAnExpiredToken(Factory<User> users, RefreshTokenFactory<RefreshToken> tokens) {
            IssuedToken<RefreshToken> issued =
                    tokens.create(users.create(), o -> o.expiresIn(Duration.ofMinutes(-5)));

            assertThatThrownBy(() -> service.validate(issued.raw())).isInstanceOf(TokenExpired.class);
        }

        @Test
        void rejectsARevokedToken(Factory<User> users, RefreshTokenFactory<RefreshToken> tokens) {
            IssuedToken<RefreshToken> issued = tokens.create(users.create(), o -> o.revoked(true));

            assertThatThrownBy(() -> service.validate(issued.raw())).isInstanceOf(TokenRevoked.class);
        }

        @Test
        void rejectsAnUnknownToken(Factory<User> users, RefreshTokenFactory<RefreshToken> tokens) {
            IssuedToken<RefreshToken> issued = tokens.create(users.create());

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
                assertThat(token.getUser().getId()).isEqualTo(team.get(i).getId());
            }
            assertThat(issued).extracting(t -> t.entity().getFamilyId()).doesNotHaveDuplicates();
        }
    }

    @Nested
    class Issue {

        @Test
        void issuesAUsableTokenThatExpiresInSevenDays(Factory<User> users) {
            User bob = users.create(u -> u.rename("Bob"));
            Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);

            RefreshTokenService.Issued issued = service.issue(bob);

            assertThat(issued.raw()).matches("[A-Za-z0-9_-]{43}");
            assertThat(issued.token().getTokenHash()).isEqualTo(TokenHasher.hash(issued.raw()));
            assertThat(issued.token().getExpiresAt())
                    .isCloseTo(before.plus(Duration.ofDays(7)), within(1, ChronoUnit.MINUTES))
                    .isAfterOrEqualTo(before.plus(Duration.ofDays(7)));
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
        void keepsTheFamilyAndRevokesThePresentedToken(
                Factory<User> users, RefreshTokenFactory<RefreshToken> tokens) {
            User alice = users.create();
            IssuedToken<RefreshToken> original = tokens.create(alice);

            RefreshTokenService.Issued successor = service.rotate(original.raw());

            assertThat(successor.token().getFamilyId()).isEqualTo(original.entity().getFamilyId());
            assertThat(successor.token().belongsTo(alice)).isTrue();
            assertThat(successor.raw()).isNotEqualTo(original.raw());
            assertThat(original.entity().isRevoked()).isTrue();
            assertThat(service.validate(successor.raw()).getId()).isEqualTo(successor.token().getId());
            assertThatThrownBy(() -> service.validate(original.raw())).isInstanceOf(TokenRevoked.class);
            assertThat(activeTokensInFamily(original.entity().getFamilyId())).isEqualTo(1);
        }

        @Test
        void refusesAnExpiredTokenAndLeavesItAlone(
                Factory<User> users, RefreshTokenFactory<RefreshToken> tokens) {
            IssuedToken<RefreshToken> expired =
                    tokens.create(users.create(), o -> o.expiresIn(Duration.ofSeconds(-1)));

            assertThatThrownBy(() -> service.rotate(expired.raw())).isInstanceOf(TokenExpired.class);
            assertThat(expired.entity().isRevoked()).isFalse();
        }

        @Test
        void reuseOfARevokedTokenRevokesTheWholeFamily(
                Factory<User> users, RefreshTokenFactory<RefreshToken> tokens) {
            User alice = users.create();
            IssuedToken<RefreshToken> stolen = tokens.create(alice);
            RefreshTokenService.Issued legitimate = service.rotate(stolen.raw());
            UUID family = stolen.entity().getFamilyId();
            assertThat(activeTokensInFamily(family)).isEqualTo(1);

            assertThatThrownBy(() -> service.rotate(stolen.raw())).isInstanceOf(TokenReuseDetected.class);

            assertThat(activeTokensInFamily(family)).isZero();
            assertThatThrownBy(() -> service.validate(legitimate.raw())).isInstanceOf(TokenRevoked.class);
        }

        @Test
        void reuseLeavesOtherFamiliesAlone(Factory<User> users, RefreshTokenFactory<RefreshToken> tokens) {
            User alice = users.create(u -> u.rename("Alice"));
            User mallory = users.create(u -> u.rename("Mallory"));
            IssuedToken<RefreshToken> aliceLaptop = tokens.create(alice);
            IssuedToken<RefreshToken> alicePhone = tokens.create(alice, o -> o.expiresIn(Duration.ofHours(1)));
            IssuedToken<RefreshToken> malloryToken = tokens.create(mallory);
            service.rotate(aliceLaptop.raw());

            assertThatThrownBy(() -> service.rotate(aliceLaptop.raw()))
                    .isInstanceOf(TokenReuseDetected.class);

            assertThat(service.validate(alicePhone.raw()).getId()).isEqualTo(alicePhone.entity().getId());
            assertThat(service.validate(malloryToken.raw()).getId()).isEqualTo(malloryToken.entity().getId());
            long revokedRows = session.createNativeQuery(
                            "select count(*) from refresh_tokens where is_revoked", Long.class)
                    .getSingleResult();
            assertThat(revokedRows).isEqualTo(2);
        }
    }
}
