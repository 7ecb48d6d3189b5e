package io.github.fixturekit.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.extension.model.ExPerson;
import io.github.fixturekit.model.Member;
import io.github.fixturekit.model.SessionToken;
import io.github.fixturekit.tokens.RefreshTokenFactory;
import java.util.List;
import org.hibernate.Session;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A test that catches an expected database error and goes on writing: PostgreSQL refuses every
 * statement of the aborted transaction, and the factory says why instead of Hibernate's bare
 * "current transaction is aborted". The next test starts on a fresh transaction.
 */
@FixtureTest(entities = {ExPerson.class, Member.class, SessionToken.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AbortedTransactionTest {

  static final String EMAIL = "taken@example.org";

  static void breakTheTransaction(Factory<ExPerson> people) {
    people.create(p -> p.setEmail(EMAIL));
    assertThatThrownBy(() -> people.create(p -> p.setEmail(EMAIL)))
        .as("the expected unique violation")
        .hasMessageContaining("taken@example.org");
  }

  @Test
  @Order(1)
  void aFactoryAfterAnErrorThatAbortedTheTransactionSaysSo(
      Factory<ExPerson> people, Factory<Member> members, RefreshTokenFactory<SessionToken> tokens) {
    Member owner = members.create();
    breakTheTransaction(people);

    for (Runnable write :
        List.<Runnable>of(
            people::create,
            () -> people.createList(3),
            members::create,
            () -> tokens.create(owner))) {
      assertThatThrownBy(write::run)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("an earlier error in this test")
          .hasMessageContaining("aborted the test's transaction")
          .hasMessageContaining("savepoint");
    }
  }

  @Test
  @Order(2)
  void theNextTestWritesAsUsual(Factory<ExPerson> people, Session session) {
    ExPerson person = people.create(p -> p.setEmail(EMAIL));

    assertThat(session.find(ExPerson.class, person.getId())).isSameAs(person);
  }
}
