package dev.amlsh.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The domain stays plain Java: model, conda, image, diff, lint, formats and workspace import
 * nothing from the shell, Spring or JLine (only {@code dev.amlsh.shell} may).
 */
class ArchitectureTest {

    static final String[] DOMAIN = {"dev.amlsh.model..", "dev.amlsh.conda..", "dev.amlsh.image..", "dev.amlsh.diff..",
        "dev.amlsh.lint..", "dev.amlsh.formats..", "dev.amlsh.workspace..", "dev.amlsh.files.."};

    /** The compiled main classes only (scanning the whole classpath for the package is slow). */
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(java.nio.file.Path.of("target", "classes"));

    @Test
    void theDomainImportsNothingFromTheShellSpringOrJline() {
        ArchRule rule = noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat()
                .resideInAnyPackage("dev.amlsh.shell..", "org.springframework..", "org.jline..")
                .because("domain errors and rules live in the domain; only dev.amlsh.shell is the edge");
        rule.check(CLASSES);
    }

    @Test
    void theRuleSeesTheDomain() {
        assertThat(CLASSES.stream().filter(c -> c.getPackageName().startsWith("dev.amlsh.formats")).count()).isPositive();
        assertThat(CLASSES.stream().filter(c -> c.getPackageName().startsWith("dev.amlsh.model")).count()).isPositive();
    }
}
