package vn.thanhhoa.opendata.transform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.io.output.CloseShieldOutputStream;

/**
 * A zip file copied entry by entry with one fixed date on every entry: a zip records each entry's
 * time of writing, so the same content would otherwise give different bytes in every run.
 */
final class FixedZip {
  /**
   * 1 January 2000, 00:00, in the zip's own local-time field whatever this machine's zone: the
   * instant is taken in the default zone because the zip format converts it back with it.
   */
  static final long TIME =
      LocalDateTime.of(2000, 1, 1, 0, 0).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();

  private FixedZip() {}

  static void copy(Path zip, OutputStream out) throws IOException {
    try (ZipFile in = ZipFile.builder().setPath(zip).get();
        ZipArchiveOutputStream copy =
            new ZipArchiveOutputStream(CloseShieldOutputStream.wrap(out))) {
      for (ZipArchiveEntry entry : Collections.list(in.getEntriesInPhysicalOrder())) {
        ZipArchiveEntry fixed = new ZipArchiveEntry(entry.getName());
        fixed.setTime(TIME);
        fixed.setMethod(ZipEntry.DEFLATED);
        copy.putArchiveEntry(fixed);
        try (InputStream data = in.getInputStream(entry)) {
          data.transferTo(copy);
        }
        copy.closeArchiveEntry();
      }
    }
  }
}
