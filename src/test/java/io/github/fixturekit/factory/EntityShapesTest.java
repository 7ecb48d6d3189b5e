package io.github.fixturekit.factory;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.factory.shapes.ShapeBooking;
import io.github.fixturekit.factory.shapes.ShapeCoupon;
import io.github.fixturekit.factory.shapes.ShapeKiosk;
import io.github.fixturekit.factory.shapes.ShapeKioskAnnex;
import io.github.fixturekit.factory.shapes.ShapePair;
import io.github.fixturekit.factory.shapes.ShapeShortId;
import io.github.fixturekit.factory.shapes.ShapeTenantNumber;
import java.util.List;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/**
 * Entity shapes beyond the plain generated id: composite keys, inheritance, records, tight columns.
 */
@FixtureTest(
    entities = {
      ShapePair.class,
      ShapeTenantNumber.class,
      ShapeShortId.class,
      ShapeKiosk.class,
      ShapeKioskAnnex.class,
      ShapeBooking.class,
      ShapeCoupon.class
    })
class EntityShapesTest {

  static long count(Session session, String table) {
    return session.createNativeQuery("select count(*) from " + table, Long.class).getSingleResult();
  }

  @Test
  void anEmbeddedIdIsFilledAndTheRowsAreSaved(Factory<ShapePair> pairs, Session session) {
    List<ShapePair> made = pairs.createList(20);

    assertThat(made).extracting(ShapePair::getId).doesNotContainNull().doesNotHaveDuplicates();
    assertThat(count(session, "fs_pairs")).isEqualTo(20);
  }

  @Test
  void everyPartOfAnIdClassKeyIsAssigned(Factory<ShapeTenantNumber> numbers, Session session) {
    List<ShapeTenantNumber> made = numbers.createList(30);

    assertThat(made).extracting(ShapeTenantNumber::getTenant).doesNotContainNull();
    assertThat(made)
        .extracting(ShapeTenantNumber::getNumber)
        .doesNotContainNull()
        .doesNotHaveDuplicates();
    assertThat(count(session, "fs_tenant_numbers")).isEqualTo(30);
  }

  @Test
  void aShortAssignedIdIsUnique(Factory<ShapeShortId> rows, Session session) {
    List<ShapeShortId> made = rows.createList(50);

    assertThat(made).extracting(ShapeShortId::getId).doesNotHaveDuplicates();
    assertThat(count(session, "fs_short_ids")).isEqualTo(50);
  }

  @Test
  void aSubclassHonoursTheUniqueKeyOfItsRootTable(
      Factory<ShapeKioskAnnex> annexes, Session session) {
    List<ShapeKioskAnnex> made = annexes.createList(60);

    assertThat(made).extracting(ShapeKiosk::getCode).doesNotHaveDuplicates();
    assertThat(count(session, "fs_kiosks")).isEqualTo(60);
  }

  @Test
  void aRecordEmbeddableIsSavedAsFilled(Factory<ShapeBooking> bookings, Session session) {
    ShapeBooking booking = bookings.create();

    assertThat(booking.getPeriod()).isNotNull();
    assertThat(booking.getPeriod().startsAt()).isNotNull();
    assertThat(count(session, "fs_bookings")).isEqualTo(1);
  }

  @Test
  void tightUniqueColumnsLastLongBecauseEachCountsOnlyItsOwnValues(
      Factory<ShapeCoupon> coupons, Session session) {
    List<ShapeCoupon> made = coupons.createList(90);

    assertThat(made)
        .extracting(ShapeCoupon::getCode)
        .doesNotHaveDuplicates()
        .allMatch(c -> c.length() <= 3);
    assertThat(made)
        .extracting(ShapeCoupon::getAmount)
        .doesNotHaveDuplicates()
        .allMatch(a -> a.scale() <= 2 && a.precision() <= 5);
    assertThat(count(session, "fs_coupons")).isEqualTo(90);
  }
}
