package io.github.fixturekit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Strings that match a regular expression, for {@code @Pattern} fields, which Instancio leaves to
 * chance. Understands what such patterns are made of: literals and escapes, {@code .}, character
 * classes ({@code [a-z0-9_-]}, {@code [^...]}, {@code \d \w \s} and their negations), groups with
 * alternation ({@code (a|b)}, {@code (?:...)}), the quantifiers {@code ? * + {n} {n,} {n,m}} (lazy
 * and possessive too) and the anchors {@code ^ $}. Anything else (look-arounds, back-references,
 * {@code \p{...}}, inline flags, word boundaries) is refused with {@link Unsupported}, naming it.
 */
final class RegexStrings {

  /** A construct of the pattern that this generator does not understand. */
  static final class Unsupported extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    Unsupported(String construct) {
      super(construct);
    }
  }

  /** Repetitions an open quantifier ({@code * + {n,}}) adds at most beyond its minimum. */
  private static final int OPEN_EXTRA = 8;

  /** Printable ASCII: what {@code .} and negated classes choose from. */
  private static final char FIRST_PRINTABLE = ' ';

  private static final char LAST_PRINTABLE = '~';

  private final String regex;
  private int at;

  private RegexStrings(String regex) {
    this.regex = regex;
  }

  /** The parsed form of {@code regex}, to draw many strings from. */
  static Node parse(String regex) {
    RegexStrings parser = new RegexStrings(regex);
    Node node = parser.alternation();
    if (parser.at < regex.length()) {
      throw new Unsupported("'" + regex.charAt(parser.at) + "' at position " + parser.at);
    }
    return node;
  }

  /** A part of a pattern that can write a matching string. */
  interface Node {
    void write(StringBuilder out, Random random);
  }

  private record Literal(char c) implements Node {
    @Override
    public void write(StringBuilder out, Random random) {
      out.append(c);
    }
  }

  private record CharClass(String chars) implements Node {
    @Override
    public void write(StringBuilder out, Random random) {
      out.append(chars.charAt(random.nextInt(chars.length())));
    }
  }

  private record Sequence(List<Node> parts) implements Node {
    @Override
    public void write(StringBuilder out, Random random) {
      parts.forEach(p -> p.write(out, random));
    }
  }

  private record Choice(List<Node> options) implements Node {
    @Override
    public void write(StringBuilder out, Random random) {
      options.get(random.nextInt(options.size())).write(out, random);
    }
  }

  private record Repeat(Node node, int min, int max) implements Node {
    @Override
    public void write(StringBuilder out, Random random) {
      int times = min + random.nextInt(max - min + 1);
      for (int i = 0; i < times; i++) {
        node.write(out, random);
      }
    }
  }

  private static final Node NOTHING = new Sequence(List.of());

  private Node alternation() {
    List<Node> options = new ArrayList<>();
    options.add(sequence());
    while (at < regex.length() && regex.charAt(at) == '|') {
      at++;
      options.add(sequence());
    }
    return options.size() == 1 ? options.get(0) : new Choice(options);
  }

  private Node sequence() {
    List<Node> parts = new ArrayList<>();
    while (at < regex.length() && regex.charAt(at) != '|' && regex.charAt(at) != ')') {
      Node atom = atom();
      parts.add(quantified(atom));
    }
    return parts.size() == 1 ? parts.get(0) : new Sequence(parts);
  }

  private Node atom() {
    char c = regex.charAt(at++);
    switch (c) {
      case '^', '$':
        return NOTHING;
      case '.':
        return new CharClass(range(FIRST_PRINTABLE, LAST_PRINTABLE));
      case '[':
        return new CharClass(charClass());
      case '(':
        return group();
      case '\\':
        return escape();
      case '*', '+', '?', '{':
        throw new Unsupported(
            "a quantifier '" + c + "' with nothing before it at position " + (at - 1));
      default:
        return new Literal(c);
    }
  }

  private Node group() {
    if (at < regex.length() && regex.charAt(at) == '?') {
      if (regex.startsWith("?:", at)) {
        at += 2;
      } else if (regex.startsWith("?<", at)
          && at + 2 < regex.length()
          && regex.charAt(at + 2) != '='
          && regex.charAt(at + 2) != '!') {
        int end = regex.indexOf('>', at);
        if (end < 0) {
          throw new Unsupported("an unclosed group name at position " + at);
        }
        at = end + 1;
      } else {
        throw new Unsupported(
            "the group '("
                + regex.substring(at, Math.min(regex.length(), at + 2))
                + "' (look-arounds and inline flags)");
      }
    }
    Node inside = alternation();
    if (at >= regex.length() || regex.charAt(at) != ')') {
      throw new Unsupported("an unclosed group");
    }
    at++;
    return inside;
  }

  private Node quantified(Node atom) {
    if (at >= regex.length()) {
      return atom;
    }
    char c = regex.charAt(at);
    int min;
    int max;
    if (c == '?') {
      min = 0;
      max = 1;
      at++;
    } else if (c == '*') {
      min = 0;
      max = OPEN_EXTRA;
      at++;
    } else if (c == '+') {
      min = 1;
      max = 1 + OPEN_EXTRA;
      at++;
    } else if (c == '{' && isBounds()) {
      int end = regex.indexOf('}', at);
      String[] bounds = regex.substring(at + 1, end).split(",", -1);
      min = Integer.parseInt(bounds[0].trim());
      if (bounds.length == 1) {
        max = min;
      } else if (bounds[1].isBlank()) {
        max = min + OPEN_EXTRA;
      } else {
        max = Integer.parseInt(bounds[1].trim());
      }
      at = end + 1;
    } else {
      return atom;
    }
    if (at < regex.length() && (regex.charAt(at) == '?' || regex.charAt(at) == '+')) {
      at++; // lazy or possessive: the same strings match
    }
    return new Repeat(atom, min, max);
  }

  private boolean isBounds() {
    int end = regex.indexOf('}', at);
    return end > at + 1 && regex.substring(at + 1, end).matches("\\s*\\d+\\s*(,\\s*\\d*\\s*)?");
  }

  /** The characters of a class, the opening {@code [} already read. */
  private String charClass() {
    boolean negated = at < regex.length() && regex.charAt(at) == '^';
    if (negated) {
      at++;
    }
    StringBuilder chars = new StringBuilder();
    boolean first = true;
    while (true) {
      if (at >= regex.length()) {
        throw new Unsupported("an unclosed character class");
      }
      char c = regex.charAt(at++);
      if (c == ']' && !first) {
        break;
      }
      first = false;
      if (c == '[') {
        throw new Unsupported("a nested character class (union or intersection)");
      }
      if (c == '&' && at < regex.length() && regex.charAt(at) == '&') {
        throw new Unsupported("a character class intersection '&&'");
      }
      String single;
      if (c == '\\') {
        single = classEscape();
      } else {
        single = String.valueOf(c);
      }
      if (single.length() == 1
          && at + 1 < regex.length()
          && regex.charAt(at) == '-'
          && regex.charAt(at + 1) != ']') {
        at++;
        char to = regex.charAt(at++);
        if (to == '\\') {
          String escaped = classEscape();
          if (escaped.length() != 1) {
            throw new Unsupported("a range that ends in a class escape");
          }
          to = escaped.charAt(0);
        }
        if (to < single.charAt(0)) {
          throw new Unsupported("the reversed range '" + single + "-" + to + "'");
        }
        chars.append(range(single.charAt(0), to));
      } else {
        chars.append(single);
      }
    }
    String set = chars.toString();
    if (!negated) {
      if (set.isEmpty()) {
        throw new Unsupported("an empty character class");
      }
      return set;
    }
    StringBuilder rest = new StringBuilder();
    for (char c = FIRST_PRINTABLE; c <= LAST_PRINTABLE; c++) {
      if (set.indexOf(c) < 0) {
        rest.append(c);
      }
    }
    if (rest.length() == 0) {
      throw new Unsupported("a negated class that excludes every printable character");
    }
    return rest.toString();
  }

  private String classEscape() {
    Node node = escape();
    if (node instanceof Literal literal) {
      return String.valueOf(literal.c());
    }
    return ((CharClass) node).chars();
  }

  private Node escape() {
    if (at >= regex.length()) {
      throw new Unsupported("a trailing backslash");
    }
    char c = regex.charAt(at++);
    switch (c) {
      case 'd':
        return new CharClass(range('0', '9'));
      case 'w':
        return new CharClass(range('a', 'z') + range('A', 'Z') + range('0', '9') + "_");
      case 's':
        return new CharClass(" ");
      case 'D':
        return new CharClass(range('a', 'z') + range('A', 'Z'));
      case 'W':
        return new CharClass("-.@ #+");
      case 'S':
        return new CharClass(range('a', 'z') + range('0', '9'));
      case 't':
        return new Literal('\t');
      case 'n':
        return new Literal('\n');
      case 'r':
        return new Literal('\r');
      case 'Q':
        return quoted();
      default:
        if (Character.isLetterOrDigit(c)) {
          throw new Unsupported("the escape '\\" + c + "'");
        }
        return new Literal(c);
    }
  }

  private Node quoted() {
    int end = regex.indexOf("\\E", at);
    String text = end < 0 ? regex.substring(at) : regex.substring(at, end);
    at = end < 0 ? regex.length() : end + 2;
    List<Node> parts = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      parts.add(new Literal(text.charAt(i)));
    }
    return new Sequence(parts);
  }

  private static String range(char from, char to) {
    StringBuilder chars = new StringBuilder();
    for (char c = from; c <= to; c++) {
      chars.append(c);
    }
    return chars.toString();
  }
}
