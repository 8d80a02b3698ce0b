package org.presslens.dedup;

/** Exact similarity of two sorted, distinct shingle sets. */
public record SetSimilarity(int intersection, int leftSize, int rightSize) {

  public static SetSimilarity of(int[] left, int[] right) {
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < left.length && j < right.length) {
      if (left[i] == right[j]) {
        common++;
        i++;
        j++;
      } else if (left[i] < right[j]) {
        i++;
      } else {
        j++;
      }
    }
    return new SetSimilarity(common, left.length, right.length);
  }

  /** The shingles of both sorted sets, sorted. */
  public static int[] shared(int[] left, int[] right) {
    int[] out = new int[Math.min(left.length, right.length)];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < left.length && j < right.length) {
      if (left[i] == right[j]) {
        out[n++] = left[i];
        i++;
        j++;
      } else if (left[i] < right[j]) {
        i++;
      } else {
        j++;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /** |A ∩ B| / |A ∪ B|. */
  public double jaccard() {
    int union = leftSize + rightSize - intersection;
    return union == 0 ? 0 : (double) intersection / union;
  }

  /** |A ∩ B| / min(|A|, |B|): how much of the smaller text is in the larger one. */
  public double containment() {
    int smaller = Math.min(leftSize, rightSize);
    return smaller == 0 ? 0 : (double) intersection / smaller;
  }
}
