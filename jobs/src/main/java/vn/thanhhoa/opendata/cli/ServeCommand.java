package vn.thanhhoa.opendata.cli;

import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.thanhhoa.opendata.core.ConfigException;
import vn.thanhhoa.opendata.core.Layout;
import vn.thanhhoa.opendata.core.PipelineConfig;
import vn.thanhhoa.opendata.serve.FeedServer;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve <output>/current as a read-only CKAN site: the Action API (/api/3/action/… and "
          + "/api/action/…), the data files at the URLs the resources name, the DCAT catalogue "
          + "(/catalog.ttl, /catalog.jsonld) and a page listing the datasets at /. A newly "
          + "published release is picked up without a restart.",
      "Needs no Spark. Stop it with Ctrl-C."
    })
final class ServeCommand extends Subcommand {
  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "5000",
      description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String bind;

  @Override
  ExitCode execute(PipelineConfig config, Console console) throws Exception {
    OutputFolder output = OutputFolder.open(config);
    requirePublished(output);
    Layout layout = output.layout();
    PipelineConfig.Portal portal = config.portal();
    try (FeedServer server =
        new FeedServer(
            output.store().localPath(layout.current()),
            bind,
            port,
            portal.baseUrl(),
            portal.siteTitle())) {
      server.start();
      console.out(
          "serving "
              + layout.current()
              + " on http://"
              + bind
              + ":"
              + server.port()
              + "/ (resources name "
              + portal.baseUrl()
              + ")");
      untilStopped();
    }
    return ExitCode.OK;
  }

  private static void requirePublished(OutputFolder output) {
    if (!output.store().isLocal()) {
      throw new ConfigException(
          "output: serve reads a folder on this machine; copy the feed here first (e.g. "
              + "`hdfs dfs -get` or `aws s3 sync` of "
              + output.layout().root()
              + ") and point --output at the copy");
    }
    if (output.releases().current().isEmpty()) {
      throw new ConfigException(
          "--output: no published release at "
              + output.layout().current()
              + "; run `./pipeline nightly` first");
    }
  }

  private static void untilStopped() throws InterruptedException {
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
    stop.await();
  }
}
