package org.presslens.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Near-duplicate detection with MinHash LSH. See docs/dedup.md for how to choose these. */
public record DedupSettings(
    @JsonPropertyDescription("Find exact and near duplicates and write the duplicates and duplicate_pairs tables")
    Boolean enabled,
    @JsonPropertyDescription("Shingles: word (word n-grams, for clean modern text) or char (character n-grams, for OCR text)")
    String shingle,
    @JsonPropertyDescription("Shingle length: words for word shingles, characters for char shingles (docs/dedup.md)")
    Integer ngram,
    @JsonPropertyDescription("MinHash signature positions (one-permutation hashing with densification)")
    Integer permutations,
    @JsonPropertyDescription("Seed of the MinHash permutations (same seed, same signatures)")
    Long seed,
    @JsonPropertyDescription("Verified Jaccard similarity at or above which two articles are near duplicates")
    Double threshold,
    @JsonPropertyDescription("Verified containment |A∩B|/min(|A|,|B|) at or above which the shorter article is a (cut or abridged) copy")
    Double containment,
    @JsonPropertyDescription("The shorter article must have at least this many shingles to count as contained")
    Integer minContainedShingles,
    @JsonPropertyDescription("Jaccard similarity the LSH S-curve is centred on to find candidates (below threshold, so that cut copies are found)")
    Double lshThreshold,
    @JsonPropertyDescription("LSH bands; 0 derives bands and rows from lsh_threshold (set both bands and rows, or neither)")
    Integer bands,
    @JsonPropertyDescription("LSH rows per band; 0 derives them with bands")
    Integer rows,
    @JsonPropertyDescription("Weight of the false-positive area when deriving bands and rows")
    Double falsePositiveWeight,
    @JsonPropertyDescription("Weight of the false-negative area when deriving bands and rows")
    Double falseNegativeWeight,
    @JsonPropertyDescription("Shingles found in more than this share of articles (and in at least 10) are left out of signatures")
    Double maxShingleShare,
    @JsonPropertyDescription("Distinct texts sampled to find such frequent shingles")
    Integer shingleSample,
    @JsonPropertyDescription("LSH buckets with more articles than this give only star pairs (each member with the smallest id) instead of all pairs")
    Integer maxBucketSize,
    @JsonPropertyDescription("How the canonical article of a cluster is chosen: comma-separated keys among earliest, longest, id")
    String canonicalOrder) {

  public DedupSettings {
    enabled = enabled == null ? Boolean.TRUE : enabled;
    shingle = shingle == null ? "word" : shingle.trim().toLowerCase(java.util.Locale.ROOT);
    ngram = ngram == null ? 4 : ngram;
    permutations = permutations == null ? 256 : permutations;
    seed = seed == null ? 42L : seed;
    threshold = threshold == null ? 0.5 : threshold;
    containment = containment == null ? 0.8 : containment;
    minContainedShingles = minContainedShingles == null ? 50 : minContainedShingles;
    lshThreshold = lshThreshold == null ? 0.2 : lshThreshold;
    bands = bands == null ? 0 : bands;
    rows = rows == null ? 0 : rows;
    falsePositiveWeight = falsePositiveWeight == null ? 0.5 : falsePositiveWeight;
    falseNegativeWeight = falseNegativeWeight == null ? 0.5 : falseNegativeWeight;
    maxShingleShare = maxShingleShare == null ? 0.01 : maxShingleShare;
    shingleSample = shingleSample == null ? 5_000 : shingleSample;
    maxBucketSize = maxBucketSize == null ? 100 : maxBucketSize;
    canonicalOrder = canonicalOrder == null ? "earliest,longest,id" : canonicalOrder.replace(" ", "");
  }

  public static DedupSettings defaults() {
    return new DedupSettings(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null);
  }
}
