package org.presslens.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.Test;
import scala.reflect.ClassTag$;

/** What executors receive: values through Kryo as the job configures it, not the driver's own objects. */
class KryoRegistrationTest {
  private static SerializerInstance kryo() {
    SparkConf conf = new SparkConf(false).set("spark.kryo.registrator", KryoRegistration.class.getName());
    return new KryoSerializer(conf).newInstance();
  }

  private static <T> T roundTrip(T value, Class<T> type) {
    SerializerInstance kryo = kryo();
    ByteBuffer bytes = kryo.serialize(value, ClassTag$.MODULE$.apply(type));
    return kryo.deserialize(bytes, ClassTag$.MODULE$.apply(type));
  }

  @Test
  void aBroadcastHadoopConfigurationKeepsItsSettings() {
    Configuration conf = new Configuration(false);
    conf.set("fs.s3a.endpoint", "http://127.0.0.1:9000");

    HadoopConf received = roundTrip(new HadoopConf(conf), HadoopConf.class);

    assertThat(received.get()).isNotNull();
    assertThat(received.get().get("fs.s3a.endpoint")).isEqualTo("http://127.0.0.1:9000");
  }

  record Example(String name, int count) implements java.io.Serializable {}

  @Test
  void recordsSurviveKryo() {
    assertThat(roundTrip(new Example("a", 3), Example.class)).isEqualTo(new Example("a", 3));
  }
}
