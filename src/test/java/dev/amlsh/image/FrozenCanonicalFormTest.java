package dev.amlsh.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amlsh.conda.CondaFileReader;
import dev.amlsh.model.CondaSpec;
import dev.amlsh.model.Environment;
import dev.amlsh.model.Environments;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The canonical forms behind both hashes are frozen (README: a change is a breaking change).
 * This pins their exact text for the seed's environment, so any change to them, or to the
 * trees {@link EnvironmentHashes} builds apart from the output formats, fails here first.
 */
class FrozenCanonicalFormTest {

    static final String SEED_IMAGE = "mcr.microsoft.com/azureml/intelmpi2018.3-ubuntu16.04:20200821.v1";

    private static CondaSpec seedSpec() throws URISyntaxException {
        return CondaFileReader.read(Path.of(FrozenCanonicalFormTest.class
                .getResource("/seed-pytorch/env.yml")
                .toURI()));
    }

    @Test
    void condaSpecCanonicalFormAndName() throws Exception {
        CondaSpec spec = seedSpec();
        assertThat(EnvironmentHashes.canonicalCondaSpec(spec))
                .isEqualTo("{\"channels\":[\"defaults\",\"pytorch\"],\"dependencies\":[\"python=3.7\",\"pytorch\","
                        + "\"torchvision\"]}");
        assertThat(EnvironmentHashes.condaEnvironmentName(spec)).isEqualTo("azureml_a255b8207c7f57230595f72f8d0d3328");
    }

    @Test
    void imageCanonicalFormAndName() throws Exception {
        Environment env = Environments.fromCondaSpecification("pytorch", seedSpec(), SEED_IMAGE, w -> {});
        assertThat(EnvironmentHashes.canonicalImage(env))
                .isEqualTo("{\"baseDockerfile\":null,"
                        + "\"baseImage\":\"" + SEED_IMAGE + "\",\"buildContext\":null,"
                        + "\"platform\":{\"architecture\":\"amd64\",\"os\":\"Linux\"},"
                        + "\"python\":{\"baseCondaEnvironment\":null,\"condaDependencies\":{\"channels\":"
                        + "[\"defaults\",\"pytorch\"],"
                        + "\"dependencies\":[\"python=3.7\",\"pytorch\",\"torchvision\"]},\"interpreterPath\":"
                        + "\"python\","
                        + "\"userManagedDependencies\":false},\"registryAddress\":null,\"sparkPackages\":[]}");
        assertThat(EnvironmentHashes.imageName(env)).isEqualTo("azureml/azureml_87704dcd2c5d60d324e85e7f0036dd71");
    }
}
