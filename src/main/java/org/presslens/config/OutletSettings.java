package org.presslens.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;

/** Outlet name normalisation. */
public record OutletSettings(
    @JsonPropertyDescription("Map of outlet name variants to one canonical outlet, e.g. {\"Fox News (Online)\": \"Fox News\"}; matched case-insensitively")
    Map<String, String> aliases) {

  public OutletSettings {
    aliases = aliases == null ? Map.of() : Map.copyOf(aliases);
  }
}
