package org.presslens;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The build's version, from the Maven-filtered presslens.properties. */
final class Version {
  static final String PRESSLENS = load();

  private Version() {}

  private static String load() {
    Properties properties = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("/presslens.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return properties.getProperty("version", "unknown");
  }
}
