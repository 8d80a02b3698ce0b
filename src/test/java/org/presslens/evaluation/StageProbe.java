package org.presslens.evaluation;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Per-stage figures of one in-process run of the job (local mode: the driver is the executor). The job names
 * every Spark job with its stage's job group (JobGroups); a stage's part of the run is from its first job's
 * submission to the next stage's, so the driver's planning between jobs counts too. Within that window:
 * process CPU time and peak heap used (a sampler every 100 ms), the largest heap left after a garbage collection
 * (what the stage really holds live), and, from the stage's tasks, task CPU time, shuffle bytes and records.
 */
final class StageProbe extends SparkListener implements AutoCloseable {
  /** One stage's figures (seconds, bytes); liveHeap is -1 when no collection ran in the stage's window. */
  record Figures(String stage, double wall, double cpu, double taskCpu, long shuffleRead, long shuffleWrite,
      long recordsRead, long recordsWritten, long peakHeap, long liveHeap) {}

  private record Boundary(long time, String stage) {}

  private record Sample(long time, long cpu, long heap) {}

  private static final class Tasks {
    long cpu;
    long shuffleRead;
    long shuffleWrite;
    long recordsRead;
    long recordsWritten;
  }

  private final SparkSession spark;
  private final List<Boundary> boundaries = new ArrayList<>();
  private final Map<Integer, String> stageOfSparkStage = new ConcurrentHashMap<>();
  private final Map<String, Tasks> tasks = new ConcurrentHashMap<>();
  private final List<Sample> samples = new ArrayList<>();
  private final List<long[]> collections = new ArrayList<>(); // {end time, heap used after}
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener gcListener = this::collected;
  private final Thread sampler;
  private final long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
  private final java.util.Set<String> heapPools = new java.util.HashSet<>();
  private volatile boolean running = true;

  StageProbe(SparkSession spark) {
    this.spark = spark;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heapPools.add(pool.getName());
      }
    }
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(gcListener, null, null);
        emitters.add(emitter);
      }
    }
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    sampler = new Thread(() -> {
      while (running) {
        Sample s = new Sample(System.currentTimeMillis(), os.getProcessCpuTime(),
            ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        synchronized (samples) {
          samples.add(s);
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "stage-probe-sampler");
    sampler.setDaemon(true);
    sampler.start();
    spark.sparkContext().addSparkListener(this);
  }

  @Override
  public void onJobStart(SparkListenerJobStart job) {
    String group = job.properties() == null ? null : job.properties().getProperty("spark.jobGroup.id");
    String description = job.properties() == null ? "" : job.properties().getProperty("spark.job.description", "");
    String stage;
    synchronized (boundaries) {
      if (!description.startsWith("presslens ") && !boundaries.isEmpty()) {
        // a job Spark names itself (file listing) belongs to the stage that started it
        stage = boundaries.get(boundaries.size() - 1).stage();
      } else if (group == null) {
        stage = "other";
      } else if (group.equals("presslens-output")) {
        // one job group for every write: the description says which tables
        stage = "output: " + description.replaceFirst("^presslens output: ", "");
      } else {
        stage = group.replaceFirst("^presslens-", "");
      }
    }
    for (Object id : CollectionConverters.asJava(job.stageIds())) {
      stageOfSparkStage.put((Integer) id, stage);
    }
    synchronized (boundaries) {
      if (boundaries.isEmpty() || !boundaries.get(boundaries.size() - 1).stage().equals(stage)) {
        boundaries.add(new Boundary(job.time(), stage));
      }
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    TaskMetrics m = end.taskMetrics();
    if (m == null) {
      return;
    }
    Tasks t = tasks.computeIfAbsent(stageOfSparkStage.getOrDefault(end.stageId(), "other"), k -> new Tasks());
    synchronized (t) {
      t.cpu += m.executorCpuTime() + m.executorDeserializeCpuTime();
      t.shuffleRead += m.shuffleReadMetrics().totalBytesRead();
      t.shuffleWrite += m.shuffleWriteMetrics().bytesWritten();
      t.recordsRead += m.inputMetrics().recordsRead() + m.shuffleReadMetrics().recordsRead();
      t.recordsWritten += m.outputMetrics().recordsWritten();
    }
  }

  private void collected(javax.management.Notification n, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
    long after = 0;
    for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      if (heapPools.contains(pool.getKey())) {
        after += pool.getValue().getUsed();
      }
    }
    synchronized (collections) {
      collections.add(new long[] {jvmStart + info.getGcInfo().getEndTime(), after});
    }
  }

  /** The figures of every stage whose first job ran between {@code from} and {@code to} (epoch millis). */
  List<Figures> figures(long from, long to) {
    drain();
    List<Boundary> windows;
    synchronized (boundaries) {
      windows = boundaries.stream().filter(b -> b.time() >= from && b.time() <= to).toList();
    }
    Map<String, double[]> sums = new LinkedHashMap<>(); // wall, cpu, peak, live
    for (int i = 0; i < windows.size(); i++) {
      long start = windows.get(i).time();
      long end = i + 1 < windows.size() ? windows.get(i + 1).time() : to;
      double[] s = sums.computeIfAbsent(windows.get(i).stage(), k -> new double[] {0, 0, 0, -1});
      s[0] += (end - start) / 1000.0;
      s[1] += (cpuAt(end) - cpuAt(start)) / 1e9;
      s[2] = Math.max(s[2], peakHeap(start, end));
      s[3] = Math.max(s[3], liveHeap(start, end));
    }
    List<Figures> out = new ArrayList<>();
    sums.forEach((stage, s) -> {
      Tasks t = tasks.getOrDefault(stage, new Tasks());
      out.add(new Figures(stage, s[0], s[1], t.cpu / 1e9, t.shuffleRead, t.shuffleWrite, t.recordsRead,
          t.recordsWritten, (long) s[2], (long) s[3]));
    });
    return out;
  }

  /** Each stage's windows between {@code from} and {@code to}: stage, start and end (epoch millis), in order. */
  List<String> windows(long from, long to) {
    List<Boundary> windows;
    synchronized (boundaries) {
      windows = boundaries.stream().filter(b -> b.time() >= from && b.time() <= to).toList();
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < windows.size(); i++) {
      out.add(windows.get(i).stage() + "\t" + windows.get(i).time() + "\t"
          + (i + 1 < windows.size() ? windows.get(i + 1).time() : to));
    }
    return out;
  }

  /** Forgets the task totals (between runs: the next run's stages have the same names). */
  void reset() {
    drain();
    tasks.clear();
  }

  /** Waits until the listener has seen every event posted so far. */
  private void drain() {
    try {
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Spark's listener bus did not drain", e);
    }
  }

  private long cpuAt(long time) {
    synchronized (samples) {
      Sample best = null;
      for (Sample s : samples) {
        if (best == null || Math.abs(s.time() - time) < Math.abs(best.time() - time)) {
          best = s;
        }
      }
      return best == null ? 0 : best.cpu();
    }
  }

  private long peakHeap(long start, long end) {
    synchronized (samples) {
      return samples.stream().filter(s -> s.time() >= start && s.time() <= end).mapToLong(Sample::heap).max()
          .orElse(0);
    }
  }

  private long liveHeap(long start, long end) {
    synchronized (collections) {
      return collections.stream().filter(c -> c[0] >= start && c[0] <= end).mapToLong(c -> c[1]).max().orElse(-1);
    }
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
    spark.sparkContext().removeSparkListener(this);
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(gcListener);
      } catch (javax.management.ListenerNotFoundException e) {
        // already gone
      }
    }
  }
}
