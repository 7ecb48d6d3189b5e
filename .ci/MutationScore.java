import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The mutation score over several PIT reports ({@code mutations.xml}): a mutant that appears in
 * more than one report (the same class, method, line, mutator and instruction) counts once, as
 * detected when any report detected it. Each report ran a part of the suite, so a mutant one of them
 * detected is detected by the whole suite; the score is a lower bound for the whole suite's.
 *
 * <p>Run with {@code java .ci/MutationScore.java target/pit-<part>/mutations.xml ...}.
 */
public final class MutationScore {

  private static final Set<String> DETECTED =
      Set.of("KILLED", "TIMED_OUT", "MEMORY_ERROR", "RUN_ERROR");

  public static void main(String[] args) throws Exception {
    Map<String, Boolean> mutants = new TreeMap<>();
    Map<String, String> classOf = new TreeMap<>();
    for (String report : args) {
      Path path = Path.of(report);
      if (!Files.isRegularFile(path)) {
        System.err.println("no report at " + report);
        System.exit(2);
      }
      NodeList found =
          DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(path.toFile())
              .getElementsByTagName("mutation");
      for (int i = 0; i < found.getLength(); i++) {
        Element mutation = (Element) found.item(i);
        String type = text(mutation, "mutatedClass");
        int nested = type.indexOf('$');
        String key =
            String.join(
                "|",
                type,
                text(mutation, "mutatedMethod"),
                text(mutation, "methodDescription"),
                text(mutation, "lineNumber"),
                text(mutation, "mutator"),
                text(mutation, "indexes"));
        boolean detected = DETECTED.contains(mutation.getAttribute("status"));
        mutants.merge(key, detected, Boolean::logicalOr);
        classOf.put(key, nested < 0 ? type : type.substring(0, nested));
      }
    }
    Map<String, int[]> perClass = new TreeMap<>();
    mutants.forEach(
        (key, detected) -> {
          int[] counts = perClass.computeIfAbsent(classOf.get(key), c -> new int[2]);
          counts[0] += detected ? 1 : 0;
          counts[1]++;
        });
    int detected = 0;
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, int[]> entry : perClass.entrySet()) {
      int[] counts = entry.getValue();
      detected += counts[0];
      lines.add(
          String.format(
              "%-70s %4d of %4d  %3d%%",
              entry.getKey(), counts[0], counts[1], 100 * counts[0] / counts[1]));
    }
    lines.forEach(System.out::println);
    System.out.printf(
        "%-70s %4d of %4d  %.1f%%%n",
        "all " + perClass.size() + " classes",
        detected,
        mutants.size(),
        mutants.isEmpty() ? 0.0 : 100.0 * detected / mutants.size());
  }

  private static String text(Element mutation, String tag) {
    NodeList nodes = mutation.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
  }
}
