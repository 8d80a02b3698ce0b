package org.presslens.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding: invalid input is reported, never silently replaced. Not thread-safe. */
final class Utf8 {
  private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);

  /** Decodes, or returns null when the bytes are not valid UTF-8. */
  String decodeOrNull(byte[] bytes) {
    try {
      CharBuffer chars = strict.reset().decode(ByteBuffer.wrap(bytes));
      return stripBom(chars.toString());
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Lossy decoding for payloads and error messages of rejected records. */
  static String lenient(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  static String stripBom(String s) {
    return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
  }
}
