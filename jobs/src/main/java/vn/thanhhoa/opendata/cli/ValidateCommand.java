package vn.thanhhoa.opendata.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import vn.thanhhoa.opendata.core.ConfigException;
import vn.thanhhoa.opendata.core.PipelineConfig;
import vn.thanhhoa.opendata.core.Sparks;
import vn.thanhhoa.opendata.core.Store;
import vn.thanhhoa.opendata.publish.ReleaseValidator;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check a release as a run does before publishing it: every CKAN package against CKAN's "
          + "rules (schemas/ckan/), the DCAT-AP catalogue against the official 3.0.0 SHACL "
          + "shapes, every data package against the Frictionless profile, every file's size and "
          + "sha256, row conservation.",
      "Exit 0 when valid; 1 with the problems listed otherwise."
    })
final class ValidateCommand extends Subcommand {
  @Parameters(
      arity = "0..1",
      paramLabel = "RELEASE",
      description = "Release folder or URI (default: the published release).")
  String release;

  @Override
  ExitCode execute(PipelineConfig config, Console console) {
    if (release != null) {
      Store store = Store.at(release, Store.configuration(Sparks.settings(config)));
      return validate(config, store, release, console);
    }
    OutputFolder output = OutputFolder.open(config);
    return validate(config, output.store(), published(output), console);
  }

  private static ExitCode validate(
      PipelineConfig config, Store store, String target, Console console) {
    List<String> problems = new ReleaseValidator(config.schemas()).validate(store, target);
    if (problems.isEmpty()) {
      console.out("valid: " + target);
      return ExitCode.OK;
    }
    problems.forEach(p -> console.out("invalid: " + p));
    console.error(target + ": " + problems.size() + " problem(s)");
    return ExitCode.FAILED;
  }

  private static String published(OutputFolder output) {
    return output
        .releases()
        .current()
        .orElseThrow(
            () ->
                new ConfigException(
                    "--output: no published release under " + output.layout().root()));
  }
}
