package vn.thanhhoa.opendata.publish;

import java.nio.file.Path;
import java.util.List;
import vn.thanhhoa.opendata.core.Store;

/**
 * Checks a release before it may become current, and any release on demand: every CKAN package
 * against CKAN's rules, the DCAT-AP catalogue against the official 3.0.0 SHACL shapes, every data
 * package against the official Frictionless profile, every file's size and hash against what the
 * metadata says, the site's pages and links, and row conservation in the run report.
 */
public final class ReleaseValidator {
  private final ReleaseSchemas schemas;

  public ReleaseValidator(Path schemas) {
    this.schemas = ReleaseSchemas.read(schemas);
  }

  /** As {@link #validate(Store, String)} for a release folder on this machine. */
  public List<String> validate(Path release) {
    return validate(Store.local(), release.toString());
  }

  /** Every problem found, each naming its file; empty when the release may be published. */
  public List<String> validate(Store store, String release) {
    if (!store.isDirectory(release)) {
      return List.of(release + ": no such release");
    }
    return new ReleaseCheck(schemas, store, release).run();
  }
}
