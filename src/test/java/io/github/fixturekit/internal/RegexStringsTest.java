package io.github.fixturekit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegexStringsTest {

  @Nested
  class CommonPatterns {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "[A-Z]{3}-\\d{4}",
          "^\\+?[0-9]{7,12}$",
          "[a-z0-9]+(?:-[a-z0-9]+)*",
          "(gift|promo|staff)",
          "[^@\\s]+@[^@\\s]+\\.[a-z]{2,}",
          "\\d{5}(-\\d{4})?",
          "[A-Z]{2}\\d{2}[A-Z0-9]{1,30}",
          "#[0-9a-fA-F]{6}",
          "(?<year>\\d{4})-(?<month>0[1-9]|1[0-2])",
          "\\w+\\.\\w+",
          "a.b*c+?d{2,}",
          "[-_a-z]+",
          "[]a]+",
          "\\Q1+1=2\\E!",
          "[\\-\\.]{3}",
          "yes|no|"
        })
    void everyDrawMatches(String regex) {
      RegexStrings.Node node = RegexStrings.parse(regex);
      Pattern pattern = Pattern.compile(regex);
      Random random = new Random(7);
      for (int i = 0; i < 300; i++) {
        StringBuilder out = new StringBuilder();
        node.write(out, random);
        assertThat(out.toString()).matches(pattern);
      }
    }
  }

  @Nested
  class Unsupported {

    @ParameterizedTest
    @ValueSource(strings = {"(?=.*\\d)\\w+", "(?!x)y", "(a)\\1", "\\bword\\b", "\\p{Alpha}+", "(?i)abc", "[a-z&&[^e]]"})
    void isRefusedNamingTheConstruct(String regex) {
      assertThatThrownBy(() -> RegexStrings.parse(regex))
          .isInstanceOf(RegexStrings.Unsupported.class)
          .hasMessageNotContaining("null");
    }
  }
}
