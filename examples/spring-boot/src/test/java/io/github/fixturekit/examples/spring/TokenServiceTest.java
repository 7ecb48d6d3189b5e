package io.github.fixturekit.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fixturekit.Factory;
import io.github.fixturekit.tokens.IssuedToken;
import io.github.fixturekit.tokens.RefreshTokenFactory;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service under Spring, with rows made by fixturekit's factories in Spring's own transaction:
 * {@code SpringExtension} (from {@code @SpringBootTest}) opens a transaction around each test and
 * rolls it back; {@code Factory.of} and {@code RefreshTokenFactory.of} persist through Spring's
 * shared EntityManager, so the rows live in that transaction and go with its rollback.
 */
@SpringBootTest
@Import(EmbeddedPostgresConfiguration.class)
@Transactional
class TokenServiceTest {

    @Autowired EntityManager entityManager;
    @Autowired TokenService service;
    @Autowired RefreshTokenRepository tokenRepository;
    @Autowired JdbcTemplate jdbc;

    Factory<User> users;
    RefreshTokenFactory<RefreshToken> tokens;

    @BeforeEach
    void factoriesOnSpringsEntityManager() {
        // inside the test's transaction: SpringExtension starts it before @BeforeEach
        users = Factory.of(entityManager, User.class);
        tokens = RefreshTokenFactory.of(entityManager, RefreshToken.class);
    }

    @Test
    void exchangesAValidTokenForANewOneOfTheSameFamily() {
        User alice = users.create();
        IssuedToken<RefreshToken> issued = tokens.create(alice);

        String next = service.refresh(issued.raw());

        assertThat(next).hasSize(43).isNotEqualTo(issued.raw());
        assertThat(issued.entity().isRevoked()).isTrue();
        RefreshToken replacement = tokenRepository.findByTokenHash(TokenService.hash(next)).orElseThrow();
        assertThat(replacement.getFamilyId()).isEqualTo(issued.entity().getFamilyId());
        assertThat(replacement.getUser()).isSameAs(alice);
    }

    @Test
    void refusesAnExpiredToken() {
        IssuedToken<RefreshToken> issued = tokens.create(users.create(), o -> o.expiresIn(Duration.ofMinutes(-1)));

        assertThatThrownBy(() -> service.refresh(issued.raw()))
                .isInstanceOfSatisfying(
                        TokenRefreshException.class,
                        e -> assertThat(e.reason()).isEqualTo(TokenRefreshException.Reason.EXPIRED));
    }

    @Test
    void aReusedTokenRevokesItsWholeFamily() {
        User bob = users.create();
        IssuedToken<RefreshToken> stolen = tokens.create(bob, o -> o.revoked(true));
        IssuedToken<RefreshToken> sibling =
                tokens.create(bob, o -> o.familyId(stolen.entity().getFamilyId()));
        IssuedToken<RefreshToken> otherFamily = tokens.create(bob);

        assertThatThrownBy(() -> service.refresh(stolen.raw()))
                .isInstanceOfSatisfying(
                        TokenRefreshException.class,
                        e -> assertThat(e.reason()).isEqualTo(TokenRefreshException.Reason.REUSED));

        assertThat(sibling.entity().isRevoked()).isTrue();
        assertThat(otherFamily.entity().isRevoked()).isFalse();
    }

    @Test
    void factoryRowsAreVisibleToSpringsJdbcInTheSameTransaction() {
        List<User> three = users.createList(3);

        // JdbcTemplate takes the connection Spring bound to this test's transaction
        Long count = jdbc.queryForObject("select count(*) from users", Long.class);
        assertThat(count).isEqualTo(3);
        assertThat(three).allSatisfy(u -> assertThat(u.getId()).isNotNull());
    }

    /** Spring rolls back each test's transaction, also after a constraint failure: what the tests above made is gone. */
    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class EachTestStartsEmpty {

        @Test
        @Order(1)
        void createsRows() {
            tokens.create(users.create(u -> u.setEmail("carol@example.org")));

            assertThat(jdbc.queryForObject("select count(*) from refresh_tokens", Long.class)).isEqualTo(1);
        }

        @Test
        @Order(2)
        void failsOnAUniqueConstraint() {
            users.create(u -> u.setEmail("dave@example.org"));

            assertThatThrownBy(() -> users.create(u -> u.setEmail("dave@example.org")))
                    .rootCause()
                    .hasMessageContaining("duplicate key");
        }

        @Test
        @Order(3)
        void seesNoneOfThem() {
            assertThat(jdbc.queryForObject("select count(*) from users", Long.class)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from refresh_tokens", Long.class)).isZero();
        }
    }
}
