package io.github.fixturekit.extension;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.Isolated;
import io.github.fixturekit.Isolation;
import io.github.fixturekit.ownschema.ExTicket;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A TABLE id generator commits its counter apart from the test's transaction: that is Hibernate's
 * own row, not a leak, and neither rollback nor commit mode may empty it (ids would repeat).
 */
@FixtureTest(entities = ExTicket.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TableGeneratorTest {

  /** Every id handed out in this class: none may come twice. */
  private static final Set<Long> IDS = new HashSet<>();

  @Test
  @Order(1)
  void theGeneratorsCounterIsNotALeak(Factory<ExTicket> tickets, Session session) {
    record(tickets.createList(3), session, 3);
  }

  @Test
  @Order(2)
  @Isolated(Isolation.TRUNCATE)
  void commitModeKeepsTheCounter(Factory<ExTicket> tickets, Session session) {
    record(tickets.createList(60), session, 60);
  }

  @Test
  @Order(3)
  void idsNeverRepeat(Factory<ExTicket> tickets, Session session) {
    record(tickets.createList(120), session, 120);
  }

  private static void record(List<ExTicket> created, Session session, int expected) {
    assertThat(session.createQuery("select count(t) from ExTicket t", Long.class).getSingleResult())
        .isEqualTo(expected);
    for (ExTicket ticket : created) {
      assertThat(ticket.getId()).isPositive();
      assertThat(IDS.add(ticket.getId())).as("id %s handed out twice", ticket.getId()).isTrue();
    }
  }
}
