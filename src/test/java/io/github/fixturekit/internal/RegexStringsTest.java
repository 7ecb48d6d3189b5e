package io.github.fixturekit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

  /** What many draws of one pattern give: every character and every length it allows, no other. */
  @Nested
  class EverythingAllowedIsDrawn {

    private static final String PRINTABLE =
        IntStream.rangeClosed(' ', '~')
            .mapToObj(c -> String.valueOf((char) c))
            .collect(Collectors.joining());

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = ';',
        quoteCharacter = '`',
        value = {
          "[a-c]{2,4}     ; abc              ; 2 ; 4",
          "[a-a]          ; a                ; 1 ; 1",
          "x?             ; x                ; 0 ; 1",
          "x??            ; x                ; 0 ; 1",
          "x*             ; x                ; 0 ; 8",
          "x+             ; x                ; 1 ; 9",
          "x++            ; x                ; 1 ; 9",
          "x{3}           ; x                ; 3 ; 3",
          "x{2,}          ; x                ; 2 ; 10",
          "a|b|c          ; abc              ; 1 ; 1",
          "(?:a|bb)c      ; abc              ; 2 ; 3",
          "(?<name>ab)    ; ab               ; 2 ; 2",
          "^\\d$          ; 0123456789       ; 1 ; 1",
          "\\s            ; ` `              ; 1 ; 1",
          "\\W            ; -.@ #+           ; 1 ; 1",
          "[\\d_]         ; 0123456789_      ; 1 ; 1",
          "[a\\-c]        ; -ac              ; 1 ; 1",
          "[a-]           ; -a               ; 1 ; 1",
          "[]a]           ; ]a               ; 1 ; 1",
          "[a&b]          ; &ab              ; 1 ; 1",
          "[!-\\/]        ; !\"#$%&'()*+,-./ ; 1 ; 1",
          "\\Q.*\\E       ; .*               ; 2 ; 2",
          "\\Q+?          ; +?               ; 2 ; 2",
        })
    void drawsEveryCharacterAndLength(String regex, String chars, int shortest, int longest) {
      assertDraws(
          regex.strip(), chars.strip().isEmpty() ? chars : chars.strip(), shortest, longest);
    }

    @Test
    void aDotIsAnyPrintableCharacter() {
      assertDraws(".", PRINTABLE, 1, 1);
    }

    @Test
    void aNegatedClassIsEveryOtherPrintableCharacter() {
      assertDraws("[^b-y]", PRINTABLE.replaceAll("[b-y]", ""), 1, 1);
      assertDraws("[^ -}]", "~", 1, 1);
    }

    @Test
    void classEscapesAreTheirCharacters() {
      assertDraws("\\w", letters() + digits() + "_", 1, 1);
      assertDraws("\\D", letters(), 1, 1);
      assertDraws("\\S", lower() + digits(), 1, 1);
      assertDraws("\\t\\n\\r\\.", "\t\n\r.", 4, 4);
    }

    private static String lower() {
      return IntStream.rangeClosed('a', 'z')
          .mapToObj(c -> String.valueOf((char) c))
          .collect(Collectors.joining());
    }

    private static String letters() {
      return lower() + lower().toUpperCase(java.util.Locale.ROOT);
    }

    private static String digits() {
      return "0123456789";
    }

    private static void assertDraws(String regex, String chars, int shortest, int longest) {
      RegexStrings.Node node = RegexStrings.parse(regex);
      Pattern pattern = Pattern.compile(regex);
      Random random = new Random(11);
      Set<Character> seen = new TreeSet<>();
      Set<Integer> lengths = new TreeSet<>();
      for (int i = 0; i < 4000; i++) {
        StringBuilder out = new StringBuilder();
        node.write(out, random);
        assertThat(out.toString()).matches(pattern);
        out.chars().forEach(c -> seen.add((char) c));
        lengths.add(out.length());
      }
      assertThat(seen)
          .as("characters of %s", regex)
          .isEqualTo(
              chars.chars().mapToObj(c -> (char) c).collect(Collectors.toCollection(TreeSet::new)));
      assertThat(lengths)
          .as("lengths of %s", regex)
          .isEqualTo(
              IntStream.rangeClosed(shortest, longest)
                  .boxed()
                  .collect(Collectors.toCollection(TreeSet::new)));
    }
  }

  @Nested
  class Unsupported {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '`',
        value = {
          "*a       | a quantifier '*' with nothing before it at position 0",
          "x{}      | a quantifier '{' with nothing before it at position 1",
          "x{a}     | a quantifier '{' with nothing before it at position 1",
          "x{,3}    | a quantifier '{' with nothing before it at position 1",
          "a)       | ')' at position 1",
          "(        | an unclosed group",
          "(a       | an unclosed group",
          "(?<      | the group '(?<' (look-arounds and inline flags)",
          "(?<ab    | an unclosed group name at position 1",
          "[        | an unclosed character class",
          "[a       | an unclosed character class",
          "[a&      | an unclosed character class",
          "[a-      | an unclosed character class",
          "[^       | an unclosed character class",
          "[a[b]]   | a nested character class (union or intersection)",
          "[z-a]    | the reversed range 'z-a'",
          "[a-\\d]  | a range that ends in a class escape",
          "[^ -~]   | a negated class that excludes every printable character",
          "\\       | a trailing backslash",
          "\\k      | the escape '\\k'",
        })
    void isRefusedWithWhatAndWhere(String regex, String message) {
      assertThatThrownBy(() -> RegexStrings.parse(regex))
          .isInstanceOf(RegexStrings.Unsupported.class)
          .hasMessage(message);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "(?=.*\\d)\\w+",
          "(?!x)y",
          "(a)\\1",
          "\\bword\\b",
          "\\p{Alpha}+",
          "(?i)abc",
          "[a-z&&[^e]]"
        })
    void isRefusedNamingTheConstruct(String regex) {
      assertThatThrownBy(() -> RegexStrings.parse(regex))
          .isInstanceOf(RegexStrings.Unsupported.class)
          .hasMessageNotContaining("null");
    }
  }
}
