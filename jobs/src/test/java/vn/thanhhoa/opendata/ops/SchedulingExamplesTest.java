package vn.thanhhoa.opendata.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduling examples in ops/ are at least syntactically right and call the real entry points.
 */
class SchedulingExamplesTest {
  @TempDir Path tmp;

  private static String run(Path dir, String... command) throws Exception {
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + out);
    return out;
  }

  @Test
  void theCronLineIsValid() throws Exception {
    List<String> jobs = new ArrayList<>();
    for (String line : Files.readAllLines(Paths.get("ops/cron/thanhhoa-pipeline"))) {
      if (line.startsWith("CRON_TZ=")) {
        ZoneId.of(line.substring(8));
      } else if (!line.isBlank() && !line.startsWith("#") && !line.contains("=")) {
        jobs.add(line);
      }
    }
    assertEquals(1, jobs.size());
    String[] f = jobs.get(0).split("\\s+", 7);
    int[][] ranges = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 7}};
    for (int i = 0; i < 5; i++) {
      for (String part : f[i].split(",")) {
        if (!part.equals("*")) {
          int v = Integer.parseInt(part.replaceAll("^\\*/", ""));
          assertTrue(
              v >= ranges[i][0] && v <= ranges[i][1], "field " + i + " out of range: " + part);
        }
      }
    }
    assertTrue(f[5].matches("[a-z_][a-z0-9_-]*"), "a user name in /etc/cron.d format");
    assertTrue(f[6].contains("./pipeline nightly"), f[6]);
  }

  @Test
  void theSystemdUnitsVerify() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(Paths.get("/usr/bin/systemd-analyze")),
        "SKIPPED: systemd-analyze is not installed here");
    Path launcher = Paths.get("pipeline").toAbsolutePath();
    for (String unit : List.of("thanhhoa-pipeline.service", "thanhhoa-pipeline.timer")) {
      String text =
          Files.readString(Paths.get("ops/systemd", unit))
              .replace("/opt/thanhhoa-pipeline/pipeline", launcher.toString())
              .replace("/opt/thanhhoa-pipeline", launcher.getParent().toString())
              .replace("User=opendata", "User=root")
              .replace("Group=opendata", "Group=root");
      Files.writeString(tmp.resolve(unit), text);
    }
    String out =
        run(
            tmp,
            "systemd-analyze",
            "verify",
            tmp.resolve("thanhhoa-pipeline.timer").toString(),
            tmp.resolve("thanhhoa-pipeline.service").toString());
    assertEquals("", out.strip(), "systemd-analyze verify reports nothing");
    String calendar =
        Files.readAllLines(Paths.get("ops/systemd/thanhhoa-pipeline.timer")).stream()
            .filter(l -> l.startsWith("OnCalendar="))
            .findFirst()
            .orElseThrow()
            .substring(11);
    assertTrue(run(tmp, "systemd-analyze", "calendar", calendar).contains("Next elapse"));
  }

  @Test
  void theAirflowDagCompilesAndSubmitsTheNightlyRun() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(Paths.get("/usr/bin/python3"))
            || Files.isExecutable(Paths.get("/usr/local/bin/python3")),
        "SKIPPED: no python3 to check the DAG's syntax");
    Path dag = Paths.get("ops/airflow/thanhhoa_pipeline_dag.py").toAbsolutePath();
    run(
        tmp,
        "python3",
        "-c",
        "import ast,sys; ast.parse(open(sys.argv[1]).read())",
        dag.toString());
    String text = Files.readString(dag);
    assertTrue(
        text.contains("SparkSubmitOperator(")
            && text.contains("java_class=\"vn.thanhhoa.opendata.Main\"")
            && text.contains("\"nightly\"")
            && text.contains("pipeline-cluster.jar"));
  }
}
