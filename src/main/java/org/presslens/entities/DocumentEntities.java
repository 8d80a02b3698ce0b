package org.presslens.entities;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Within one document, every mention's name resolved to the name of the entity it refers to, with the rule
 * that linked it (provenance). Rules, in order:
 * <ol>
 *   <li>{@code exact}: the cleaned name itself (titles, honorifics and possessives stripped by {@link Names#clean});
 *   <li>{@code alias}: the curated alias map ("U.S." -> "United States");
 *   <li>{@code transliteration}: a spelling variant of a more mentioned name of the same type in the document
 *       (same {@link Names#fold}: "Sergey Lavrov" -> "Sergei Lavrov");
 *   <li>{@code short_form}: a shorter name that is the tail of exactly one longer name of the same type in the
 *       document ("Lavrov" -> "Sergei Lavrov"; "Assad" -> "Bashar al-Assad"); with several, the most mentioned,
 *       and none on a tie;
 *   <li>{@code acronym}: an acronym whose letters are the initials of a same-type name in the document ("UN" ->
 *       "United Nations");
 *   <li>{@code edit_distance}: a name mentioned once that is one typo-like edit ({@link #isTypo}) from a
 *       same-type name whose entity is mentioned at least twice ("Lovrov" -> "Lavrov" -> "Sergei Lavrov"); a
 *       consonant for a consonant is another name ("Obama" and "Osama" stay apart).
 * </ol>
 */
public final class DocumentEntities {
  /** A mention's resolution: the entity's name and type, how it was linked. */
  public record Resolved(String name, String type, String method) {}

  private final Map<String, String> aliases;

  /** {@code aliases}: name key -> canonical name (for example "us" -> "United States"). */
  public DocumentEntities(Map<String, String> aliases) {
    this.aliases = aliases;
  }

  /** One resolution per span, in order. */
  public List<Resolved> resolve(List<Spans.Span> spans) {
    Map<String, Name> names = new LinkedHashMap<>(); // distinct (type, name) in order of first mention
    List<Name> perSpan = new ArrayList<>();
    List<String> methods = new ArrayList<>();
    for (Spans.Span span : spans) {
      String clean = Names.clean(span.surface());
      String alias = aliases.get(Names.key(clean));
      methods.add(alias != null && !Names.key(alias).equals(Names.key(clean)) ? "alias" : "exact");
      String resolved = alias != null ? alias : clean;
      Name name = names.computeIfAbsent(span.type() + "|" + Names.key(resolved), k -> new Name(span.type()));
      name.display.merge(resolved, 1, Integer::sum);
      name.count++;
      perSpan.add(name);
    }
    names.values().forEach(name -> name.key = Names.key(name.displayName()));
    names.values().forEach(name -> linkVariant(name, names.values()));
    names.values().stream().filter(name -> name.target == null)
        .forEach(name -> linkShortForm(name, names.values()));
    names.values().stream().filter(name -> name.target == null).forEach(name -> linkAcronym(name, names.values()));
    Map<Name, Integer> totals = new HashMap<>();
    names.values().forEach(name -> totals.merge(name.root(), name.count, Integer::sum));
    names.values().stream().filter(name -> name.target == null)
        .forEach(name -> linkNearMiss(name, names.values(), totals));
    List<Resolved> out = new ArrayList<>(spans.size());
    for (int i = 0; i < spans.size(); i++) {
      Name name = perSpan.get(i);
      Name root = name.root();
      out.add(new Resolved(root.displayName(), root.type, name.target != null ? name.linkMethod : methods.get(i)));
    }
    return out;
  }

  /** Spelling variants in one article ("Sergei Lavrov" and "Sergey Lavrov"): the less mentioned joins the other. */
  private static void linkVariant(Name name, Iterable<Name> all) {
    String fold = Names.fold(name.key);
    for (Name other : all) {
      if (other != name && other.type.equals(name.type) && other.target == null && Names.fold(other.key).equals(fold)
          && (other.count > name.count || (other.count == name.count && other.key.compareTo(name.key) < 0))) {
        name.link(other, "transliteration");
        return;
      }
    }
  }

  private static void linkShortForm(Name name, Iterable<Name> all) {
    Name best = null;
    boolean tie = false;
    for (Name candidate : all) {
      Name other = candidate.root();
      if (candidate != name && other != name && other.type.equals(name.type) && Names.isTailOf(name.key, candidate.key)) {
        if (best == null || other.count > best.count) {
          best = other;
          tie = false;
        } else if (other.count == best.count && other != best) {
          tie = true;
        }
      }
    }
    if (best != null && !tie) {
      name.link(best, "short_form");
    }
  }

  private static void linkAcronym(Name name, Iterable<Name> all) {
    String letters = Names.acronym(name.displayName());
    if (letters == null) {
      return;
    }
    for (Name other : all) {
      if (other != name && other.type.equals(name.type) && other.key.contains(" ")
          && Names.initials(other.displayName()).equals(letters)) {
        name.link(other, "acronym");
        return;
      }
    }
  }

  private static void linkNearMiss(Name name, Iterable<Name> all, Map<Name, Integer> totals) {
    if (name.count != 1 || name.key.length() < 5) {
      return;
    }
    Name best = null;
    for (Name other : all) {
      Name root = other.root();
      if (other != name && root != name && other.type.equals(name.type) && totals.get(root) >= 2
          && isTypo(name.key, other.key) && (best == null || totals.get(root) > totals.get(best.root()))) {
        best = other;
      }
    }
    if (best != null) {
      name.link(best, "edit_distance");
    }
  }

  /**
   * One edit that reads as a typo or a transliteration, not as another name: a swap of two neighbours, a letter
   * more or less (names of 6+ letters), or one vowel for another ("Lovrov"/"Lavrov"). A consonant for another
   * is a different name ("Obama"/"Osama").
   */
  static boolean isTypo(String a, String b) {
    if (Names.distance(a, b, 1) != 1) {
      return false;
    }
    if (a.length() != b.length()) {
      return Math.min(a.length(), b.length()) >= 6;
    }
    int first = -1;
    int differences = 0;
    for (int i = 0; i < a.length(); i++) {
      if (a.charAt(i) != b.charAt(i)) {
        differences++;
        first = first < 0 ? i : first;
      }
    }
    if (differences == 2) {
      return true; // a transposition of neighbours
    }
    return isVowel(a.charAt(first)) && isVowel(b.charAt(first));
  }

  private static boolean isVowel(char c) {
    return "aeiouy".indexOf(c) >= 0;
  }

  /** A distinct (type, name) of the document. */
  private static final class Name {
    final String type;
    final Map<String, Integer> display = new HashMap<>();
    int count;
    String key;
    Name target;
    String linkMethod;

    Name(String type) {
      this.type = type;
    }

    String displayName() {
      return display.entrySet().stream()
          .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(e -> e.getKey().length()))
          .orElseThrow().getKey();
    }

    void link(Name to, String method) {
      if (to.root() != this) {
        target = to;
        linkMethod = method;
      }
    }

    Name root() {
      Name n = this;
      for (int hops = 0; n.target != null && hops < 16; hops++) {
        n = n.target;
      }
      return n;
    }
  }
}
