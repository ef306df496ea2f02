package vn.thanhhoa.opendata;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Data flows one way: landing files → ingest → transform → publish → serve, on a small core, with
 * the command line on top. Each stage sees only the stage before it (and core): a stage that skips
 * one, or reaches back, fails here with the offending class and line.
 */
class StageDependenciesTest {
  private static final JavaClasses PRODUCT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("vn.thanhhoa.opendata");

  @Test
  void eachStageDependsOnlyOnTheOneBeforeItAndCore() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("core")
        .definedBy("..opendata.core..")
        .layer("ingest")
        .definedBy("..opendata.ingest..")
        .layer("transform")
        .definedBy("..opendata.transform..")
        .layer("publish")
        .definedBy("..opendata.publish..")
        .layer("serve")
        .definedBy("..opendata.serve..")
        .layer("cli")
        .definedBy("..opendata.cli..", "vn.thanhhoa.opendata")
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("serve")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("publish")
        .mayOnlyBeAccessedByLayers("serve", "cli")
        .whereLayer("transform")
        .mayOnlyBeAccessedByLayers("publish", "cli")
        .whereLayer("ingest")
        .mayOnlyBeAccessedByLayers("transform", "cli")
        .check(PRODUCT);
  }

  /**
   * A stage reaches the one before it only through that stage's front classes, never its insides.
   */
  @ParameterizedTest(name = "{0} sees only {2} of {1}")
  @CsvSource({
    "transform, ingest, StagingTables",
    "publish, transform, DatasetFiles",
    "serve, publish, Releases"
  })
  void aStageSeesOnlyTheFrontOfTheOneBefore(String stage, String before, String front) {
    String base = "vn.thanhhoa.opendata.";
    noClasses()
        .that()
        .resideInAPackage(base + stage + "..")
        .should()
        .dependOnClassesThat(
            resideInAPackage(base + before + "..")
                .and(not(nameMatching(base + before + "\\." + front + "(\\$.*)?"))))
        .check(PRODUCT);
  }

  @Test
  void everyClassIsInAStage() {
    classes()
        .should()
        .resideInAnyPackage(
            "..opendata.core..",
            "..opendata.ingest..",
            "..opendata.transform..",
            "..opendata.publish..",
            "..opendata.serve..",
            "..opendata.cli..",
            "vn.thanhhoa.opendata")
        .because("the root package holds only the entry point, Main")
        .check(PRODUCT);
  }

  @Test
  void stagesFormNoCycle() {
    slices().matching("vn.thanhhoa.opendata.(*)..").should().beFreeOfCycles().check(PRODUCT);
  }
}
