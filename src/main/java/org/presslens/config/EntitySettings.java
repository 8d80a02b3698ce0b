package org.presslens.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.LinkedHashMap;
import java.util.Map;

/** Named entities: recognition on canonical articles, name resolution. */
public record EntitySettings(
    @JsonPropertyDescription("Extract named entities (entity_mentions and entities tables); needs dedup for canonical articles, else every article is used")
    Boolean enabled,
    @JsonPropertyDescription("Curated aliases, name -> canonical name, matched by name key (case, accents and dots ignored); replaces the built-in country list when set")
    Map<String, String> aliases) {

  /** Common forms of countries and unions of them, as news writes them. */
  public static final Map<String, String> COUNTRY_ALIASES = countries();

  public EntitySettings {
    enabled = enabled == null ? Boolean.TRUE : enabled;
    aliases = aliases == null ? COUNTRY_ALIASES
        : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(aliases));
  }

  private static Map<String, String> countries() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String form : new String[] {"U.S.", "US", "USA", "U.S.A.", "United States", "United States of America",
        "America"}) {
      m.put(form, "United States");
    }
    for (String form : new String[] {"U.K.", "UK", "Britain", "Great Britain", "United Kingdom"}) {
      m.put(form, "United Kingdom");
    }
    for (String form : new String[] {"Russian Federation", "Russia"}) {
      m.put(form, "Russia");
    }
    for (String form : new String[] {"E.U.", "EU", "European Union"}) {
      m.put(form, "European Union");
    }
    for (String form : new String[] {"UAE", "U.A.E.", "United Arab Emirates"}) {
      m.put(form, "United Arab Emirates");
    }
    for (String form : new String[] {"PRC", "People's Republic of China", "China"}) {
      m.put(form, "China");
    }
    for (String form : new String[] {"DPRK", "North Korea"}) {
      m.put(form, "North Korea");
    }
    for (String form : new String[] {"South Korea", "Republic of Korea", "ROK"}) {
      m.put(form, "South Korea");
    }
    for (String form : new String[] {"Syrian Arab Republic", "Syria"}) {
      m.put(form, "Syria");
    }
    return java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(m));
  }
}
