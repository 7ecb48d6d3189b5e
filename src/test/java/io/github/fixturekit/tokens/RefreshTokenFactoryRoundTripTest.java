package io.github.fixturekit.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.tokens.model.BareToken;
import io.github.fixturekit.tokens.model.CountedOwner;
import io.github.fixturekit.tokens.model.CountedToken;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * {@code create} talks to the database no more often than the reference fixture: one insert and one
 * select for the refresh, and no select where the row holds nothing but what was inserted. The
 * entity set is used by no other test, so nothing else touches the statistics of its SessionFactory
 * while a count runs.
 */
@FixtureTest(entities = {CountedOwner.class, CountedToken.class, BareToken.class})
class RefreshTokenFactoryRoundTripTest {

  private static final long SEED_STATEMENTS = 2;

  private static long preparedStatements(Session session, String label, Supplier<?> action) {
    Statistics statistics = session.getSessionFactory().getStatistics();
    boolean wasEnabled = statistics.isStatisticsEnabled();
    statistics.setStatisticsEnabled(true);
    try {
      statistics.clear();
      var unused = action.get();
      long prepared = statistics.getPrepareStatementCount();
      System.out.println(
          "fixturekit RefreshTokenFactory.create ["
              + label
              + "]: "
              + prepared
              + " prepared statement(s), "
              + statistics.getEntityInsertCount()
              + " insert(s); the reference fixture needs "
              + SEED_STATEMENTS);
      assertThat(statistics.getEntityInsertCount()).as("inserts [%s]", label).isEqualTo(1);
      return prepared;
    } finally {
      statistics.setStatisticsEnabled(wasEnabled);
    }
  }

  @Test
  void createIssuesNoMoreStatementsThanTheSeed(
      Factory<CountedOwner> owners, RefreshTokenFactory<CountedToken> tokens, Session session) {
    CountedOwner owner = owners.create();

    long prepared = preparedStatements(session, "managed owner", () -> tokens.create(owner));

    assertThat(prepared).isBetween(1L, SEED_STATEMENTS);
  }

  @Test
  void createWithOptionsIssuesNoMoreStatementsThanTheSeed(
      Factory<CountedOwner> owners, RefreshTokenFactory<CountedToken> tokens, Session session) {
    CountedOwner owner = owners.create();

    long prepared =
        preparedStatements(
            session,
            "options",
            () -> tokens.create(owner, o -> o.expiresIn(Duration.ofHours(1)).revoked(true)));

    assertThat(prepared).isBetween(1L, SEED_STATEMENTS);
  }

  @Test
  void createReadsTheRowBackLikeTheSeedDoes(
      Factory<CountedOwner> owners, RefreshTokenFactory<CountedToken> tokens, Session session) {
    CountedToken token = tokens.create(owners.create()).entity();

    Instant transactionStart =
        session
            .createNativeQuery("select now()", OffsetDateTime.class)
            .getSingleResult()
            .toInstant();
    assertThat(token.getIssuedAt())
        .as("a value only the database sets, present after the refresh")
        .isEqualTo(transactionStart);
  }

  @Test
  void createReadsNothingBackWhenTheDatabaseFillsNoColumn(
      Factory<CountedOwner> owners, RefreshTokenFactory<BareToken> tokens, Session session) {
    CountedOwner owner = owners.create();
    tokens.create(owner); // draws a block of ids ahead

    BareToken[] made = new BareToken[1];
    long prepared =
        preparedStatements(
            session, "nothing to read back", () -> made[0] = tokens.create(owner).entity());

    assertThat(prepared).as("the insert alone").isEqualTo(1);
    BareToken token = made[0];
    String hash =
        session
            .createNativeQuery("select token_hash from tk_bare_tokens where id = :id", String.class)
            .setParameter("id", token.getId())
            .getSingleResult();
    OffsetDateTime expiresAt =
        session
            .createNativeQuery(
                "select expires_at from tk_bare_tokens where id = :id", OffsetDateTime.class)
            .setParameter("id", token.getId())
            .getSingleResult();
    assertThat(hash).as("the row's hash").isEqualTo(token.getTokenHash());
    assertThat(expiresAt.toInstant()).as("the row's expiry").isEqualTo(token.getExpiresAt());
  }

  /**
   * A detached owner (or one from another session) costs one select more than a managed one:
   * fixturekit checks that its row exists in this test, so an owner whose rows were rolled back
   * with an earlier test gets a clear error instead of a foreign-key violation at the insert.
   */
  @Test
  void createForADetachedOwnerChecksItsRowOnce(
      Factory<CountedOwner> owners, RefreshTokenFactory<CountedToken> tokens, Session session) {
    CountedOwner owner = owners.create();
    session.clear();

    long prepared = preparedStatements(session, "detached owner", () -> tokens.create(owner));

    assertThat(prepared).isEqualTo(SEED_STATEMENTS + 1);
  }
}
