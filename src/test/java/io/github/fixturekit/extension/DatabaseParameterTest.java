package io.github.fixturekit.extension;

import static io.github.fixturekit.extension.Scenarios.CAPTURED;
import static io.github.fixturekit.extension.Scenarios.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.database.Database;
import io.github.fixturekit.extension.model.ExNote;
import io.github.fixturekit.extension.model.ExPerson;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.hibernate.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The {@link Database} parameter hands code under test coordinates of its own: a JDBC URL, user and
 * password, and a DataSource, all leading to the entity set's schema.
 */
class DatabaseParameterTest {

  @BeforeEach
  void clear() {
    CAPTURED.clear();
  }

  /** What the session sees: its schema, and the table's identity in the database. */
  record Place(String database, String schema, long tableOid) {}

  static Place placeOfSession(Session session) {
    Object[] row =
        session
            .createNativeQuery(
                "select current_database(), current_schema(), 'ex_people'::regclass::oid::bigint",
                Object[].class)
            .getSingleResult();
    return new Place((String) row[0], (String) row[1], ((Number) row[2]).longValue());
  }

  static Place placeOf(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "select current_database(), current_schema(), 'ex_people'::regclass::oid::bigint")) {
      assertThat(rs.next()).isTrue();
      return new Place(rs.getString(1), rs.getString(2), rs.getLong(3));
    }
  }

  static long countPeople(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("select count(*) from ex_people")) {
      assertThat(rs.next()).isTrue();
      return rs.getLong(1);
    }
  }

  @Scenario
  @FixtureTest(entities = ExPerson.class)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class PlainJdbc {

    @Test
    @Order(1)
    void connectsWithDriverManager(Database database, Factory<ExPerson> people, Session session)
        throws SQLException {
      assertThat(database.jdbcUrl()).startsWith("jdbc:postgresql:").contains("currentSchema=");
      assertThat(database.username()).isNotBlank();
      people.createList(2);
      assertThat(count(session, "ex_people")).isEqualTo(2);
      try (Connection connection =
          DriverManager.getConnection(
              database.jdbcUrl(), database.username(), database.password())) {
        assertThat(countPeople(connection))
            .as("another connection does not see the test's uncommitted rows")
            .isZero();
        Place place = placeOf(connection);
        assertThat(place).as("the same table the session uses").isEqualTo(placeOfSession(session));
        assertThat(place.schema()).startsWith("fixturekit_");
        CAPTURED.put("person only", place);
      }
    }

    @Test
    @Order(2)
    void connectsWithTheDataSource(Database database, Session session) throws SQLException {
      for (int i = 0; i < 3; i++) {
        try (Connection connection = database.dataSource().getConnection()) {
          assertThat(countPeople(connection)).isZero();
          assertThat(placeOf(connection)).isEqualTo(placeOfSession(session));
        }
      }
    }

    @Test
    @Order(3)
    void theDataSourceStillWorksInTheNextTest(Database database) throws SQLException {
      try (Connection connection = database.dataSource().getConnection()) {
        assertThat(countPeople(connection)).isZero();
      }
    }
  }

  @Test
  void databaseCoordinatesLeadToTheEntitySetsSchema() {
    Scenarios.assertAllPassed(PlainJdbc.class, 3);
  }

  @Scenario
  @FixtureTest(entities = {ExPerson.class, ExNote.class})
  static class OtherEntitySet {

    @Test
    void connects(Database database, Session session) throws SQLException {
      try (Connection connection =
          DriverManager.getConnection(
              database.jdbcUrl(), database.username(), database.password())) {
        assertThat(countPeople(connection)).isZero();
        Place place = placeOf(connection);
        assertThat(place).isEqualTo(placeOfSession(session));
        CAPTURED.put("person and note", place);
      }
    }
  }

  @Test
  void anotherEntitySetHasAnotherSchema() {
    Scenarios.assertAllPassed(PlainJdbc.class, 3);
    Scenarios.assertAllPassed(OtherEntitySet.class, 1);
    Place personOnly = (Place) CAPTURED.get("person only");
    Place personAndNote = (Place) CAPTURED.get("person and note");
    assertThat(personAndNote.database()).isEqualTo(personOnly.database());
    assertThat(personAndNote.schema()).isNotEqualTo(personOnly.schema());
    assertThat(personAndNote.tableOid()).isNotEqualTo(personOnly.tableOid());
  }
}
