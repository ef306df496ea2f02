package vn.thanhhoa.opendata.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.thanhhoa.opendata.core.ConfigException;
import vn.thanhhoa.opendata.core.Layout;
import vn.thanhhoa.opendata.core.PipelineConfig;
import vn.thanhhoa.opendata.core.Sparks;
import vn.thanhhoa.opendata.core.Store;
import vn.thanhhoa.opendata.publish.ReleaseValidator;
import vn.thanhhoa.opendata.publish.Releases;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check a release as a run does before publishing it: every CKAN package against CKAN's rules "
          + "(schemas/ckan/), the DCAT-AP catalogue against the official 3.0.0 SHACL shapes, every data "
          + "package against the Frictionless profile, every file's size and sha256, row conservation.",
      "Exit 0 when valid; 1 with the problems listed otherwise."
    })
final class ValidateCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Parameters(
      arity = "0..1",
      paramLabel = "RELEASE",
      description = "Release folder or URI (default: the published release).")
  String release;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr());
    PipelineConfig config = common.config();
    Layout layout = new Layout(config.output());
    Store store =
        release != null
            ? Store.at(release, Store.configuration(Sparks.settings(config)))
            : PipelineRun.outputStore(config);
    String target =
        release != null
            ? release
            : new Releases(store, layout)
                .current()
                .orElseThrow(
                    () ->
                        new ConfigException(
                            "--output: no published release under " + layout.root()));
    List<String> problems = new ReleaseValidator(config.schemas()).validate(store, target);
    if (problems.isEmpty()) {
      console.out("valid: " + target);
      return ExitCode.OK.code();
    }
    problems.forEach(p -> console.out("invalid: " + p));
    console.error(target + ": " + problems.size() + " problem(s)");
    return ExitCode.FAILED.code();
  }
}
