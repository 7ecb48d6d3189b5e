package io.github.fixturekit.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.factory.odd.Circle;
import io.github.fixturekit.factory.odd.Colour;
import io.github.fixturekit.factory.odd.Painting;
import io.github.fixturekit.factory.odd.Shape;
import io.github.fixturekit.internal.FactoryRegistry;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/** Entities a factory cannot fill on its own: the message names the class and field and the fix. */
@FixtureTest(entities = {Shape.class, Circle.class, Painting.class})
class BadInputTest {

  @Test
  void abstractEntityIsNamedWithTheWayOut(Session session) {
    assertThatThrownBy(() -> FactoryRegistry.of(session).factory(Shape.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[" + Shape.class.getName() + "]")
        .hasMessageContaining("abstract")
        .hasMessageContaining("FixtureFactory");
  }

  @Test
  void concreteSubclassOfAnAbstractEntityWorks(Factory<Circle> circles, Session session) {
    Circle circle = circles.create();

    assertThat(circle.getLabel()).isNotBlank();
    assertThat(circle.getRadius()).isNotNull();
    assertThat(Rows.count(session, "odd_shapes")).isEqualTo(1L);
  }

  @Test
  void requiredFieldOfAnUnsupportedTypeIsNamedWithTheWayOut(
      Factory<Painting> paintings, Session session) {
    assertThatThrownBy(paintings::create)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[" + Painting.class.getName() + ".colour]")
        .hasMessageContaining(Colour.class.getName())
        .hasMessageContaining("customizer")
        .hasMessageContaining("setColour");
    assertThat(Rows.count(session, "odd_paintings")).isZero();
  }

  @Test
  void settingTheUnsupportedFieldInTheCustomizerIsTheFix(
      Factory<Painting> paintings, Session session) {
    Painting painting = paintings.create(p -> p.setColour(Colour.of("#ff8800")));

    assertThat(painting.getColour().hex()).isEqualTo("#ff8800");
    assertThat(painting.getFrame()).as("optional, and nothing can fill it").isNull();
    assertThat(
            Rows.text(session, "select colour from odd_paintings where id = ?", painting.getId()))
        .isEqualTo("#ff8800");
  }

  @Test
  void buildReportsTheUnsupportedFieldToo(Factory<Painting> paintings) {
    assertThatThrownBy(paintings::build).hasMessageContaining("Painting.colour");
  }
}
