package io.github.fixturekit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.lang.reflect.Field;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Table-level unique keys, asked of {@link TableConstraints} directly: one field per key, the first
 * that fixturekit can count, found by column name in any case and spelling.
 */
class TableConstraintsTest {

  static List<String> chosen(Class<?> type) {
    return TableConstraints.oneFieldPerUniqueKey(type, EntityFields.persistentFields(type)).stream()
        .map(Field::getName)
        .toList();
  }

  @Entity
  @Table(
      name = "bookings",
      uniqueConstraints = {
        @UniqueConstraint(columnNames = {"day", "room_number"}),
        @UniqueConstraint(columnNames = {"\"GUEST_CODE\""})
      })
  static class Booking {
    @Id @GeneratedValue Long id;

    LocalDate day;

    Integer roomNumber;

    @Column(name = "guest_code")
    String guest;

    String note;
  }

  @Test
  void theFirstCountableColumnOfEachKeyFoundByItsColumnName() {
    // day is a date (no sequence): room_number (the snake case of roomNumber) is taken instead;
    // a quoted, upper-case column name finds @Column(name = "guest_code")
    assertThat(chosen(Booking.class)).containsExactly("roomNumber", "guest");
  }

  @Entity
  @Table(
      indexes = {
        @Index(columnList = "slug DESC, tenant", unique = true),
        @Index(columnList = "note")
      })
  static class Page {
    @Id @GeneratedValue Long id;

    String slug;

    String tenant;

    String note;
  }

  @Test
  void aUniqueIndexIsAKeyAndAPlainIndexIsNot() {
    assertThat(chosen(Page.class)).containsExactly("slug");
  }

  @Entity
  @Table(uniqueConstraints = @UniqueConstraint(columnNames = {"id", "kind"}))
  static class OnlyLeftAlone {
    @Id @GeneratedValue Long id;

    LocalDate kind;
  }

  @Test
  void aKeyWithoutACountableFieldFixturekitFillsGivesNone() {
    assertThat(chosen(OnlyLeftAlone.class)).isEmpty();
  }

  @Entity
  @Table(uniqueConstraints = @UniqueConstraint(columnNames = "code"))
  static class Root {
    @Id @GeneratedValue Long id;

    String code;
  }

  @Entity
  @Table(uniqueConstraints = @UniqueConstraint(columnNames = "serial"))
  static class Child extends Root {
    Long serial;
  }

  static class NotAnEntityLevel extends Child {}

  @Test
  void theKeysOfEverySuperclassTableApply() {
    assertThat(chosen(Child.class)).containsExactlyInAnyOrder("serial", "code");
    assertThat(chosen(NotAnEntityLevel.class)).containsExactlyInAnyOrder("serial", "code");
  }

  @Entity
  static class NoTable {
    @Id @GeneratedValue Long id;

    String code;
  }

  @Test
  void anEntityWithoutTableKeysGivesNone() {
    assertThat(chosen(NoTable.class)).isEmpty();
  }
}
