package io.github.fixturekit.examples.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.FrozenClock;
import io.github.fixturekit.Isolation;
import io.github.fixturekit.TestClock;
import io.github.fixturekit.tokens.IssuedToken;
import io.github.fixturekit.tokens.RefreshTokenFactory;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The refresh endpoint runs its own transactions on its own sessions, so it only sees committed rows:
 * the test runs in commit mode, where fixturekit's factories commit and every table is emptied after
 * each test.
 */
@FixtureTest(entities = {User.class, RefreshToken.class}, isolation = Isolation.TRUNCATE)
@FrozenClock("2030-03-30T12:00:00Z")
class RefreshEndpointTest {

    private RefreshEndpoint endpoint;
    private Session session;

    @BeforeEach
    void setUp(SessionFactory sessionFactory, Session session, TestClock clock) {
        this.endpoint = new RefreshEndpoint(sessionFactory, clock);
        this.session = session;
    }

    private long activeTokensInFamily(UUID familyId) {
        session.clear(); // the endpoint changed the rows in its own transactions
        return session.createSelectionQuery(
                        "select count(t) from RefreshToken t where t.familyId = :familyId and t.revoked = false",
                        Long.class)
                .setParameter("familyId", familyId)
                .getSingleResult();
    }

    @Test
    void exchangesACommittedTokenForANewOne(Factory<User> users, RefreshTokenFactory<RefreshToken> tokens) {
        IssuedToken<RefreshToken> issued = tokens.create(users.create());

        String next = endpoint.refresh(issued.raw());

        assertThat(next).isNotEqualTo(issued.raw());
        assertThat(activeTokensInFamily(issued.entity().getFamilyId())).isEqualTo(1);
        assertThat(endpoint.refresh(next)).isNotBlank();
    }

    @Test
    void aReusedTokenRevokesItsFamilyForGood(Factory<User> users, RefreshTokenFactory<RefreshToken> tokens) {
        IssuedToken<RefreshToken> issued = tokens.create(users.create());
        String next = endpoint.refresh(issued.raw());

        assertThatThrownBy(() -> endpoint.refresh(issued.raw())).isInstanceOf(TokenReuseDetected.class);

        assertThat(activeTokensInFamily(issued.entity().getFamilyId())).isZero();
        assertThatThrownBy(() -> endpoint.refresh(next)).isInstanceOf(TokenReuseDetected.class);
    }

    @Test
    void startsWithEmptyTables() {
        assertThat(session.createSelectionQuery("select count(t) from RefreshToken t", Long.class)
                        .getSingleResult())
                .isZero();
    }
}
