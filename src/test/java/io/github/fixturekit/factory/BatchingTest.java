package io.github.fixturekit.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import io.github.fixturekit.internal.HibernateVersion;
import java.lang.reflect.Constructor;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.BaseSessionEventListener;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.engine.spi.SessionImplementor;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code createList} inserts in JDBC batches even for identity ids and database-generated columns,
 * and every entity still ends up with its id and generated values, equal to its row.
 */
class BatchingTest {

  /** Counts what Hibernate sends: statements executed one by one, and JDBC batches. */
  @SuppressWarnings("removal") // Hibernate 6.6 has no replacement yet
  static final class Counter extends BaseSessionEventListener {
    private static final long serialVersionUID = 1L;
    long statements;
    long batches;

    static Counter on(Session session) {
      Counter counter = new Counter();
      session.unwrap(SessionImplementor.class).getEventListenerManager().addListener(counter);
      return counter;
    }

    @Override
    public void jdbcExecuteStatementStart() {
      statements++;
    }

    @Override
    public void jdbcExecuteBatchStart() {
      batches++;
    }
  }

  // the entity set of GeneratedColumnTest, so both share one SessionFactory
  @FixtureTest(
      entities = {
        Account.class, Region.class, Invoice.class, InvoiceLine.class, Attachment.class,
        AuditEntry.class, Locker.class, Department.class, Employee.class, Category.class
      })
  @Nested
  class IdentityIdsAndGeneratedColumns {

    @Test
    void createListSendsBatchesNotOneStatementPerRow(Factory<AuditEntry> entries, Session session) {
      assumeTrue(HibernateVersion.batchesInserts(), "inserts are batched on Hibernate 7 only");
      Counter counter = Counter.on(session);

      entries.createList(120);

      // one statement for the ids, three batches of 50, one query for the generated values
      assertThat(counter.batches).isEqualTo(3);
      assertThat(counter.statements).isEqualTo(2);
    }

    @Test
    void everyEntityHasItsIdAndGeneratedValuesEqualToItsRow(
        Factory<AuditEntry> entries, Session session) {
      List<AuditEntry> created = entries.createList(60);

      assertThat(created.stream().map(AuditEntry::getId).collect(Collectors.toSet())).hasSize(60);
      for (AuditEntry entry : List.of(created.get(0), created.get(59))) {
        Instant insertedAt =
            Rows.one(
                session,
                "select inserted_at from fa_audit_entries where id = ?",
                r -> r.getObject(1, OffsetDateTime.class).toInstant(),
                entry.getId());
        assertThat(entry.getInsertedAt()).isEqualTo(insertedAt);
        assertThat(entry.getPriority()).isEqualTo(42);
      }
    }

    @Test
    void readingBackLeavesNothingDirty(Factory<AuditEntry> entries, Session session) {
      entries.createList(10);
      Counter counter = Counter.on(session);

      session.flush();

      assertThat(counter.statements + counter.batches).isZero();
    }

    @Test
    void plainSqlInsertsStillDrawFromTheIdentityColumn(
        Factory<AuditEntry> entries, Session session) {
      Set<Long> ids =
          entries.createList(5).stream().map(AuditEntry::getId).collect(Collectors.toSet());

      Long inserted =
          Rows.number(
              session,
              "insert into fa_audit_entries (action, created_at) values ('by sql', now()) returning id");

      assertThat(inserted).isNotNull().isNotIn(ids);
      assertThat(entries.create().getId()).isNotIn(ids).isNotEqualTo(inserted);
    }

    @Test
    void theApplicationsOwnPersistGetsItsIdAtOnceAndItsValuesAtFlush(Session session)
        throws Exception {
      AuditEntry entry = newAuditEntry("by the application");

      session.persist(entry);
      assertThat(entry.getId()).isNotNull();
      session.flush();

      assertThat(entry.getInsertedAt()).isNotNull();
      assertThat(entry.getPriority()).isEqualTo(42);
    }

    @Test
    void aQueryThatFlushesReadsTheValuesBackToo(Session session) throws Exception {
      AuditEntry entry = newAuditEntry("then a query");
      session.persist(entry);

      Long count =
          session
              .createSelectionQuery("select count(*) from AuditEntry", Long.class)
              .getSingleResult();

      assertThat(count).isPositive();
      assertThat(entry.getPriority()).isEqualTo(42);
    }

    @Test
    void aStatelessSessionGetsTheValuesOfItsInsert(SessionFactory sessionFactory, Session session)
        throws Exception {
      assumeTrue(
          HibernateVersion.batchesInserts(),
          "generated values are read back by fixturekit on Hibernate 7 only");
      AuditEntry entry = newAuditEntry("stateless");
      session.doWork(
          connection -> {
            try (StatelessSession stateless = sessionFactory.openStatelessSession(connection)) {
              stateless.insert(entry);
            }
          });

      assertThat(entry.getId()).isNotNull();
      assertThat(entry.getPriority()).isEqualTo(42);
      assertThat(entry.getInsertedAt()).isNotNull();
    }

    private AuditEntry newAuditEntry(String action) throws ReflectiveOperationException {
      Constructor<AuditEntry> constructor = AuditEntry.class.getDeclaredConstructor();
      constructor.setAccessible(true);
      AuditEntry entry = constructor.newInstance();
      entry.setAction(action);
      return entry;
    }
  }
}
