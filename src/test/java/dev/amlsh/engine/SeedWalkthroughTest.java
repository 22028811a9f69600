package dev.amlsh.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amlsh.conda.CondaFileReader;
import dev.amlsh.image.BaseImageCatalog;
import dev.amlsh.image.DockerfileRenderer;
import dev.amlsh.image.EnvironmentHashes;
import dev.amlsh.image.ImageDetails;
import dev.amlsh.image.MutatedCondaFile;
import dev.amlsh.model.Environment;
import dev.amlsh.model.Environments;
import dev.amlsh.model.SdkRelease;
import dev.amlsh.workspace.InMemoryWorkspaceStore;
import dev.amlsh.workspace.Registration;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed page's walkthrough through the engine, compared byte for byte with the seed's files. */
class SeedWalkthroughTest {

    static final String SEED_IMAGE = "mcr.microsoft.com/azureml/intelmpi2018.3-ubuntu16.04:20200821.v1";

    static Path seed(String file) throws URISyntaxException {
        return Path.of(
                SeedWalkthroughTest.class.getResource("/seed-pytorch/" + file).toURI());
    }

    @Test
    void registeredSeedEnvironmentPrintsTheSeedsDockerfileAndCondaFile() throws Exception {
        List<String> warnings = new ArrayList<>();
        Environment env = Environments.fromCondaSpecification(
                "pytorch", CondaFileReader.read(seed("env.yml")), SEED_IMAGE, warnings::add);
        var store = new InMemoryWorkspaceStore(
                "seed", SdkRelease.DEFAULT_BASE_IMAGE, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        Registration registration = store.register(env, null);
        Environment registered = registration.version().environment();

        String condaName = EnvironmentHashes.condaEnvironmentName(registered.condaSpec());
        DockerfileRenderer renderer = new DockerfileRenderer(BaseImageCatalog.bundled());

        assertThat(warnings).isEmpty();
        assertThat(registered.version()).isEqualTo("1");
        assertThat(condaName).matches("azureml_[0-9a-f]{32}");
        assertThat(renderer.render(registered)).isEqualTo(expected("Dockerfile.expected", condaName));
        assertThat(MutatedCondaFile.render(registered))
                .contains(expected("mutated_conda_dependencies.yml.expected", condaName));
        assertThat(ImageDetails.of(registered, renderer).ingredients().dockerfile())
                .isEqualTo(renderer.render(registered));
    }

    @Test
    void theSeedsOwnHashIsNotReproduced() throws Exception {
        var spec = CondaFileReader.read(seed("env.yml"));
        // Azure ML's algorithm is not public; amlsh's emulator rule must not pretend otherwise.
        assertThat(EnvironmentHashes.condaEnvironmentName(spec))
                .isNotEqualTo("azureml_7459a71437df47401c6a369f49fbbdb6");
    }

    private static String expected(String file, String condaName) throws IOException, URISyntaxException {
        return Files.readString(seed(file), StandardCharsets.UTF_8).replace("{ENV}", condaName);
    }
}
