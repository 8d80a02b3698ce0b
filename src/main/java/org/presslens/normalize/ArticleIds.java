package org.presslens.normalize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * Stable article ids: {@code <input>:<source id>} when the source has an id (placeholders such as "empty" or
 * "n/a" are not ids), else {@code <input>:h<hash>} of
 * the outlet, title and cleaned text (before corpus-dependent steps such as boilerplate removal, so the id
 * does not change when the rest of the corpus does).
 */
public final class ArticleIds {
  /** Values that sources write where they have no id; they never identify an article. */
  static final Set<String> PLACEHOLDERS = Set.of("empty", "null", "none", "nil", "n/a", "na", "nan", "-", "?",
      "undefined", "unknown");

  private ArticleIds() {}

  public static String of(String inputName, String sourceId, String outlet, String title, String cleanText) {
    if (sourceId != null && !sourceId.isBlank() && !PLACEHOLDERS.contains(sourceId.strip().toLowerCase(Locale.ROOT))) {
      return inputName + ":" + sourceId.strip();
    }
    return inputName + ":h" + sha256Hex(nz(outlet) + '\u001f' + nz(title) + '\u001f' + nz(cleanText)).substring(0, 16);
  }

  public static String sha256Hex(String value) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
