package vn.thanhhoa.opendata.testing;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import vn.thanhhoa.opendata.Main;

/**
 * The pipeline in a child JVM that stops at a checkpoint ({@code -Dpipeline.pauseAt}), so a test
 * can kill it there with SIGKILL: no shutdown hook, no cleanup, as a crash or the OOM killer.
 */
public final class PausedRun {
  private final Process process;
  private final Path log;

  private PausedRun(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code args} with the extra JVM options, logging to {@code log}, and waits for the
   * pause.
   */
  public static PausedRun start(Path log, String pauseAt, List<String> jvmOptions, String... args)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(
            a ->
                a.startsWith("--add-opens")
                    || a.startsWith("-XX:+Ignore")
                    || a.startsWith("-Djdk.reflect")
                    || a.startsWith("-Dfile.encoding")
                    || a.startsWith("-Duser.timezone"))
        .forEach(command::add);
    command.add("-Dpipeline.pauseAt=" + pauseAt);
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    PausedRun run = new PausedRun(builder.start(), log);
    run.awaitPause(pauseAt);
    return run;
  }

  private void awaitPause(String point) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains("PAUSED AT " + point)) {
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError("child ended before " + point + ":\n" + Files.readString(log));
      }
      Thread.sleep(200);
    }
    process.destroyForcibly();
    throw new AssertionError("child never reached " + point + ":\n" + Files.readString(log));
  }

  /** SIGKILL on Linux. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }
}
