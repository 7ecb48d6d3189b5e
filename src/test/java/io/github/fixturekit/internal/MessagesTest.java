package io.github.fixturekit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The branches of fixturekit's messages, asked of {@link Messages} directly. The behaviour tests
 * check that each failure carries its message; the messages of a run are also kept (a failed
 * SessionFactory build, a mapping) and shown again to every later test, so only these tests see
 * each branch made afresh.
 */
class MessagesTest {

  @SuppressWarnings("unused")
  static class Owner {
    Long userId;
    String displayName;
  }

  static Field field(String name) {
    return TestFields.field(Owner.class, name);
  }

  @Nested
  class Leaks {

    @Test
    void aLeakOfATestThatRanAloneIsItsOwnWithRowsCounted() {
      Map<String, Long> rows = new LinkedHashMap<>();
      rows.put("s.people", 1L);
      rows.put("s.notes", 3L);

      String message = Messages.leakedRows("T.leaks()", rows, true);

      assertThat(message)
          .startsWith(
              "[T.leaks()] left committed rows behind in Isolation.ROLLBACK: s.people (1 row),"
                  + " s.notes (3 rows).")
          .contains("where the test's rollback cannot reach")
          .endsWith("or set fixturekit.leaks to warn or off");
    }

    @Test
    void aLeakWhileOtherTestsRanIsNobodysInParticular() {
      String message = Messages.leakedRows("T.one()", Map.of("s.people", 2L), false);

      assertThat(message)
          .startsWith(
              "rows were committed outside the tests' transactions in Isolation.ROLLBACK"
                  + " while [T.one()] ran at the same time as other tests of the same entity set:"
                  + " s.people (2 rows).")
          .contains("fails none of them")
          .doesNotContain("left committed rows behind");
    }
  }

  @Nested
  class Tokens {

    @Test
    void aRawTokenIsMaskedToItsFirstFourCharactersWhenLongerThanEight() {
      assertThat(Messages.mask("abcdefgh")).isEqualTo("****");
      assertThat(Messages.mask("abcdefghi")).isEqualTo("abcd****");
      assertThat(Messages.mask("")).isEqualTo("****");
    }

    @Test
    void theFirstCharacterThatIsNotUrlSafeIsNamedByItsIndex() {
      assertThat(Messages.rawTokenNotUrlSafe("ab+c"))
          .startsWith("raw token is not URL-safe: the character at index [2] is not a letter");
      assertThat(Messages.rawTokenNotUrlSafe("/")).contains("at index [0]");
      assertThat(Messages.rawTokenNotUrlSafe("a.b_c~d-e f")).contains("at index [9]");
    }

    @Test
    void aNullOwnerNamesTheOwnerEntityOrElseTheIdColumn() {
      assertThat(Messages.nullTokenOwner(Owner.class, field("userId")))
          .isEqualTo(
              "owner must not be null: pass the Owner that owns the token, for example"
                  + " tokens.create(owners.create())");
      assertThat(Messages.nullTokenOwner(null, field("userId")))
          .isEqualTo(
              "owner must not be null: pass the owner entity, or its id for column 'userId'");
    }

    @Test
    void aMissingOwnerSaysWhetherThereWasNoAssociationOrSeveral() {
      assertThat(Messages.tokenOwnerMissing(Owner.class, List.of()))
          .isEqualTo(
              "owner: no @ManyToOne association and no field named 'user' or 'owner' in [Owner]");
      assertThat(
              Messages.tokenOwnerMissing(
                  Owner.class, List.of(field("userId"), field("displayName"))))
          .isEqualTo(
              "owner: 2 associations [userId, displayName] and none is named 'user' or 'owner'");
    }
  }

  @Nested
  class Factories {

    @Test
    void aFieldFixturekitCannotFillPointsToACustomizerAndTheFactoryToSetItIn() {
      assertThat(Messages.cannotFillField(Owner.class, field("displayName"), ""))
          .contains("[" + Owner.class.getName() + ".displayName] of type [java.lang.String]")
          .contains("factory.create(e -> e.setDisplayName(...))")
          .endsWith("in the defaults of a custom factory (a FixtureFactory)");
      assertThat(Messages.cannotFillField(Owner.class, field("displayName"), "OwnerFactory"))
          .endsWith("in the defaults of [OwnerFactory]");
    }

    @Test
    void namesChangeOnlyTheirFirstLetter() {
      assertThat(Messages.capitalize("displayName")).isEqualTo("DisplayName");
      assertThat(Messages.decapitalize("RefreshToken")).isEqualTo("refreshToken");
      assertThat(Messages.capitalize("")).isEmpty();
      assertThat(Messages.decapitalize("")).isEmpty();
    }
  }
}
