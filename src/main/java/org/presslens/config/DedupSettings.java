package org.presslens.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Near-duplicate detection with MinHash LSH. See docs/dedup.md for how to choose these. */
public record DedupSettings(
    @JsonPropertyDescription("Find exact and near duplicates and write the duplicates and duplicate_pairs tables")
    Boolean enabled,
    @JsonPropertyDescription("Shingles: folded (character n-grams of the letters and digits with OCR confusions folded: clean and scanned text alike), word or char (docs/dedup.md)")
    String shingle,
    @JsonPropertyDescription("Shingle length: characters for folded and char shingles, words for word shingles")
    Integer ngram,
    @JsonPropertyDescription("Keep the shingles whose hash is 0 modulo this (a consistent sample; 1 keeps all); 0: 4 for folded, 1 for word and char")
    Integer sampling,
    @JsonPropertyDescription("MinHash signature positions (one-permutation hashing with densification)")
    Integer permutations,
    @JsonPropertyDescription("Seed of the MinHash permutations (same seed, same signatures)")
    Long seed,
    @JsonPropertyDescription("Verified Jaccard similarity at or above which two articles are near duplicates")
    Double threshold,
    @JsonPropertyDescription("Verified containment |A∩B|/min(|A|,|B|) at or above which the shorter article is a (cut or abridged) copy")
    Double containment,
    @JsonPropertyDescription("A lower containment that also makes the shorter article a copy when one of the two texts is scanned (noisy_text) and the Jaccard similarity reaches noisy_min_jaccard")
    Double noisyContainment,
    @JsonPropertyDescription("Jaccard similarity a pair needs for noisy_containment to apply")
    Double noisyMinJaccard,
    @JsonPropertyDescription("Share of a text's words outside the archive's vocabulary from which it counts as scanned: noisy_containment applies only to pairs with such a text")
    Double noisyText,
    @JsonPropertyDescription("The shorter article must have at least this many shingles to count as contained")
    Integer minContainedShingles,
    @JsonPropertyDescription("Shingles carried by at least this many distinct texts of one outlet (and 10x more common there than elsewhere) are its template; two of its articles that share mostly template are compared without it; 0 turns this off")
    Integer templateMinTexts,
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
    shingle = shingle == null ? "folded" : shingle.trim().toLowerCase(java.util.Locale.ROOT);
    ngram = ngram == null ? 7 : ngram;
    sampling = sampling == null ? 0 : sampling;
    permutations = permutations == null ? 256 : permutations;
    seed = seed == null ? 42L : seed;
    threshold = threshold == null ? 0.5 : threshold;
    containment = containment == null ? 0.8 : containment;
    noisyContainment = noisyContainment == null ? 0.67 : noisyContainment;
    noisyMinJaccard = noisyMinJaccard == null ? 0.15 : noisyMinJaccard;
    noisyText = noisyText == null ? 0.08 : noisyText;
    minContainedShingles = minContainedShingles == null ? 50 : minContainedShingles;
    templateMinTexts = templateMinTexts == null ? 10 : templateMinTexts;
    lshThreshold = lshThreshold == null ? 0.15 : lshThreshold;
    bands = bands == null ? 0 : bands;
    rows = rows == null ? 0 : rows;
    falsePositiveWeight = falsePositiveWeight == null ? 0.5 : falsePositiveWeight;
    falseNegativeWeight = falseNegativeWeight == null ? 0.5 : falseNegativeWeight;
    maxShingleShare = maxShingleShare == null ? 0.01 : maxShingleShare;
    shingleSample = shingleSample == null ? 5_000 : shingleSample;
    maxBucketSize = maxBucketSize == null ? 100 : maxBucketSize;
    canonicalOrder = canonicalOrder == null ? "earliest,longest,id" : canonicalOrder.replace(" ", "");
  }

  /** The sampling in effect: {@code sampling}, or the shingle kind's default when it is 0. */
  public int samplingOrDefault() {
    return sampling > 0 ? sampling : shingle.equals("folded") ? 4 : 1;
  }

  public static DedupSettings defaults() {
    return new DedupSettings(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null);
  }
}
