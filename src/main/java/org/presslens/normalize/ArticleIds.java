package org.presslens.normalize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable article ids: {@code <input>:<source id>} when the source has an id, else {@code <input>:h<hash>} of
 * the outlet, title and cleaned text (before corpus-dependent steps such as boilerplate removal, so the id
 * does not change when the rest of the corpus does).
 */
public final class ArticleIds {
  private ArticleIds() {}

  public static String of(String inputName, String sourceId, String outlet, String title, String cleanText) {
    if (sourceId != null && !sourceId.isBlank()) {
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
