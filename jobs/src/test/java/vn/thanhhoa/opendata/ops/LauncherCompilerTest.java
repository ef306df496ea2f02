package vn.thanhhoa.opendata.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's choice of JIT compiler, with a stand-in for {@code java} that records its options
 * and exits as told: a nightly over a large landing folder starts on the quick compiler and starts
 * again on the optimising one only when the run asks (exit 79).
 */
class LauncherCompilerTest {
  private static final String QUICK = "-XX:TieredStopAtLevel=1";
  private static final String OPTIMISING = "-XX:Tier4InvocationThreshold=";
  private static final String LIMIT = "-Dpipeline.quickCompilerUpTo=";

  @TempDir Path home;

  /** A copy of the launcher beside a jar newer than its sources, so that it builds nothing. */
  @BeforeEach
  void launcherWithAJar() throws Exception {
    Files.copy(Paths.get("pipeline"), home.resolve("pipeline"));
    Files.writeString(home.resolve("pom.xml"), "");
    Files.createDirectories(home.resolve("jobs/src/main"));
    Files.createDirectories(home.resolve("target/lib"));
    Files.createDirectories(home.resolve("bin"));
    Path jar = Files.writeString(home.resolve("target/pipeline.jar"), "");
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
    Path java = home.resolve("bin/java");
    Files.writeString(
        java,
        "#!/usr/bin/env bash\n"
            + "echo \"$*\" >> \"$(dirname \"$0\")/calls\"\n"
            + "[[ \"$*\" == *"
            + LIMIT
            + "* ]] && exit \"${QUICK_EXIT:-0}\"\n"
            + "exit 0\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void aLargeNightlyStartsAgainOnTheOptimisingCompilerOnlyWhenAsked() throws Exception {
    Assertions.assertEquals(0, launch(Map.of("QUICK_EXIT", "79"), "nightly"));
    List<String> calls = calls();
    Assertions.assertEquals(2, calls.size(), calls.toString());
    Assertions.assertTrue(calls.get(0).contains(QUICK) && calls.get(0).contains(LIMIT));
    Assertions.assertTrue(calls.get(1).contains(OPTIMISING) && !calls.get(1).contains(LIMIT));
    Assertions.assertFalse(calls.get(1).contains(QUICK), calls.get(1));
  }

  @Test
  void anyOtherEndOfTheQuickRunIsTheRunsEnd() throws Exception {
    Assertions.assertEquals(0, launch(Map.of(), "nightly"));
    Assertions.assertEquals(1, calls().size());
    Files.delete(home.resolve("bin/calls"));
    Assertions.assertEquals(3, launch(Map.of("QUICK_EXIT", "3"), "nightly"), "a JVM's own 3");
    Assertions.assertEquals(1, calls().size());
  }

  @Test
  void otherCommandsAndGivenOptionsRunOnce() throws Exception {
    Assertions.assertEquals(0, launch(Map.of("QUICK_EXIT", "79"), "ingest"));
    Assertions.assertTrue(calls().get(0).contains(OPTIMISING), calls().toString());
    Files.delete(home.resolve("bin/calls"));
    Map<String, String> given = Map.of("QUICK_EXIT", "79", "PIPELINE_JAVA_OPTS", "-Xmx1g");
    Assertions.assertEquals(0, launch(given, "nightly"));
    Assertions.assertEquals(1, calls().size());
    Assertions.assertFalse(calls().get(0).contains(LIMIT), calls().toString());
  }

  @Test
  void theRunThatWritesTheClassArchiveStartsSparkEvenWithNothingNew() throws Exception {
    Assertions.assertEquals(0, launch(Map.of("PIPELINE_CDS", "on"), "nightly"));
    String call = calls().get(0);
    Assertions.assertTrue(call.contains("-XX:ArchiveClassesAtExit="), call);
    Assertions.assertTrue(call.contains("-Dpipeline.archivingClasses=true"), call);
    Files.delete(home.resolve("bin/calls"));
    Assertions.assertEquals(0, launch(Map.of("PIPELINE_CDS", "on"), "ingest"));
    Assertions.assertFalse(calls().get(0).contains("archivingClasses"), calls().toString());
  }

  /** Runs the launcher over an input it cannot measure (so counted as large). */
  private int launch(Map<String, String> env, String command) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                home.resolve("pipeline").toString(), command, "--input", "s3a://bucket/landing")
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("out").toFile());
    builder.environment().put("PIPELINE_CDS", "off");
    builder.environment().putAll(env);
    builder.environment().put("PATH", home.resolve("bin") + ":" + System.getenv("PATH"));
    Process p = builder.start();
    Assertions.assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return p.exitValue();
  }

  private List<String> calls() throws Exception {
    return Files.readAllLines(home.resolve("bin/calls"));
  }
}
