package org.presslens.framing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.presslens.config.ConfigException;

/**
 * The 15 frame dimensions of the Policy Frames Codebook (Boydstun, Card, Gross, Resnik and Smith 2014) and the
 * cue lexicon that scores them: TSV lines {@code frame_id<TAB>cue}, {@code #} comments. The built-in lexicon was
 * written for presslens (docs/framing.md); a job may name its own file.
 */
public final class FrameLexicon {
  /** Frame ids and names, in the codebook's order; {@code other} has no cues (an article with no frame). */
  public static final Map<String, String> FRAMES = frames();
  public static final String OTHER = "other";
  static final String BUILT_IN = "policy-frames.tsv";

  private FrameLexicon() {}

  private static Map<String, String> frames() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("economic", "Economic");
    m.put("capacity_resources", "Capacity and resources");
    m.put("morality", "Morality");
    m.put("fairness_equality", "Fairness and equality");
    m.put("legality", "Legality, constitutionality and jurisprudence");
    m.put("policy", "Policy prescription and evaluation");
    m.put("crime_punishment", "Crime and punishment");
    m.put("security_defense", "Security and defense");
    m.put("health_safety", "Health and safety");
    m.put("quality_of_life", "Quality of life");
    m.put("cultural_identity", "Cultural identity");
    m.put("public_opinion", "Public opinion");
    m.put("political", "Political");
    m.put("external_regulation", "External regulation and reputation");
    m.put(OTHER, "Other");
    return java.util.Collections.unmodifiableMap(m);
  }

  /** The cues per frame from {@code path} (a local file), or the built-in lexicon when it is null. */
  public static Map<String, List<String>> load(String path) {
    if (path == null) {
      try (InputStream in = FrameLexicon.class.getResourceAsStream(BUILT_IN)) {
        if (in == null) {
          throw new IllegalStateException("built-in frame lexicon org/presslens/framing/" + BUILT_IN + " is missing");
        }
        return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), BUILT_IN);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    try (BufferedReader reader = Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8)) {
      return parse(reader, path);
    } catch (IOException e) {
      throw new ConfigException("framing.frames.lexicon cannot be read: " + path + " (" + e.getMessage() + ")", e);
    }
  }

  static Map<String, List<String>> parse(BufferedReader reader, String source) throws IOException {
    Map<String, List<String>> cues = new LinkedHashMap<>();
    int lineNumber = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\t");
      String where = source + " line " + lineNumber;
      if (parts.length != 2 || parts[1].isBlank()) {
        throw new ConfigException(where + ": expected frame_id<TAB>cue: " + line);
      }
      String frame = parts[0].strip();
      if (!FRAMES.containsKey(frame) || frame.equals(OTHER)) {
        throw new ConfigException(where + ": unknown frame id " + frame + " (one of " + FRAMES.keySet()
            + " except other)");
      }
      String cue = parts[1].strip().toLowerCase(java.util.Locale.ROOT);
      if (!cue.matches("[\\p{L}'\\- ]+\\*?")) {
        throw new ConfigException(where + ": a cue is lower-case words with an optional trailing *: " + cue);
      }
      cues.computeIfAbsent(frame, f -> new ArrayList<>()).add(cue);
    }
    if (cues.isEmpty()) {
      throw new ConfigException(source + " has no cues");
    }
    return cues;
  }
}
