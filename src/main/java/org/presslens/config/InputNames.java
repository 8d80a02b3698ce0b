package org.presslens.config;

import java.util.Locale;

/** Derives a stable input name from a path: the last path element without globs and extensions. */
public final class InputNames {
  private InputNames() {}

  public static String derive(String path) {
    String[] elements = path.replace('\\', '/').split("/");
    for (int i = elements.length - 1; i >= 0; i--) {
      String element = elements[i];
      if (element.isEmpty() || element.equals(".") || element.equals("..") || hasGlob(element)) {
        continue;
      }
      int dot = element.indexOf('.');
      String stem = dot > 0 ? element.substring(0, dot) : element;
      String clean = stem.replaceAll("[^A-Za-z0-9_.-]", "_").toLowerCase(Locale.ROOT);
      if (!clean.isEmpty()) {
        return clean;
      }
    }
    return "input";
  }

  private static boolean hasGlob(String element) {
    return element.contains("*") || element.contains("?") || element.contains("[") || element.contains("{");
  }
}
