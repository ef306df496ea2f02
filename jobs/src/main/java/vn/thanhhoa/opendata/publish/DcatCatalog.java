package vn.thanhhoa.opendata.publish;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.VCARD4;
import vn.thanhhoa.opendata.core.DatasetCatalog;
import vn.thanhhoa.opendata.core.DatasetSpec;
import vn.thanhhoa.opendata.core.PipelineConfig;
import vn.thanhhoa.opendata.core.Store;

/**
 * The DCAT-AP 3 catalogue of the feed, mapped from the CKAN packages the way ckanext-dcat's
 * euro_dcat_ap_3 profile maps them (dataset URI {base}/dataset/{id}, distribution URI
 * {base}/dataset/{id}/resource/{rid}). Every object node is typed, since SHACL validation does no
 * inference.
 */
final class DcatCatalog {
  static final String SPDX = "http://spdx.org/rdf/terms#";
  private static final String EU = "http://publications.europa.eu/resource/authority/";
  private static final Map<String, String> FREQUENCIES =
      Map.of(
          "daily",
          "DAILY",
          "monthly",
          "MONTHLY",
          "irregular",
          "IRREG",
          "annual",
          "ANNUAL",
          "weekly",
          "WEEKLY");
  private static final Map<String, String> FILE_TYPES =
      Map.of("CSV", "CSV", "JSON", "JSON", "Parquet", "PARQUET", "XLSX", "XLSX");

  static final String LANGUAGE_VI = EU + "language/VIE";

  /** The EU frequency vocabulary URI of a dataset's frequency. */
  static String frequencyUri(String frequency) {
    return EU + "frequency/" + FREQUENCIES.getOrDefault(frequency, "UNKNOWN");
  }

  private final DatasetCatalog catalog;
  private final PipelineConfig.Portal portal;
  private final Model model = ModelFactory.createDefaultModel();

  DcatCatalog(DatasetCatalog catalog, PipelineConfig.Portal portal) {
    this.catalog = catalog;
    this.portal = portal;
    model
        .setNsPrefix("dcat", DCAT.NS)
        .setNsPrefix("dct", DCTerms.NS)
        .setNsPrefix("foaf", FOAF.NS)
        .setNsPrefix("vcard", VCARD4.NS)
        .setNsPrefix("spdx", SPDX)
        .setNsPrefix("rdfs", RDFS.uri)
        .setNsPrefix("xsd", XSDDatatype.XSD + "#");
  }

  /** Builds the graph from the final packages (in catalogue order). */
  Model build(List<JsonNode> packages, List<DatasetSpec> specs) {
    Resource publisher = publisher();
    Resource cat = catalogResource(publisher);
    packages.stream()
        .map(p -> p.path("metadata_modified").asText())
        .max(String::compareTo)
        .ifPresent(newest -> cat.addProperty(DCTerms.modified, dateTime(newest)));
    for (int i = 0; i < packages.size(); i++) {
      cat.addProperty(DCAT.dataset, dataset(packages.get(i), specs.get(i), publisher));
    }
    return model;
  }

  private Resource catalogResource(Resource publisher) {
    return model
        .createResource(portal.baseUrl() + "/catalog")
        .addProperty(RDF.type, DCAT.Catalog)
        .addProperty(DCTerms.title, portal.siteTitle(), "vi")
        .addProperty(
            DCTerms.description,
            "Dữ liệu mở về chuyển đổi số của tỉnh Thanh Hóa: "
                + "chính quyền số, kinh tế số và xã hội số.",
            "vi")
        .addProperty(DCTerms.publisher, publisher)
        .addProperty(FOAF.homepage, typed(portal.baseUrl() + "/", FOAF.Document))
        .addProperty(DCTerms.language, typed(LANGUAGE_VI, DCTerms.LinguisticSystem));
  }

  private Resource publisher() {
    DatasetCatalog.Organization org = catalog.organization();
    Resource agent =
        model
            .createResource(portal.baseUrl() + "/organization/" + org.name())
            .addProperty(RDF.type, FOAF.Agent)
            .addProperty(FOAF.name, org.title(), "vi");
    if (org.url() != null) {
      agent.addProperty(FOAF.homepage, typed(org.url(), FOAF.Document));
    }
    return agent;
  }

  private Resource dataset(JsonNode pkg, DatasetSpec spec, Resource publisher) {
    String id = pkg.path("id").asText();
    Resource ds =
        model
            .createResource(portal.baseUrl() + "/dataset/" + id)
            .addProperty(RDF.type, DCAT.Dataset)
            .addProperty(DCTerms.title, spec.title().vi(), "vi")
            .addProperty(DCTerms.title, spec.title().en(), "en")
            .addProperty(DCTerms.description, spec.description().vi(), "vi")
            .addProperty(DCTerms.description, spec.description().en(), "en")
            .addProperty(DCTerms.identifier, id)
            .addProperty(DCTerms.issued, dateTime(pkg.path("metadata_created").asText()))
            .addProperty(DCTerms.modified, dateTime(pkg.path("metadata_modified").asText()))
            .addProperty(DCTerms.publisher, publisher)
            .addProperty(DCAT.landingPage, typed(pkg.path("url").asText(), FOAF.Document))
            .addProperty(DCTerms.language, typed(LANGUAGE_VI, DCTerms.LinguisticSystem))
            .addProperty(DCAT.contactPoint, contact());
    pkg.path("tags").forEach(t -> ds.addProperty(DCAT.keyword, t.path("name").asText(), "vi"));
    ds.addProperty(
        DCTerms.accrualPeriodicity, typed(frequencyUri(spec.frequency()), DCTerms.Frequency));
    String licenseUrl = pkg.path("license_url").asText("");
    for (JsonNode r : pkg.path("resources")) {
      ds.addProperty(DCAT.distribution, distribution(id, r, licenseUrl));
    }
    return ds;
  }

  private Resource contact() {
    DatasetCatalog.Organization org = catalog.organization();
    Resource kind =
        model
            .createResource(portal.baseUrl() + "/organization/" + org.name() + "#contact")
            .addProperty(RDF.type, VCARD4.Kind)
            .addProperty(RDF.type, VCARD4.Organization)
            .addProperty(VCARD4.fn, org.title());
    if (org.email() != null) {
      kind.addProperty(VCARD4.hasEmail, model.createResource("mailto:" + org.email()));
    }
    return kind;
  }

  private Resource distribution(String datasetId, JsonNode r, String licenseUrl) {
    Resource file = typed(r.path("url").asText(), RDFS.Resource);
    Resource d =
        model
            .createResource(
                portal.baseUrl() + "/dataset/" + datasetId + "/resource/" + r.path("id").asText())
            .addProperty(RDF.type, DCAT.Distribution)
            .addProperty(DCTerms.title, r.path("name").asText())
            .addProperty(DCTerms.description, r.path("description").asText(), "vi")
            .addProperty(DCAT.accessURL, file)
            .addProperty(DCAT.downloadURL, file);
    describeFile(d, r);
    String fileType = FILE_TYPES.get(r.path("format").asText());
    if (fileType != null) {
      d.addProperty(DCTerms.format, typed(EU + "file-type/" + fileType, DCTerms.MediaTypeOrExtent));
    }
    if (!licenseUrl.isEmpty()) {
      d.addProperty(DCTerms.license, typed(licenseUrl, DCTerms.LicenseDocument));
    }
    return d;
  }

  /** The distribution's media type, size, dates and checksum. */
  private void describeFile(Resource d, JsonNode r) {
    d.addProperty(
            DCAT.mediaType,
            typed(
                "https://www.iana.org/assignments/media-types/" + r.path("mimetype").asText(),
                DCTerms.MediaType))
        .addLiteral(
            DCAT.byteSize,
            model.createTypedLiteral(
                String.valueOf(r.path("size").asLong()), XSDDatatype.XSDnonNegativeInteger))
        .addProperty(DCTerms.issued, dateTime(r.path("created").asText()))
        .addProperty(DCTerms.modified, dateTime(r.path("metadata_modified").asText()))
        .addProperty(model.createProperty(SPDX, "checksum"), checksum(r.path("hash").asText()));
  }

  private Resource checksum(String sha256) {
    Property algorithm = model.createProperty(SPDX, "algorithm");
    Property value = model.createProperty(SPDX, "checksumValue");
    return model
        .createResource()
        .addProperty(RDF.type, model.createResource(SPDX + "Checksum"))
        .addProperty(
            algorithm,
            typed(
                SPDX + "checksumAlgorithm_sha256",
                model.createResource(SPDX + "ChecksumAlgorithm")))
        .addLiteral(value, model.createTypedLiteral(sha256, XSDDatatype.XSDhexBinary));
  }

  private Resource typed(String uri, Resource type) {
    return model.createResource(uri).addProperty(RDF.type, type);
  }

  private Literal dateTime(String ckanTime) {
    return model.createTypedLiteral(ckanTime, XSDDatatype.XSDdateTime);
  }

  /** Writes catalog.ttl and catalog.jsonld into {@code release}. */
  static void write(Model model, Store store, String release) {
    write(model, store, release + "/catalog.ttl", RDFFormat.TURTLE_PRETTY);
    write(model, store, release + "/catalog.jsonld", RDFFormat.JSONLD11_PRETTY);
  }

  private static void write(Model model, Store store, String file, RDFFormat format) {
    try (OutputStream out = store.create(file)) {
      RDFDataMgr.write(out, model, format);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }
}
