package vn.thanhhoa.opendata.serve;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A test class of requests to one server over the sample release, started once for the class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServedSampleTest {
  @TempDir static Path tmp;
  ServeFixture serve;

  @BeforeAll
  void start() throws Exception {
    serve = new ServeFixture(tmp);
  }

  @AfterAll
  void stop() {
    serve.close();
  }
}
