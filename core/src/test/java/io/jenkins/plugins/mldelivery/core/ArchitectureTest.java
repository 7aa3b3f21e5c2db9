package io.jenkins.plugins.mldelivery.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.BeforeClass;
import org.junit.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture that must not rot: core is Jenkins-free, knows nothing of its clients, and its
 * packages form no cycles.
 */
public class ArchitectureTest {
    private static JavaClasses core;

    @BeforeClass
    public static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.jenkins.plugins.mldelivery.core");
    }

    @Test
    public void shouldNotDependOnJenkinsStaplerOrHudson() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "hudson..", "jenkins..", "org.kohsuke.stapler..", "org.jenkinsci..", "io.jenkins.cli..")
                .because("core must build and be tested without any Jenkins artifact")
                .check(core);
    }

    @Test
    public void shouldNotDependOnTheCommandLineOrThePlugin() {
        noClasses().should().dependOnClassesThat(
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("io.jenkins.plugins.mldelivery..")
                                .and(com.tngtech.archunit.base.DescribedPredicate.not(
                                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                                                "io.jenkins.plugins.mldelivery.core.."))))
                .because("cli and plugin depend on core, never the reverse")
                .check(core);
    }

    @Test
    public void shouldKeepToThePackageDiagram() {
        java.net.URL diagram = ArchitectureTest.class.getResource("architecture.puml");
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .should(com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.adhereToPlantUmlDiagram(diagram,
                        com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.Configuration
                                .consideringOnlyDependenciesInDiagram()))
                .check(core);
    }

    @Test
    public void shouldKeepCorePackagesFreeOfCycles() {
        slices().matching("io.jenkins.plugins.mldelivery.core.(*)..")
                .should().beFreeOfCycles()
                .check(core);
    }
}
