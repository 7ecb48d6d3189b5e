package io.github.fixturekit.examples.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.tokens.IssuedToken;
import io.github.fixturekit.tokens.RefreshTokenFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/** What the factories hand over to the tests of the application. */
@FixtureTest(entities = {User.class, RefreshToken.class})
class UserFactoryTest {

    @Test
    void customizesAndPersistsUsers(Factory<User> users, Session session) {
        User alice = users.create(u -> {
            u.rename("Alice");
            u.changeEmail("alice@example.com");
        });
        session.clear();

        User reloaded = session.find(User.class, alice.getId());

        assertThat(reloaded.getDisplayName()).isEqualTo("Alice");
        assertThat(reloaded.getEmail()).isEqualTo("alice@example.com");
        assertThat(reloaded.getCreatedAt()).isNotNull();
    }

    @Test
    void buildsWithoutPersisting(Factory<User> users, Session session) {
        User draft = users.build(u -> u.rename("Draft"));

        assertThat(draft.getId()).isNull();
        assertThat(draft.getDisplayName()).isEqualTo("Draft");
        assertThat(session.createSelectionQuery("select count(u) from User u", Long.class).getSingleResult())
                .isZero();
    }

    @Test
    void createsDistinctUsersInBulk(Factory<User> users, Session session) {
        List<User> created = users.createList(5);

        assertThat(created).extracting(User::getId).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(created).extracting(User::getEmail).doesNotHaveDuplicates();
        assertThat(session.createSelectionQuery("select count(u) from User u", Long.class).getSingleResult())
                .isEqualTo(5);
    }

    @Test
    void issuesTokensTheApplicationCanRecognise(
            Factory<User> users, RefreshTokenFactory<RefreshToken> tokens) {
        User dave = users.create();
        Instant now = Instant.now();

        IssuedToken<RefreshToken> issued = tokens.create(dave, o -> o.expiresIn(Duration.ofHours(1)));

        RefreshToken token = issued.entity();
        assertThat(token.getId()).isNotNull();
        assertThat(token.belongsTo(dave)).isTrue();
        assertThat(token.getTokenHash()).isEqualTo(TokenHasher.hash(issued.raw()));
        assertThat(token.getExpiresAt()).isBetween(
                now.plus(Duration.ofMinutes(59)), now.plus(Duration.ofMinutes(61)));
        assertThat(token.getExpiresAt().truncatedTo(ChronoUnit.MICROS)).isEqualTo(token.getExpiresAt());
        assertThat(token.isActiveAt(now)).isTrue();
    }

    @Test
    void eachTestStartsWithEmptyTables(Session session) {
        // the rows of the other tests were rolled back
        assertThat(session.createSelectionQuery("select count(t) from RefreshToken t", Long.class)
                .getSingleResult()).isZero();
        assertThat(session.createSelectionQuery("select count(u) from User u", Long.class).getSingleResult())
                .isZero();
    }
}
