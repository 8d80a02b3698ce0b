package org.presslens.ingest;

/** Cuts reject payloads to the configured size, marking the cut. */
public final class Payloads {
  public static final String CUT_MARK = "…[truncated]";

  private Payloads() {}

  public static String cut(String payload, int maxChars) {
    if (payload == null || payload.length() <= maxChars) {
      return payload;
    }
    return payload.substring(0, maxChars) + CUT_MARK;
  }
}
