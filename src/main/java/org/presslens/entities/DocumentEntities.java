package org.presslens.entities;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Within one document, every mention's name resolved to the name of the entity it refers to, with the rule
 * that linked it and its evidence (provenance).
 *
 * <p>A name is one entity in the document whatever type the tagger gave each of its mentions (label consistency:
 * the tagger calls "Trump" PERSON in one sentence and LOCATION in the next); its type is the majority of its
 * mentions' tags, a title or honorific counting for PERSON. A one-word name with a gendered honorific ("Mr. Trump",
 * "Mrs. Trump") is kept apart from the same word with the other one. Rules, in order:
 * <ol>
 *   <li>{@code exact}: the cleaned name itself (titles, honorifics and possessives stripped by {@link Names#clean});
 *   <li>{@code alias}: the curated alias map ("U.S." -> "United States");
 *   <li>{@code transliteration}: a spelling variant of a more mentioned name in the document (same
 *       {@link Names#fold}: "Sergey Lavrov" -> "Sergei Lavrov");
 *   <li>{@code initial}: a full name written without the middle initial that another full name in the document has
 *       ("Donald Trump" -> "Donald J. Trump"), when only one initial is used with it ("George Bush" stays apart
 *       when the article names both George W. and George H.W. Bush);
 *   <li>{@code short_form}: a shorter name that is the tail of a longer name in the document ("Lavrov" -> "Sergei
 *       Lavrov"; "Assad" -> "Bashar al-Assad"): of the same type, or a person's name when the shorter one has a
 *       mention tagged PERSON or a title; never to a name of the other gender ("Mr. Trump" does not join "Melania
 *       Trump"); with several, the most mentioned, and none on a tie;
 *   <li>{@code acronym}: an acronym whose letters are the initials of a name in the document ("UN" -> "United
 *       Nations");
 *   <li>{@code edit_distance}: a name mentioned once that is one typo-like edit ({@link #isTypo}) from a
 *       same-type name whose entity is mentioned at least twice ("Lovrov" -> "Lavrov" -> "Sergei Lavrov"); a
 *       consonant for a consonant is another name ("Obama" and "Osama" stay apart), and so is another initial
 *       ("George W. Bush" and "George HW Bush").
 * </ol>
 * A name's gender is what its honorifics and the pronouns after its mentions say (the pronoun cue of a mention is
 * given by the caller; see {@link ExtractMentions#pronouns}).
 */
public final class DocumentEntities {
  /** A mention's resolution: the entity's name and type, how it was linked and on what evidence (null: exact). */
  public record Resolved(String name, String type, String method, String evidence) {}

  /** Tie order of types: a name with as many PERSON as LOCATION tags is a PERSON. */
  private static final List<String> TYPE_ORDER = List.of(NerBackend.PERSON, NerBackend.ORGANIZATION,
      NerBackend.LOCATION, NerBackend.MISC);

  private final Map<String, String> aliases;

  /** {@code aliases}: name key -> canonical name (for example "us" -> "United States"). */
  public DocumentEntities(Map<String, String> aliases) {
    this.aliases = aliases;
  }

  /** One resolution per span, in order, without pronoun cues. */
  public List<Resolved> resolve(List<Spans.Span> spans) {
    return resolve(spans, Collections.nCopies(spans.size(), null));
  }

  /**
   * One resolution per span, in order; {@code pronouns} holds each span's pronoun cue ({@link Names#MAN},
   * {@link Names#WOMAN} or null).
   */
  public List<Resolved> resolve(List<Spans.Span> spans, List<String> pronouns) {
    Map<String, Name> names = new LinkedHashMap<>(); // distinct names in order of first mention
    List<Name> perSpan = new ArrayList<>();
    List<String> methods = new ArrayList<>();
    List<String> evidence = new ArrayList<>();
    for (int i = 0; i < spans.size(); i++) {
      Spans.Span span = spans.get(i);
      String clean = Names.clean(span.surface());
      List<String> honorifics = Names.honorifics(span.surface());
      String gender = Names.gender(honorifics);
      String alias = aliases.get(Names.key(clean));
      boolean aliased = alias != null && !Names.key(alias).equals(Names.key(clean));
      methods.add(aliased ? "alias" : "exact");
      evidence.add(aliased ? "alias of " + clean : null);
      String resolved = alias != null ? alias : clean;
      String key = Names.key(resolved);
      String bucket = key.contains(" ") || gender == null ? key : key + "|" + gender;
      Name name = names.computeIfAbsent(bucket, k -> new Name(key, gender));
      name.display.merge(resolved, 1, Integer::sum);
      name.types.merge(span.type(), 1, Integer::sum);
      if (!honorifics.isEmpty()) {
        name.types.merge(NerBackend.PERSON, 1, Integer::sum);
        name.personEvidence = true;
      }
      name.personEvidence |= span.type().equals(NerBackend.PERSON);
      name.vote(gender);
      name.vote(pronouns.get(i));
      name.count++;
      perSpan.add(name);
    }
    names.values().forEach(Name::decideType);
    names.values().forEach(name -> linkVariant(name, names.values()));
    names.values().stream().filter(name -> name.target == null).forEach(name -> linkInitial(name, names.values()));
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
      boolean linked = name.target != null;
      out.add(new Resolved(root.displayName(), root.type, linked ? name.linkMethod : methods.get(i),
          linked ? name.evidence : evidence.get(i)));
    }
    return out;
  }

  /** Spelling variants in one article ("Sergei Lavrov" and "Sergey Lavrov"): the less mentioned joins the other. */
  private static void linkVariant(Name name, Iterable<Name> all) {
    for (Name other : all) {
      if (other != name && other.target == null && compatible(name, other) && other.fold.equals(name.fold)
          && !other.key.equals(name.key)
          && (other.count > name.count || (other.count == name.count && other.key.compareTo(name.key) < 0))) {
        name.link(other, "transliteration", "spelling variant of '" + other.displayName() + "' in the article");
        return;
      }
    }
  }

  /**
   * A full name without a middle initial joins the one full name of the document that has an initial there
   * ("Donald Trump" -> "Donald J. Trump"); with two different initials ("George W. Bush", "George H.W. Bush") it
   * stays itself.
   */
  private static void linkInitial(Name name, Iterable<Name> all) {
    if (!name.key.contains(" ") || !name.bare.equals(name.key)) {
      return;
    }
    Name found = null;
    for (Name other : all) {
      if (other != name && !other.key.equals(name.key) && other.bare.equals(name.key)) {
        if (found != null && !found.root().key.equals(other.root().key)) {
          return; // two different initials: the article distinguishes two people
        }
        found = other;
      }
    }
    if (found != null && compatible(name, found)) {
      name.link(found.root(), "initial", "'" + found.displayName() + "' without its middle initial in the article");
    }
  }

  private static void linkShortForm(Name name, Iterable<Name> all) {
    Name best = null;
    boolean tie = false;
    for (Name candidate : all) {
      Name other = candidate.root();
      boolean typeFits = other.type.equals(name.type) || (other.type.equals(NerBackend.PERSON) && name.personEvidence);
      if (candidate != name && other != name && typeFits && compatible(name, other)
          && Names.isTailOf(name.tokens, candidate.tokens)) {
        if (best == null || other.count > best.count) {
          best = other;
          tie = false;
        } else if (other.count == best.count && other != best) {
          tie = true;
        }
      }
    }
    if (best != null && !tie) {
      String crossed = best.type.equals(name.type) ? "" : "; tagged " + name.type;
      name.link(best, "short_form",
          "tail of '" + best.displayName() + "' (" + best.type + ", " + best.count + " mentions) in the article"
              + crossed);
    }
  }

  private static void linkAcronym(Name name, Iterable<Name> all) {
    String letters = Names.acronym(name.displayName());
    if (letters == null) {
      return;
    }
    for (Name other : all) {
      if (other != name && other.key.contains(" ") && Names.initials(other.displayName()).equals(letters)) {
        name.link(other, "acronym", "initials of '" + other.displayName() + "' in the article");
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
          && compatible(name, other) && isTypoName(name.key, other.key)
          && (best == null || totals.get(root) > totals.get(best.root()))) {
        best = other;
      }
    }
    if (best != null) {
      name.link(best, "edit_distance", "one edit from '" + best.displayName() + "' ("
          + totals.get(best.root()) + " mentions) in the article");
    }
  }

  /** Names one typo apart: the same words but one, and that one {@link #isTypo} and not an initial. */
  static boolean isTypoName(String a, String b) {
    String[] wa = a.split(" ");
    String[] wb = b.split(" ");
    if (wa.length != wb.length) {
      return false;
    }
    int differing = -1;
    for (int i = 0; i < wa.length; i++) {
      if (!wa[i].equals(wb[i])) {
        if (differing >= 0) {
          return false;
        }
        differing = i;
      }
    }
    return differing >= 0 && Math.min(wa[differing].length(), wb[differing].length()) >= 3
        && isTypo(wa[differing], wb[differing]);
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

  /**
   * Two names that may be one person: not known, in the article, to be of different genders. (Across articles,
   * {@link Entities#honorifics} takes back what the corpus shows to be of the other gender.)
   */
  private static boolean compatible(Name a, Name b) {
    String ga = a.gender();
    String gb = b.root().gender();
    return ga == null || gb == null || ga.equals(gb);
  }

  /** A distinct name of the document. */
  private static final class Name {
    final String key;
    /** The key's {@link Names#fold}, {@link Names#withoutMiddleInitials} and {@link Names#tokens}, computed once:
     * the rules compare every name of the document with every other. */
    final String fold;
    final String bare;
    final List<String> tokens;
    /** The gender its honorific gives a one-word name ("Mr. Trump"), else null. */
    final String honorificGender;
    final Map<String, Integer> display = new HashMap<>();
    final Map<String, Integer> types = new HashMap<>();
    boolean personEvidence;
    int men;
    int women;
    int count;
    String type;
    Name target;
    String linkMethod;
    String evidence;

    Name(String key, String honorificGender) {
      this.key = key;
      this.fold = Names.fold(key);
      this.bare = Names.withoutMiddleInitials(key);
      this.tokens = Names.tokens(key);
      this.honorificGender = key.contains(" ") ? null : honorificGender;
    }

    void vote(String gender) {
      if (Names.MAN.equals(gender)) {
        men++;
      } else if (Names.WOMAN.equals(gender)) {
        women++;
      }
    }

    String gender() {
      if (honorificGender != null) {
        return honorificGender;
      }
      return men > women ? Names.MAN : women > men ? Names.WOMAN : null;
    }

    void decideType() {
      type = TYPE_ORDER.stream().max((a, b) -> {
        int byVotes = Integer.compare(types.getOrDefault(a, 0), types.getOrDefault(b, 0));
        return byVotes != 0 ? byVotes : Integer.compare(TYPE_ORDER.indexOf(b), TYPE_ORDER.indexOf(a));
      }).orElseThrow();
    }

    String displayName() {
      return display.entrySet().stream()
          .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(e -> e.getKey().length()))
          .orElseThrow().getKey();
    }

    void link(Name to, String method, String why) {
      if (to.root() != this && !Objects.equals(to, this)) {
        target = to;
        linkMethod = method;
        evidence = why;
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
