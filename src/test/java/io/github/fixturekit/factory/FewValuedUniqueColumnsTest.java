package io.github.fixturekit.factory;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.factory.model.Slot;
import java.util.List;
import org.hibernate.Session;
import org.junit.jupiter.api.RepeatedTest;

/**
 * A unique enum or boolean column cannot take random values: two rows would collide at random. Its
 * values are taken in turn, so the first rows of a column always differ.
 */
@FixtureTest(entities = Slot.class)
class FewValuedUniqueColumnsTest {

  @RepeatedTest(5)
  void twoRowsNeverCollide(Factory<Slot> slots, Session session) {
    List<Slot> two = slots.createList(2);

    assertThat(two).extracting(Slot::getStatus).doesNotHaveDuplicates();
    assertThat(two).extracting(Slot::isMain).containsExactlyInAnyOrder(true, false);
    assertThat(
            session
                .createNativeQuery("select count(*) from fa_slots", Long.class)
                .getSingleResult())
        .isEqualTo(2L);
  }
}
