package io.github.fixturekit.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.factory.model.Account;
import io.github.fixturekit.factory.model.Attachment;
import io.github.fixturekit.factory.model.AuditEntry;
import io.github.fixturekit.factory.model.Category;
import io.github.fixturekit.factory.model.Department;
import io.github.fixturekit.factory.model.Employee;
import io.github.fixturekit.factory.model.Invoice;
import io.github.fixturekit.factory.model.InvoiceLine;
import io.github.fixturekit.factory.model.Locker;
import io.github.fixturekit.factory.model.Region;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code Factory.of(entityManager, type)}: factories on an EntityManager fixturekit did not open,
 * in that EntityManager's own transaction.
 */
@FixtureTest(
    entities = {
      Account.class, Region.class, Invoice.class, InvoiceLine.class, Attachment.class,
      AuditEntry.class, Locker.class, Department.class, Employee.class, Category.class
    })
class FactoryOfEntityManagerTest {

  @Nested
  class OnAnEntityManagerOfItsOwn {

    @Test
    void aClosedSessionIsNamedWithTheWayOut(SessionFactory sessionFactory) {
      Session own = sessionFactory.openSession();
      Factory<Invoice> invoices = Factory.of(own, Invoice.class);
      own.close();

      assertThatThrownBy(invoices::create)
          .isExactlyInstanceOf(IllegalStateException.class)
          .hasMessage(
              "the Session or EntityManager this factory was made with is closed: make the factory"
                  + " again with the session in use, or close the session only after the factory's last call");
    }

    @Test
    void createsRowsInThatTransactionAndTheyGoWithItsRollback(SessionFactory sessionFactory) {
      Long id;
      try (Session own = sessionFactory.openSession()) {
        own.beginTransaction();
        Factory<Invoice> invoices = Factory.of(own, Invoice.class);

        Invoice invoice = invoices.create();
        List<Invoice> more = invoices.createList(3);

        id = invoice.getId();
        assertThat(own.contains(invoice)).isTrue();
        assertThat(more).allSatisfy(i -> assertThat(own.contains(i)).isTrue());
        assertThat(count(own, "select count(*) from Invoice")).isEqualTo(4);
        own.getTransaction().rollback();
      }
      try (Session after = sessionFactory.openSession()) {
        assertThat(after.find(Invoice.class, id)).isNull();
        assertThat(count(after, "select count(*) from Invoice")).isZero();
      }
    }

    @Test
    void buildsInMemoryWithoutTouchingTheSession(SessionFactory sessionFactory) {
      try (Session own = sessionFactory.openSession()) {
        Account account = Factory.of(own, Account.class).build();

        assertThat(account).isNotNull();
        assertThat(own.contains(account)).isFalse();
      }
    }
  }

  @Nested
  class BadInput {

    @Test
    void aClassThatIsNoEntityOfThePersistenceUnitIsNamed(Session session) {
      assertThatThrownBy(() -> Factory.of(session, String.class))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(
              "[java.lang.String] is not an entity of this EntityManager's persistence unit");
    }

    @Test
    void nullsAreRefusedByName(Session session) {
      assertThatThrownBy(() -> Factory.of(null, Account.class)).hasMessage("entityManager");
      assertThatThrownBy(() -> Factory.of(session, null)).hasMessage("type");
    }
  }

  private static long count(Session session, String hql) {
    return session.createSelectionQuery(hql, Long.class).getSingleResult();
  }
}
