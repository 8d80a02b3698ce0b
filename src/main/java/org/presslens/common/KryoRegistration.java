package org.presslens.common;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import org.apache.spark.serializer.KryoRegistrator;

/**
 * Kryo set-up for the job's own classes. Kryo's field serializer cannot rebuild Java records (their fields are
 * final and set only by the canonical constructor), so every record (for example the ingest's file list) goes
 * through Java serialisation, as does {@link HadoopConf} (Kryo would skip its transient Configuration and hand
 * executors a null one: broadcasts are serialised only when they leave the driver's JVM, so only a cluster shows
 * it); the dedup stage's record classes are registered so each record carries a class id.
 */
public final class KryoRegistration implements KryoRegistrator {
  static final String[] CLASSES = {"org.presslens.dedup.Sketch", "org.presslens.dedup.Pair"};

  @Override
  public void registerClasses(Kryo kryo) {
    kryo.addDefaultSerializer(Record.class, new JavaSerializer());
    kryo.register(HadoopConf.class, new JavaSerializer());
    for (String name : CLASSES) {
      try {
        kryo.register(Class.forName(name, true, Thread.currentThread().getContextClassLoader()));
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("presslens class missing from the classpath: " + name, e);
      }
    }
    kryo.register(int[].class);
    kryo.register(long[].class);
  }
}
