package org.presslens.entities;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Stanford CoreNLP 4.5.10 (GPL-3.0) with only the CoNLL 4-class CRF model: tokenize, ssplit, ner, with SUTime,
 * the numeric classifiers, fine-grained labels and CoreNLP's own mention building off (spans come from the token
 * tags). A blank line ends a sentence. The model is on the classpath, extracted from the models jar at build time.
 * One pipeline per JVM, shared by all tasks of an executor (the pipeline is thread-safe for annotate).
 */
public final class CoreNlpBackend implements NerBackend {
  static final String MODEL = "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";
  private static volatile StanfordCoreNLP shared;
  private static volatile StanfordCoreNLP splitter;

  private final StanfordCoreNLP pipeline;

  private CoreNlpBackend(StanfordCoreNLP pipeline) {
    this.pipeline = pipeline;
  }

  /** The JVM's backend, loading the model on first use (a few seconds). */
  public static CoreNlpBackend get() {
    StanfordCoreNLP p = shared;
    if (p == null) {
      synchronized (CoreNlpBackend.class) {
        p = shared;
        if (p == null) {
          if (CoreNlpBackend.class.getClassLoader().getResource(MODEL) == null) {
            throw new IllegalStateException("CoreNLP model " + MODEL + " is not on the classpath: build with mvn "
                + "package (it is extracted from the stanford-corenlp models jar at build time)");
          }
          p = new StanfordCoreNLP(properties());
          shared = p;
        }
      }
    }
    return new CoreNlpBackend(p);
  }

  /**
   * Sentences of a text as [begin, end) character offsets, split exactly as the NER pipeline splits them (same
   * tokenizer and splitter settings, no tagging), so sentence numbers agree with entity_mentions.sentence_index.
   */
  public static List<int[]> sentences(String text) {
    StanfordCoreNLP p = splitter;
    if (p == null) {
      synchronized (CoreNlpBackend.class) {
        p = splitter;
        if (p == null) {
          Properties props = properties();
          props.setProperty("annotators", "tokenize,ssplit");
          p = new StanfordCoreNLP(props);
          splitter = p;
        }
      }
    }
    Annotation document = new Annotation(text);
    p.annotate(document);
    List<int[]> out = new ArrayList<>();
    for (CoreMap s : document.get(CoreAnnotations.SentencesAnnotation.class)) {
      out.add(new int[] {s.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class),
          s.get(CoreAnnotations.CharacterOffsetEndAnnotation.class)});
    }
    return out;
  }

  static Properties properties() {
    Properties props = new Properties();
    props.setProperty("annotators", "tokenize,ssplit,ner");
    props.setProperty("tokenize.language", "en");
    props.setProperty("ssplit.newlineIsSentenceBreak", "two");
    props.setProperty("ner.model", MODEL);
    props.setProperty("ner.useSUTime", "false");
    props.setProperty("ner.applyNumericClassifiers", "false");
    props.setProperty("ner.applyFineGrained", "false");
    props.setProperty("ner.buildEntityMentions", "false");
    props.setProperty("ner.combinationMode", "NORMAL");
    return props;
  }

  @Override
  public List<Token> tag(String text) {
    Annotation document = new Annotation(text);
    pipeline.annotate(document);
    List<Token> out = new ArrayList<>();
    int sentence = 0;
    for (CoreMap s : document.get(CoreAnnotations.SentencesAnnotation.class)) {
      for (CoreLabel token : s.get(CoreAnnotations.TokensAnnotation.class)) {
        String tag = token.ner();
        out.add(new Token(token.beginPosition(), token.endPosition(), sentence, tag == null ? OUTSIDE : tag));
      }
      sentence++;
    }
    return out;
  }

  @Override
  public String description() {
    return "Stanford CoreNLP 4.5.10, english.conll.4class.distsim CRF";
  }
}
