package com.krleads.scraper;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of the service's main classes, read from their class files. */
class ArchitectureTest {
    private static final String APP = "com.krleads.scraper";
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(APP);
        assertThat(classes.contain(LeadScraperApplication.class)).isTrue();
        assertThat(classes.that(resideInAPackage(APP + ".core.."))).hasSizeGreaterThan(50);
    }

    /** The metric catalog ({@code com.krleads.metrics}) is shared by every module and allowed. */
    @Test
    void coreImportsNeitherDbResourcesNorTheServiceMetrics() {
        noClasses().that().resideInAPackage(APP + ".core..")
                .should().dependOnClassesThat()
                .resideInAnyPackage(APP + ".db..", APP + ".resources..", APP + ".metrics..")
                .check(classes);
    }

    @Test
    void dbNeverImportsResources() {
        noClasses().that().resideInAPackage(APP + ".db..")
                .should().dependOnClassesThat().resideInAPackage(APP + ".resources..")
                .check(classes);
    }

    /**
     * Every package is a slice, the application's own included. Its commands are the one
     * exception, as in any Dropwizard application: the application registers them and they run
     * with its configuration.
     */
    @Test
    void noPackageCycles() {
        slices().assignedFrom(EACH_PACKAGE).should().beFreeOfCycles()
                .ignoreDependency(resideInAPackage(APP + ".cli"), equivalentTo(LeadScraperConfiguration.class))
                .check(classes);
    }

    private static final SliceAssignment EACH_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            return pkg.equals(APP) || pkg.startsWith(APP + ".") ? SliceIdentifier.of(pkg) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "each package of the service";
        }
    };
}
