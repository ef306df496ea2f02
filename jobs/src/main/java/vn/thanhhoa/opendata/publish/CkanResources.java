package vn.thanhhoa.opendata.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.thanhhoa.opendata.core.DatasetSpec;
import vn.thanhhoa.opendata.core.PipelineConfig;
import vn.thanhhoa.opendata.transform.DatasetFiles;

/** A package's resources: one per dataset file, CSV first, then JSON, Parquet and Excel. */
final class CkanResources {
  private static final List<String> FORMAT_ORDER = List.of("csv", "json", "parquet", "xlsx");
  static final String XLSX_MEDIA_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final Map<String, Format> FORMATS =
      Map.of(
          "csv", new Format("CSV", "text/csv", "CSV (UTF-8 có BOM, phân tách bằng dấu phẩy)"),
          "json", new Format("JSON", "application/json", "JSON (mảng các đối tượng)"),
          "parquet",
              new Format(
                  "Parquet",
                  "application/vnd.apache.parquet",
                  "Apache Parquet (nén zstd, có kiểu dữ liệu)"),
          "xlsx",
              new Format(
                  "XLSX",
                  XLSX_MEDIA_TYPE,
                  "Excel (hàng tiêu đề tiếng Việt, trang thứ hai mô tả các cột)"));

  /** How CKAN names a file format: its format name, media type and a description. */
  private record Format(String name, String mimetype, String description) {}

  private final PipelineConfig.Portal portal;

  CkanResources(PipelineConfig.Portal portal) {
    this.portal = portal;
  }

  /** The URL of a dataset file, as {@code serve} and the portal expose it. */
  String fileUrl(String dataset, String path) {
    return portal.baseUrl() + "/datasets/" + dataset + "/" + path;
  }

  /** The resources of package {@code packageId}, without dates. */
  List<Map<String, Object>> list(DatasetSpec spec, String packageId, DatasetFiles.Written written) {
    List<DatasetFiles.FileEntry> files = new ArrayList<>(written.files());
    files.sort(
        Comparator.comparing((DatasetFiles.FileEntry f) -> FORMAT_ORDER.indexOf(f.format()))
            .thenComparing(DatasetFiles.FileEntry::path));
    List<Map<String, Object>> resources = new ArrayList<>();
    for (DatasetFiles.FileEntry f : files) {
      Map<String, Object> r = new LinkedHashMap<>();
      describe(r, spec, packageId, f, resources.size());
      file(r, f);
      // `serve` answers datastore_search over the dataset's rows for the CSV resource, the one
      // a CKAN portal's DataPusher would load.
      r.put("datastore_active", f.format().equals("csv"));
      resources.add(r);
    }
    return resources;
  }

  private void describe(
      Map<String, Object> r,
      DatasetSpec spec,
      String packageId,
      DatasetFiles.FileEntry f,
      int position) {
    Format format = FORMATS.get(f.format());
    r.put("id", Ids.resource(spec.name(), f.path()));
    r.put("package_id", packageId);
    r.put("url", fileUrl(spec.name(), f.path()));
    r.put("format", format.name());
    r.put("name", f.path().substring(f.path().lastIndexOf('/') + 1));
    r.put("description", format.description());
    r.put("position", position);
    r.put("state", "active");
    r.put("created", null);
    r.put("last_modified", null);
    r.put("metadata_modified", null);
    r.put("mimetype", format.mimetype());
  }

  private static void file(Map<String, Object> r, DatasetFiles.FileEntry f) {
    r.put("mimetype_inner", null);
    r.put("size", f.bytes());
    r.put("hash", f.sha256());
    r.put("hash_algorithm", "sha256");
    r.put("url_type", null);
    r.put("resource_type", null);
    r.put("cache_url", null);
    r.put("cache_last_updated", null);
  }
}
