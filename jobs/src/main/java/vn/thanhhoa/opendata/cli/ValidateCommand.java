package vn.thanhhoa.opendata.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
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
    Store store =
        release != null
            ? Store.at(release, Store.configuration(Sparks.settings(config)))
            : OutputFolder.open(config).store();
    String target = release != null ? release : published(store, new Layout(config.output()));
    List<String> problems = new ReleaseValidator(config.schemas()).validate(store, target);
    if (problems.isEmpty()) {
      console.out("valid: " + target);
      return ExitCode.OK;
    }
    problems.forEach(p -> console.out("invalid: " + p));
    console.error(target + ": " + problems.size() + " problem(s)");
    return ExitCode.FAILED;
  }

  private static String published(Store store, Layout layout) {
    return new Releases(store, layout)
        .current()
        .orElseThrow(
            () -> new ConfigException("--output: no published release under " + layout.root()));
  }
}
