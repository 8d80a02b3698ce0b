package org.presslens.normalize;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Outlet canonicalisation: a case-folded key (NFKC, trimmed, single spaces, lower case), then the alias map
 * (also matched on keys). The canonical outlet is always a key, so "FOX", "fox " and "Fox" agree.
 */
public final class OutletNames {
  private OutletNames() {}

  public static String key(String raw) {
    if (raw == null) {
      return null;
    }
    String key = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ")
        .toLowerCase(Locale.ROOT);
    return key.isEmpty() ? null : key;
  }

  /** The alias map with both sides keyed, ready for {@link #canonical}. */
  public static Map<String, String> keyedAliases(Map<String, String> aliases) {
    Map<String, String> keyed = new HashMap<>();
    aliases.forEach((from, to) -> keyed.put(key(from), key(to)));
    return keyed;
  }

  public static String canonical(String raw, Map<String, String> keyedAliases) {
    String key = key(raw);
    return key == null ? null : keyedAliases.getOrDefault(key, key);
  }
}
