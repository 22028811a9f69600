package dev.amlsh.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amlsh.conda.CondaFileReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * azureml-core's {@code CondaDependencies} edit rules (azureml/core/conda_dependencies.py), one
 * test per method; each expected value was worked out by reading that method's code.
 */
class CondaDependenciesRulesTest {

    private static CondaSpec spec(String yaml) {
        return CondaFileReader.parse(Path.of("env.yml"), yaml);
    }

    private static List<String> deps(CondaSpec spec) {
        List<String> out = new ArrayList<>();
        for (CondaDependency d : spec.dependencies()) {
            out.add(d instanceof CondaPackage p ? p.spec() : "pip:" + ((PipSection) d).requirements());
        }
        return out;
    }

    private static List<String> fromConda(String yaml, List<String> warnings) {
        return deps(Environments.withPython(spec(yaml), warnings::add));
    }

    // from_conda_specification: warn and set python=3.8.13 only when get_python_version finds none

    @Test
    void fromCondaSpecificationAppendsTheDefaultPythonOnlyWhenNoEntryIsPython() {
        List<String> warnings = new ArrayList<>();
        assertThat(fromConda("dependencies:\n  - numpy\n", warnings)).containsExactly("numpy", "python=3.8.13");
        assertThat(warnings).containsExactly("No Python version provided, defaulting to \"3.8.13\"");
        warnings.clear();
        // 'python 3.8' has the package name 'python 3.8' (_get_package_name splits on [=|<>~!), so it is no python
        assertThat(fromConda("dependencies:\n  - python 3.8\n  - numpy\n", warnings))
                .containsExactly("python 3.8", "numpy", "python=3.8.13");
        assertThat(warnings).hasSize(1);
        warnings.clear();
        // neither are python-dateutil nor a channel-prefixed python (startswith('python') fails)
        assertThat(fromConda("dependencies:\n  - python-dateutil\n  - conda-forge::python=3.9\n", warnings))
                .containsExactly("python-dateutil", "conda-forge::python=3.9", "python=3.8.13");
    }

    @Test
    void aPythonEntryWhoseVersionTheRegexCannotReadIsReplacedInPlace() {
        for (String python : List.of("python", "python=3.8.*", "python=3.9.7=h12debd9_1", "python[version='>=3.8']")) {
            List<String> warnings = new ArrayList<>();
            assertThat(fromConda("dependencies:\n  - numpy\n  - " + python + "\n  - scipy\n", warnings))
                    .as(python)
                    .containsExactly("numpy", "python=3.8.13", "scipy");
            assertThat(warnings).as(python).containsExactly("No Python version provided, defaulting to \"3.8.13\"");
        }
    }

    @Test
    void aPythonEntryWithAReadableVersionIsKeptAsWritten() {
        // VERSION_REGEX.search finds a version at the end: 3.11 in python>=3.8,<3.11, 3.10 in python==3.10
        for (String python :
                List.of("python=3.10", "python==3.10", "python>=3.8,<3.11", "python=3.11.0b1", "python~=3.9")) {
            List<String> warnings = new ArrayList<>();
            assertThat(fromConda("dependencies:\n  - " + python + "\n", warnings))
                    .as(python)
                    .containsExactly(python);
            assertThat(warnings).as(python).isEmpty();
        }
        assertThat(spec("dependencies:\n  - python>=3.8,<3.11\n").sdkPythonVersion())
                .contains("3.11");
    }

    @Test
    void aFileWithoutDependenciesGetsThemWithPython() {
        CondaSpec noDeps = spec("name: x\nchannels:\n  - conda-forge\n");
        assertThat(noDeps.hasDependenciesKey()).isFalse();
        CondaSpec withPython = Environments.withPython(noDeps, w -> {});
        assertThat(withPython.hasDependenciesKey()).isTrue();
        assertThat(deps(withPython)).containsExactly("python=3.8.13");
    }

    // add_conda_package

    @Test
    void addingAnyPythonSpecSetsPythonEqualsItsVersion() {
        CondaSpec s = spec("dependencies:\n  - python=3.8\n  - numpy\n");
        assertThat(deps(s.addCondaPackage("python==3.11"))).containsExactly("python=3.11", "numpy");
        assertThat(deps(s.addCondaPackage("python>=3.10"))).containsExactly("python=3.10", "numpy");
        // set_python_version changes nothing when the version read from the entry is already that version
        CondaSpec ranged = spec("dependencies:\n  - python>=3.10\n");
        assertThat(ranged.addCondaPackage("python=3.10")).isSameAs(ranged);
        // with no python entry, python=<version> is appended
        assertThat(deps(spec("dependencies:\n  - numpy\n").addCondaPackage("python>=3.9")))
                .containsExactly("numpy", "python=3.9");
        // with no dependencies key the SDK stores the spec as given
        assertThat(deps(spec("name: x\n").addCondaPackage("python==3.11"))).containsExactly("python==3.11");
        // an exact duplicate is a no-op
        assertThat(s.addCondaPackage("numpy")).isSameAs(s);
    }

    @Test
    void aPythonSpecWithoutAReadableVersionIsRefusedWhereTheSdkFails() {
        CondaSpec s = spec("dependencies:\n  - python=3.8\n");
        for (String python : List.of("python", "python=3.10.*")) {
            assertThatThrownBy(() -> s.addCondaPackage(python))
                    .isInstanceOf(AmlshException.class)
                    .hasMessage("'" + python + "' names no python version azureml-core can set: add_conda_package needs"
                            + " python=X.Y or python=X.Y.Z (it fails on this one)");
        }
        // 'python 3.8' is not python: an ordinary package
        assertThat(deps(s.addCondaPackage("python 3.8"))).containsExactly("python=3.8", "python 3.8");
    }

    // add_pip_package / remove_pip_package

    @Test
    void aPipPackageIsNamedByTheTextBeforeTheFirstOperator() {
        assertThat(SdkPackageNames.packageName("rich >=13")).isEqualTo("rich ");
        assertThat(SdkPackageNames.packageName("pkg; python_version<'3.8'")).isEqualTo("pkg; python_version");
        assertThat(SdkPackageNames.packageName("azureml-core[notebooks]==1.55")).isEqualTo("azureml-core");
        assertThat(SdkPackageNames.packageName("https://x.org/w/torch-2.0.0-cp38-none-any.whl"))
                .isEqualTo("torch");
        assertThat(SdkPackageNames.packageName("a|b")).isEqualTo("a");
        CondaSpec s = spec("dependencies:\n  - pip:\n    - rich >=13\n    - pkg; python_version<'3.8'\n    - Torch\n");
        // other names: each is appended, nothing replaced (and names are case-sensitive)
        assertThat(s.addPipPackage("rich>=14")
                        .addPipPackage("pkg==1")
                        .addPipPackage("torch==2")
                        .pipRequirements())
                .containsExactly("rich >=13", "pkg; python_version<'3.8'", "Torch", "rich>=14", "pkg==1", "torch==2");
    }

    @Test
    void aPackageAlreadyListedIsReplacedAndGoesToTheEnd() {
        CondaSpec s = spec("dependencies:\n  - pip:\n    - numpy==1.0\n    - torch\n");
        assertThat(s.addPipPackage("numpy==2.0").pipRequirements()).containsExactly("torch", "numpy==2.0");
        assertThat(s.addPipPackage("numpy==1.0").pipRequirements()).containsExactly("torch", "numpy==1.0");
        // only the last entry of that name is removed
        CondaSpec twice = spec("dependencies:\n  - pip:\n    - numpy==1.0\n    - numpy==2.0\n");
        assertThat(twice.addPipPackage("numpy==3.0").pipRequirements()).containsExactly("numpy==1.0", "numpy==3.0");
        // no pip list: one is created at the end of dependencies
        assertThat(deps(spec("dependencies:\n  - python=3.9\n").addPipPackage("torch")))
                .containsExactly("python=3.9", "pip:[torch]");
    }

    @Test
    void removingAPipPackageRemovesTheLastEntryOfThatNameAndNothingElse() {
        CondaSpec s = spec("dependencies:\n  - pip:\n    - numpy==1.0\n    - torch\n");
        assertThat(s.removePipPackage("numpy==9").pipRequirements()).containsExactly("torch");
        assertThat(s.removePipPackage("scipy")).isSameAs(s);
        assertThat(s.removePipPackage("Numpy")).isSameAs(s);
    }

    @Test
    void pipOptionsAreRefusedAsPackagesWithTheSdksMessage() {
        CondaSpec s = SdkRelease.defaultCondaSpec();
        assertThatThrownBy(() -> s.addPipPackage("--index-url")).hasMessage("Invalid package name --index-url");
        assertThatThrownBy(() -> s.removePipPackage("-f x")).hasMessage("Invalid package name -f x");
        assertThatThrownBy(() -> s.setPipOption("index-url")).hasMessage("Invalid pip option index-url");
        assertThatThrownBy(() -> s.removePipOption("x")).hasMessage("Invalid pip option x");
    }

    // remove_conda_package / channels

    @Test
    void removingACondaPackageNeedsTheExactEntry() {
        CondaSpec s = spec("dependencies:\n  - python=3.9\n  - numpy\n  - scipy=1.11\n");
        assertThat(s.removeCondaPackage("numpy=1.21")).isSameAs(s);
        assertThat(s.removeCondaPackage("scipy")).isSameAs(s);
        assertThat(deps(s.removeCondaPackage("numpy"))).containsExactly("python=3.9", "scipy=1.11");
        // python is refused only when the exact python entry is named
        assertThat(s.removeCondaPackage("python")).isSameAs(s);
        assertThatThrownBy(() -> s.removeCondaPackage("python=3.9"))
                .hasMessage("python must not be removed from conda dependencies");
    }

    @Test
    void removingTheLastChannelLeavesAnEmptyChannelsList() {
        CondaSpec s = spec("channels:\n  - conda-forge\ndependencies: []\n");
        CondaSpec none = s.removeChannel("conda-forge");
        assertThat(none.hasChannelsKey()).isTrue();
        assertThat(none.channels()).isEmpty();
        assertThat(none).isNotEqualTo(spec("dependencies: []\n"));
        assertThat(s.removeChannel("defaults")).isSameAs(s);
        // add_channel with no channels key creates it
        CondaSpec noKey = spec("dependencies: []\n");
        assertThat(noKey.hasChannelsKey()).isFalse();
        assertThat(noKey.addChannel("pytorch").channels()).containsExactly("pytorch");
        assertThat(s.addChannel("conda-forge")).isSameAs(s);
    }

    // set_pip_option / remove_pip_option

    @Test
    void pipOptionsAreSetAndRemovedByTheirFirstWord() {
        CondaSpec s = spec("dependencies:\n  - python=3.9\n");
        CondaSpec one = s.setPipOption("--index-url https://a/simple");
        assertThat(deps(one)).containsExactly("python=3.9", "pip:[--index-url https://a/simple]");
        CondaSpec two = one.addPipPackage("torch")
                .setPipOption("--index-url https://b/simple")
                .setPipOption("--extra-index-url https://c/simple");
        assertThat(two.pipRequirements())
                .containsExactly("--index-url https://b/simple", "torch", "--extra-index-url https://c/simple");
        assertThat(two.removePipOption("--index-url").pipRequirements())
                .containsExactly("torch", "--extra-index-url https://c/simple");
        assertThat(two.removePipOption("-f")).isSameAs(two);
        // blank lines (from a requirements file) are left alone where the SDK's loop would fail on them
        CondaSpec blanks = s.withPipRequirements(List.of("", "--index-url a", "# c"));
        assertThat(blanks.setPipOption("--index-url b").pipRequirements()).containsExactly("", "--index-url b", "# c");
    }
}
