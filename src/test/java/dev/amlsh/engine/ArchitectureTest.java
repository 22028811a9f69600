package dev.amlsh.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

/**
 * The domain stays plain Java: model, conda, image, diff, explain, lint, formats and workspace import
 * nothing from the shell, Spring or JLine (only {@code dev.amlsh.shell} may).
 */
class ArchitectureTest {

    static final String[] DOMAIN = {
        "dev.amlsh.model..",
        "dev.amlsh.conda..",
        "dev.amlsh.image..",
        "dev.amlsh.diff..",
        "dev.amlsh.explain..",
        "dev.amlsh.lint..",
        "dev.amlsh.formats..",
        "dev.amlsh.workspace..",
        "dev.amlsh.files.."
    };

    /** The compiled main classes only (scanning the whole classpath for the package is slow). */
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(java.nio.file.Path.of("target", "classes"));

    @Test
    void theDomainImportsNothingFromTheShellSpringOrJline() {
        ArchRule rule = noClasses()
                .that()
                .resideInAnyPackage(DOMAIN)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.amlsh.shell..", "org.springframework..", "org.jline..")
                .because("domain errors and rules live in the domain; only dev.amlsh.shell is the edge");
        rule.check(CLASSES);
    }

    /**
     * The shell's packages, the root included, import each other without cycles: {@code api} at the
     * bottom (call, handler, exit code, usage error, output format, session); {@code render}, {@code cli},
     * {@code script}, {@code commands} and {@code interactive} stand on it; {@code launch} wires them;
     * the root holds only {@code main}.
     */
    @Test
    void theShellsPackagesAreFreeOfCycles() {
        SliceAssignment shellPackages = new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                if (name.equals("dev.amlsh.shell")) {
                    return SliceIdentifier.of("shell (root)");
                }
                if (name.startsWith("dev.amlsh.shell.")) {
                    return SliceIdentifier.of("shell."
                            + name.substring("dev.amlsh.shell.".length()).split("\\.")[0]);
                }
                return SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the packages of dev.amlsh.shell, the root included";
            }
        };
        SlicesRuleDefinition.slices()
                .assignedFrom(shellPackages)
                .should()
                .beFreeOfCycles()
                .check(CLASSES);
    }

    @Test
    void theCycleRuleSeesEveryShellPackage() {
        assertThat(CLASSES.stream()
                        .map(JavaClass::getPackageName)
                        .filter(p -> p.startsWith("dev.amlsh.shell"))
                        .distinct())
                .contains(
                        "dev.amlsh.shell",
                        "dev.amlsh.shell.api",
                        "dev.amlsh.shell.cli",
                        "dev.amlsh.shell.commands",
                        "dev.amlsh.shell.render",
                        "dev.amlsh.shell.script",
                        "dev.amlsh.shell.interactive",
                        "dev.amlsh.shell.launch");
    }

    @Test
    void theRuleSeesTheDomain() {
        assertThat(CLASSES.stream()
                        .filter(c -> c.getPackageName().startsWith("dev.amlsh.formats"))
                        .count())
                .isPositive();
        assertThat(CLASSES.stream()
                        .filter(c -> c.getPackageName().startsWith("dev.amlsh.model"))
                        .count())
                .isPositive();
    }
}
